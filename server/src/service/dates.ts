/** Parsing of the date forms found in front matter: RFC 2822, ISO 8601 and `YYYY-MM-DD HH:mm:ss [+0800]`. */

export interface ParsedDate {
  /** The instant, in UTC milliseconds. */
  time: number;
  year: number;
  month: number;
  day: number;
  /** For RFC 2822 dates: the weekday as written (0 = Sunday) and where it is in the source. */
  writtenWeekday?: { index: number; start: number; end: number; text: string };
}

export type DateResult = { ok: true; date: ParsedDate } | { ok: false; reason: 'unparseable' | 'impossible' };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZONES: Record<string, number> = { GMT: 0, UT: 0, UTC: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

const RFC2822 =
  /^(?:([A-Za-z]{3}),\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?$/;
const ISO_LIKE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
/** Beijing time, the zone of Chinese sources, when a date says none. */
const DEFAULT_OFFSET_MINUTES = 480;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return DEFAULT_OFFSET_MINUTES;
  if (zone in ZONES) return ZONES[zone];
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) return null;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string | undefined): DateResult {
  const offset = offsetMinutes(zone);
  if (offset === null) return { ok: false, reason: 'unparseable' };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) {
    return { ok: false, reason: 'impossible' };
  }
  const time = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  return { ok: true, date: { time, year, month, day } };
}

/** Parses a date as written in front matter. */
export function parseDate(source: string): DateResult {
  const text = source.trim();
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = iso;
    return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), zone);
  }
  const rfc = RFC2822.exec(text);
  if (rfc) {
    const [, weekday, d, mon, y, h, mi, s = '0', zone] = rfc;
    const month = MONTHS.findIndex((m) => m.toLowerCase() === mon.toLowerCase()) + 1;
    if (month === 0) return { ok: false, reason: 'unparseable' };
    const result = build(Number(y), month, Number(d), Number(h), Number(mi), Number(s), zone?.toUpperCase() ?? 'GMT');
    if (result.ok && weekday) {
      const index = WEEKDAYS.findIndex((w) => w.toLowerCase() === weekday.toLowerCase());
      if (index < 0) return { ok: false, reason: 'unparseable' };
      const start = source.indexOf(weekday);
      result.date.writtenWeekday = { index, start, end: start + weekday.length, text: weekday };
    }
    return result;
  }
  return { ok: false, reason: 'unparseable' };
}

/** The weekday (0 = Sunday) of a calendar date. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function weekdayName(index: number): string {
  return WEEKDAYS[index];
}
