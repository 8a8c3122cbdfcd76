import { parseDate } from '../dates';
import type { PolicyDocument } from './document';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A 成文日期 on a line of its own: the 落款 date of an official document. */
const WRITTEN_DATE_LINE = /^[ \t\u3000]*(\d{4})年(\d{1,2})月(\d{1,2})日[ \t\u3000]*$/gm;
/** The 落款 is at the end: only this much of the tail is searched. */
const TAIL_CHARS = 3000;

/** The date a document speaks from: its front-matter `date`, else the 成文日期 at its end. */
export function documentDate(doc: PolicyDocument): CalendarDate | null {
  const value = doc.entry('date')?.value;
  if (typeof value === 'string') {
    const parsed = parseDate(value);
    if (parsed.ok) return { year: parsed.date.year, month: parsed.date.month, day: parsed.date.day };
  }
  const tail = doc.prose.slice(Math.max(doc.bodyStart, doc.prose.length - TAIL_CHARS));
  let last: CalendarDate | null = null;
  for (const match of tail.matchAll(WRITTEN_DATE_LINE)) last = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return last;
}
