import { daysInMonth, parseDate } from '../dates';
import type { PolicyDocument } from './document';
import type { CalendarParts } from './official';

export type CalendarDate = CalendarParts;

/** The date a document speaks from: its front-matter `date`, else the 成文日期 of its 落款 (when it is a real date). */
export function documentDate(doc: PolicyDocument): CalendarDate | null {
  const value = doc.entry('date')?.value;
  if (typeof value === 'string') {
    const parsed = parseDate(value);
    if (parsed.ok) return { year: parsed.date.year, month: parsed.date.month, day: parsed.date.day };
  }
  return writtenDateOf(doc);
}

/** The 成文日期 of the document's own 落款, when it is a real date. */
export function writtenDateOf(doc: PolicyDocument): CalendarDate | null {
  const written = doc.official.writtenDate;
  if (!written || written.month < 1 || written.month > 12 || written.day < 1 || written.day > daysInMonth(written.year, written.month)) return null;
  return { year: written.year, month: written.month, day: written.day };
}
