/**
 * The parts of an official document (公文) that rules, hover and highlighting read: 发文字号, the
 * 成文日期 of the 落款, dates in the text, the pkulaw 法宝引证码 and the 层次序数 markers. Everything
 * is found in the prose (see prose.ts), so every offset is an offset into the source text.
 */

import { findSections, type SectionMarker } from './sections';

export type { SectionLevel, SectionMarker } from './sections';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Where a 发文字号 stands, which decides whether it is one at all when its 号 is missing. */
export type DocNumberContext = 'header' | 'title' | 'label' | 'inline';

export interface DocNumber extends Span {
  /** The CJK run before the bracket: the 代字, possibly with prose in front when `agencyExact` is false. */
  agency: Span;
  /** True where the context delimits the 代字 (header line, after 《title》（, after a label, right after 、 or （). */
  agencyExact: boolean;
  open: Span;
  close: Span;
  /** The year as written; `value` is the full year when it is written with four digits or numerals. */
  year: Span & { value: number | null };
  /** A `第` before the sequence number. */
  ordinal: Span | null;
  sequence: Span & { value: number };
  /** The closing 号, null when it is missing. */
  hao: Span | null;
  context: DocNumberContext;
  /** The document's own number (in its header), as opposed to a citation of another document. */
  own: boolean;
}

export interface CalendarParts {
  year: number;
  month: number;
  day: number;
}

export interface WrittenDate extends Span, CalendarParts {
  numerals: 'arabic' | 'chinese';
}

/** A date `YYYY年M月D日` (or with a two-digit year) written in Arabic numerals in the text. */
export interface TextDate extends Span {
  year: Span;
  month: Span;
  day: Span;
}

export interface OfficialParts {
  docNumbers: DocNumber[];
  ownNumber: DocNumber | null;
  writtenDate: WrittenDate | null;
  dates: TextDate[];
  cliCode: Span | null;
  sections: SectionMarker[];
}

/** The header of a document (own 发文字号, 法宝引证码) is within this many non-blank lines of the body. */
const HEADER_LINES = 15;
/** The 落款 is at the end: only this much of the tail is searched for the 成文日期. */
const TAIL_CHARS = 3000;

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** ASCII digits for full-width ones (０-９). */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

/** A year written digit by digit in Chinese numerals: 二〇二〇 → 2020. */
export function chineseYear(text: string): number | null {
  let value = 0;
  for (const char of text) {
    const digit = CHINESE_DIGITS[char];
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return value;
}

/** A number from 1 to 99 in Chinese numerals: 三, 十, 十二, 二十, 二十一. */
export function chineseNumber(text: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return null;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? CHINESE_DIGITS[tens] : null;
  return (tens ? CHINESE_DIGITS[tens] : 1) * 10 + (units ? CHINESE_DIGITS[units] : 0);
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

interface Line {
  start: number;
  end: number;
  /** Index among the non-blank lines of the body. */
  index: number;
}

function isSpace(code: number): boolean {
  return code <= 32 || code === 0x3000 || code === 0xa0 || code === 0xfeff;
}

function bodyLines(prose: string, bodyStart: number): Line[] {
  const lines: Line[] = [];
  let index = 0;
  let start = bodyStart;
  while (start <= prose.length) {
    let end = prose.indexOf('\n', start);
    if (end < 0) end = prose.length;
    let first = start;
    while (first < end && isSpace(prose.charCodeAt(first))) first++;
    if (first < end) lines.push({ start, end, index: index++ });
    start = end + 1;
  }
  return lines;
}

// ---- 发文字号 ----

const OPEN_BRACKETS = '〔［\\[【(（﹝';
const CLOSE_BRACKETS = '〕］\\]】)）﹞';
/**
 * Bracketed year + optional 第 + sequence + optional 号, right after a CJK character; the 代字 (up to
 * ten CJK characters) is read backwards from the bracket. Context decides later whether it is a 发文字号.
 */
const DOC_NUMBER = new RegExp(
  `(?<=[\\u4e00-\\u9fff])([${OPEN_BRACKETS}])([0-9０-９]{2,4}|[〇零○一二三四五六七八九]{4})([${CLOSE_BRACKETS}])(第?)([0-9０-９]{1,5})(?![0-9０-９])(号?)`,
  'gd',
);
const HEADER_BEFORE = /^\s*[（(]?\s*$/;
const HEADER_AFTER = /^\s*[）)]?\s*(?:签发人[:：].*)?$/;
const TITLE_BEFORE = /》\s*[（(]\s*$/;
const LIST_SEPARATOR = /^\s*[、，,；;]\s*$/;
const LABEL_BEFORE = /(?:发文字号|文号|字号)\s*[】\]]?\s*[:：]?\s*$/;
/** What may follow a 发文字号 without 号 in a title or label context: its closing bracket, a separator, the line end. */
const TITLE_AFTER_NO_HAO = /^\s*[）)、，,；;]/;
const LABEL_AFTER_NO_HAO = /^(?:\s|[，。；、）)]|$)/;
const AGENCY_MAX = 10;
/**
 * How much of the line on each side of a 发文字号 decides its context (a header line, a 《title》（, a
 * label): more than any of them needs, and a bound, so a megabyte-long line of numbers stays linear.
 */
const CONTEXT_CHARS = 200;

function isCjk(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

function yearValue(text: string): number | null {
  const ascii = asciiDigits(text);
  if (/^[0-9]{4}$/.test(ascii)) return Number(ascii);
  return text.length === 4 ? chineseYear(text) : null;
}

function findDocNumbers(prose: string, lines: Line[]): DocNumber[] {
  const numbers: DocNumber[] = [];
  let ownFound = false;
  for (const line of lines) {
    const text = prose.slice(line.start, line.end);
    if (!/[〔［\[【(（﹝]/.test(text)) continue;
    let previous: DocNumber | null = null;
    let previousEnd = line.start;
    for (const match of text.matchAll(DOC_NUMBER)) {
      const at = (group: number) => {
        const [s, e] = match.indices![group];
        return span(prose, line.start + s, line.start + e);
      };
      const open = at(1);
      let agencyStart = open.start;
      while (agencyStart > previousEnd && open.start - agencyStart < AGENCY_MAX && isCjk(prose.charCodeAt(agencyStart - 1))) agencyStart--;
      const agency = span(prose, agencyStart, open.start);
      const sequence = at(5);
      const haoSpan = match[6] ? at(6) : null;
      const end = haoSpan ? haoSpan.end : sequence.end;
      const beforeStart = Math.max(line.start, agency.start - CONTEXT_CHARS);
      const afterEnd = Math.min(line.end, end + CONTEXT_CHARS);
      const before = prose.slice(beforeStart, agency.start);
      const after = prose.slice(end, afterEnd);
      const wholeLine = beforeStart === line.start && afterEnd === line.end;
      let context: DocNumberContext = 'inline';
      if (wholeLine && HEADER_BEFORE.test(before) && HEADER_AFTER.test(after)) context = 'header';
      else if (TITLE_BEFORE.test(before)) context = 'title';
      else if (previous?.context === 'title' && LIST_SEPARATOR.test(prose.slice(previous.end, agency.start))) context = 'title';
      else if (LABEL_BEFORE.test(before)) context = 'label';
      if (!haoSpan) {
        const accepted =
          context === 'header' ||
          (context === 'title' && TITLE_AFTER_NO_HAO.test(after)) ||
          (context === 'label' && LABEL_AFTER_NO_HAO.test(after));
        if (!accepted) continue;
      }
      const own = !ownFound && (context === 'header' || context === 'label') && line.index < HEADER_LINES;
      if (own) ownFound = true;
      previousEnd = end;
      const year = at(2);
      const number: DocNumber = {
        ...span(prose, agency.start, end),
        agency,
        agencyExact: context !== 'inline' || /[（(、]$/.test(before),
        open,
        close: at(3),
        year: { ...year, value: yearValue(year.text) },
        ordinal: match[4] ? at(4) : null,
        sequence: { ...sequence, value: Number(asciiDigits(sequence.text)) },
        hao: haoSpan,
        context,
        own,
      };
      numbers.push(number);
      previous = number;
    }
  }
  return numbers;
}

// ---- dates ----

const WRITTEN_DATE_LINE =
  /^[^\S\n]*([0-9]{4}|[〇零○一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日[^\S\n]*$/gmd;

function findWrittenDate(prose: string, bodyStart: number): WrittenDate | null {
  const from = Math.max(bodyStart, prose.length - TAIL_CHARS);
  const tail = prose.slice(from);
  let last: RegExpExecArray | null = null;
  for (const match of tail.matchAll(WRITTEN_DATE_LINE)) last = match;
  if (!last) return null;
  const [, year, month, day] = last;
  const chinese = !/^[0-9]/.test(year);
  const numberOf = (text: string) => (chinese ? chineseNumber(text) : /^[0-9]+$/.test(text) ? Number(text) : null);
  const values = [chinese ? chineseYear(year) : Number(year), numberOf(month), numberOf(day)];
  if (values.some((value) => value === null)) return null;
  const start = from + last.indices![1][0];
  const end = from + last.indices![3][1] + 1;
  return { ...span(prose, start, end), year: values[0]!, month: values[1]!, day: values[2]!, numerals: chinese ? 'chinese' : 'arabic' };
}

const TEXT_DATE = /(?<![0-9０-９.])([0-9]{4}|[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日/gd;

function findDates(prose: string, bodyStart: number): TextDate[] {
  const body = prose.slice(bodyStart);
  if (!body.includes('日')) return [];
  const dates: TextDate[] = [];
  for (const match of body.matchAll(TEXT_DATE)) {
    const at = (group: number) => span(prose, bodyStart + match.indices![group][0], bodyStart + match.indices![group][1]);
    dates.push({ ...at(0), year: at(1), month: at(2), day: at(3) });
  }
  return dates;
}

// ---- 法宝引证码 ----

const CLI_LABEL = /法宝引证码\s*[】\]]?\s*[:：]?[^\S\n]*/d;

function findCliCode(prose: string, lines: Line[]): Span | null {
  for (const line of lines.slice(0, 5)) {
    const text = prose.slice(line.start, line.end);
    const label = CLI_LABEL.exec(text);
    if (!label) continue;
    let tokenEnd = text.length;
    const nextField = text.indexOf('【', label.indices![0][1]);
    if (nextField >= 0) tokenEnd = nextField;
    const token = text.slice(label.indices![0][1], tokenEnd).trimEnd();
    if (token === '') return null;
    const start = line.start + label.indices![0][1];
    return span(prose, start, start + token.length);
  }
  return null;
}

/** Finds the official-document parts of a document's prose (computed once, see `doc.official`). */
export function parseOfficial(prose: string, bodyStart: number): OfficialParts {
  const lines = bodyLines(prose, bodyStart);
  const docNumbers = findDocNumbers(prose, lines);
  return {
    docNumbers,
    ownNumber: docNumbers.find((number) => number.own) ?? null,
    writtenDate: findWrittenDate(prose, bodyStart),
    dates: findDates(prose, bodyStart),
    cliCode: findCliCode(prose, lines),
    sections: findSections(prose, bodyStart),
  };
}

/** True when the source has exactly the prose's characters there (no entity, no tag), so a fix may edit it. */
export function isVerbatim(text: string, prose: string, start: number, end: number): boolean {
  return text.slice(start, end) === prose.slice(start, end);
}
