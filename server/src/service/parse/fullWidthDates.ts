import type { PolicyDocument } from './document';
import { asciiDigits } from './numerals';

/** A span of the text and the same span with its full-width digits made half-width. */
export interface FullWidthSpan {
  start: number;
  end: number;
  found: string;
  standard: string;
}

/**
 * The whole dates of the text (year, month and day, or the 成文日期 of the 落款) written with full-width
 * digits (`２００２年６月２９日`): lookalike-characters reports them, one finding each; fullwidth-digits
 * leaves them alone.
 */
export function fullWidthDates(doc: PolicyDocument): FullWidthSpan[] {
  const { dates, writtenDate } = doc.official;
  const spans = writtenDate && !dates.some((date) => date.start === writtenDate.start) ? [...dates, writtenDate] : dates;
  return spans.filter((date) => /[０-９]/.test(date.text)).map((date) => ({ start: date.start, end: date.end, found: date.text, standard: asciiDigits(date.text) }));
}
