/**
 * The parts of an official document (公文) that rules, hover and highlighting read: 发文字号, the
 * 成文日期 of the 落款, dates in the text, the pkulaw 法宝引证码 and the 层次序数 markers. Everything
 * is found in the prose (see prose.ts), so every offset is an offset into the source text.
 */

import { agencyCodeStart, hasAgencyCodeFinal, type KnownCodes } from './agencyCode';
import { bodyLines, type BodyLine } from './bodyLines';
import { chineseNumber, chineseYear } from './numerals';
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
  /**
   * The 代字, without the prose before it (各部门要按照国发〔…〕 → 国发). Where its start cannot be told
   * (`agencyExact` false), a listed 代字 at the end of the run, else empty: the number starts at the bracket.
   */
  agency: Span;
  /** True where the context, a word of prose or punctuation before a short run delimits the 代字. */
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
  /** Runs of space inside the number: after the 代字, inside the brackets, around 第, before 号. */
  spaces: Span[];
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

/** A date `YYYY年M月D日` (or with a two-digit year) written in Arabic numerals (full-width too) in the text. */
export interface TextDate extends Span {
  year: Span & { value: number };
  month: Span & { value: number };
  day: Span & { value: number };
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

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

// ---- 发文字号 ----

/** Space that may stand inside a 发文字号 or a date as typed or crawled (`〔 2022〕`, `137 号`); never a line break. */
const GAP = '[ \\t\\u00a0\\u3000]*';
const OPEN_BRACKETS = '〔［\\[【(（﹝';
const CLOSE_BRACKETS = '〕］\\]】)）﹞';
/**
 * Bracketed year + optional 第 + sequence + optional 号, after a CJK character, matched in the
 * canonical text (see `canonicalChars`); the 代字 is read backwards from the bracket. Context decides
 * later whether it is a 发文字号. Groups: 1 open, 2 gap, 3 year, 4 gap, 5 close, 6 gap, 7 第, 8 gap,
 * 9 sequence, 10 gap, 11 号.
 */
const DOC_NUMBER = new RegExp(
  `(?<=[\\u4e00-\\u9fff]${GAP})([${OPEN_BRACKETS}])(${GAP})([0-9]{2,4}|[〇零○一二三四五六七八九]{4})(${GAP})([${CLOSE_BRACKETS}])(${GAP})(?:(第)(${GAP}))?([0-9]{1,5})(?![0-9])(?:(${GAP})(号))?`,
  'yd',
);
const OPEN_BRACKET = new RegExp(`[${OPEN_BRACKETS}]`, 'g');

/**
 * The matches of DOC_NUMBER in a line, as `matchAll` with the `g` flag would give them, but tried
 * only where an opening bracket stands: scanning every position runs the look-behind back over the
 * same spaces again and again, quadratic on a line of blanked markup (a 13,000-character data URL).
 */
function* docNumberMatches(text: string): Generator<RegExpExecArray> {
  OPEN_BRACKET.lastIndex = 0;
  for (let open = OPEN_BRACKET.exec(text); open; open = OPEN_BRACKET.exec(text)) {
    DOC_NUMBER.lastIndex = open.index;
    const match = DOC_NUMBER.exec(text);
    if (!match) continue;
    OPEN_BRACKET.lastIndex = DOC_NUMBER.lastIndex;
    yield match;
  }
}
const GAP_GROUPS = [2, 4, 6, 8, 10];
const HEADER_BEFORE = /^\s*[（(]?\s*$/;
const HEADER_AFTER = /^\s*[）)]?\s*(?:签发人[:：].*)?$/;
const TITLE_BEFORE = /》\s*[（(]\s*$/;
const LIST_SEPARATOR = /^\s*[、，,；;]\s*$/;
const LABEL_BEFORE = /(?:发文字号|文号|字号)\s*[】\]]?\s*[:：]?\s*$/;
/** What may follow a 发文字号 without 号 in a title or label context: its closing bracket, a separator, the line end. */
const TITLE_AFTER_NO_HAO = /^\s*[）)、，,；;]/;
const LABEL_AFTER_NO_HAO = /^(?:\s|[，。；、）)]|$)/;
/** A title that goes on after the number (`…的通知` / `（国发〔2020〕4号）` / `的通知`): the number is the forwarded document's. */
const TITLE_GOES_ON = /^\s*的/;
/** A sentence: once one has been read, the header is over. */
const SENTENCE = /[。；！？]/;
const AGENCY_MAX = 10;
/** The longest 代字 seen in real text (工信厅联电子函, 吉外经贸外企字) and then some; a longer run has prose in it. */
const AGENCY_EXACT_MAX = 8;
/** A run of CJK characters after punctuation this short is a 代字, not prose (，国发〔2020〕1号). */
const EXACT_RUN_MAX = 4;
/**
 * How much of the line on each side of a 发文字号 decides its context (a header line, a 《title》（, a
 * label): more than any of them needs, and a bound, so a megabyte-long line of numbers stays linear.
 */
const CONTEXT_CHARS = 200;

function isCjk(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

function isGap(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\u00a0' || char === '\u3000';
}

/** Kangxi radicals, compatibility ideographs and full-width digits: what NFKC maps to one ideograph or digit. */
const LOOKALIKE = /[\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff19]/g;

/**
 * The text with each lookalike character replaced by its NFKC form (⼀ → 一, ２ → 2), one character
 * for one, so offsets stay those of the source; for matching only. Full-width brackets are left:
 * the patterns name them.
 */
export function canonicalChars(text: string): string {
  return text.replace(LOOKALIKE, (char) => {
    const normal = char.normalize('NFKC');
    return normal.length === 1 ? normal : char;
  });
}

function yearValue(canonical: string): number | null {
  if (/^[0-9]{4}$/.test(canonical)) return Number(canonical);
  return canonical.length === 4 ? chineseYear(canonical) : null;
}

function findDocNumbers(prose: string, canonical: string, lines: BodyLine[], codes: KnownCodes): DocNumber[] {
  const numbers: DocNumber[] = [];
  let ownFound = false;
  let headerOver = false;
  lines.forEach((line, lineIndex) => {
    const text = canonical.slice(line.start, line.end);
    const isHeaderLine = !headerOver && line.index < HEADER_LINES;
    if (SENTENCE.test(text)) headerOver = true;
    if (!/[〔［\[【(（﹝]/.test(text)) return;
    let previous: DocNumber | null = null;
    let previousEnd = 0;
    for (const match of docNumberMatches(text)) {
      const at = (group: number) => {
        const [s, e] = match.indices![group];
        return span(prose, line.start + s, line.start + e);
      };
      const openAt = match.index;
      let gapStart = openAt;
      while (gapStart > previousEnd && isGap(text[gapStart - 1])) gapStart--;
      let runStart = gapStart;
      while (runStart > previousEnd && gapStart - runStart < AGENCY_MAX && isCjk(text.charCodeAt(runStart - 1))) runStart--;
      // A date or a number runs into the 代字 where a crawl lost the line break (2020年5月11日粤府〔2020〕30号).
      if (runStart > 0 && /\d/.test(text[runStart - 1]) && /^[日号]/.test(text.slice(runStart, gapStart))) runStart++;
      const run = text.slice(runStart, gapStart);
      const cut = agencyCodeStart(run);
      if (cut === run.length) continue;
      // A space before the bracket belongs to the number only after a 代字; else it parts the cells of a flattened table (审批类别 〔2013〕47号).
      const code = run.slice(cut);
      if (gapStart < openAt && !codes.isKnown(code) && !hasAgencyCodeFinal(code)) continue;
      const sequence = at(9);
      const haoSpan = match[11] ? at(11) : null;
      const end = (haoSpan ?? sequence).end - line.start;
      const agencyStart = runStart + cut;
      const beforeStart = Math.max(0, agencyStart - CONTEXT_CHARS);
      const afterEnd = Math.min(text.length, end + CONTEXT_CHARS);
      const before = text.slice(beforeStart, agencyStart);
      const after = text.slice(end, afterEnd);
      const wholeLine = beforeStart === 0 && afterEnd === text.length;
      let context: DocNumberContext = 'inline';
      if (wholeLine && HEADER_BEFORE.test(before) && HEADER_AFTER.test(after)) {
        const next = lines[lineIndex + 1];
        context = next && TITLE_GOES_ON.test(prose.slice(next.start, next.end)) ? 'title' : 'header';
      } else if (TITLE_BEFORE.test(before)) context = 'title';
      else if (previous?.context === 'title' && LIST_SEPARATOR.test(text.slice(previousEnd, agencyStart))) context = 'title';
      else if (LABEL_BEFORE.test(before)) context = 'label';
      if (!haoSpan) {
        const next = lines[lineIndex + 1];
        // The cell of a flattened table wraps its 号 onto the next line (所得税审批〔2004〕62 / 号）).
        const haoWrapped = next !== undefined && /^\s*号/.test(prose.slice(next.start, next.end));
        const accepted =
          (context === 'header' && !haoWrapped) ||
          (context === 'title' && TITLE_AFTER_NO_HAO.test(after)) ||
          (context === 'label' && LABEL_AFTER_NO_HAO.test(after));
        if (!accepted) continue;
      }
      const agency = span(prose, line.start + agencyStart, line.start + gapStart);
      // The 代字 has no prose in front where the context, a word of prose or punctuation right before a short run delimits it.
      // PDF text breaks a 代字 with a space or a line break (（交 基发〔1995〕448号）): its start is then unknown.
      const brokenBefore = cut === 0 && runStart > 1 && /\s/.test(text[runStart - 1]) && isCjk(text.charCodeAt(runStart - 2));
      const agencyExact =
        agency.text.length <= AGENCY_EXACT_MAX &&
        !brokenBefore &&
        (cut > 0 || context !== 'inline' || /[（(、]$/.test(before) || (gapStart - runStart < AGENCY_MAX && agency.text.length <= EXACT_RUN_MAX));
      if (!agencyExact) {
        // Prose may run into the 代字: keep a known 代字 at its end, else none, so the number is quoted alone.
        const known = codes.knownEnd(agency.text);
        agency.start = agency.end - (known?.length ?? 0);
        agency.text = known ?? '';
      }
      const own = !ownFound && isHeaderLine && (context === 'header' || context === 'label');
      if (own) ownFound = true;
      previousEnd = end;
      const year = at(3);
      const gaps = [span(prose, agency.end, line.start + openAt), ...GAP_GROUPS.filter((group) => match[group]).map(at)];
      const number: DocNumber = {
        ...span(prose, agency.start, line.start + end),
        agency,
        agencyExact,
        open: at(1),
        close: at(5),
        year: { ...year, value: yearValue(match[3]) },
        ordinal: match[7] ? at(7) : null,
        sequence: { ...sequence, value: Number(match[9]) },
        hao: haoSpan,
        spaces: gaps.filter((gap) => gap.end > gap.start),
        context,
        own,
      };
      numbers.push(number);
      previous = number;
    }
  });
  return numbers;
}

// ---- dates ----

const YEAR_DIGITS = '[0-9]{4}|[〇零○一二三四五六七八九]{4}';
const DAY_DIGITS = '[0-9]{1,2}|[一二三四五六七八九十]{1,3}';
/** The organ signing a 落款 on the same line as its date (`广东省人民政府二〇〇三年一月二十七日`). */
const SIGNING_ORGAN = `[\\u4e00-\\u9fff（）()]{2,40}?(?:政府|办公厅|办公室|委员会|小组|中心|公司|银行|[部局厅委院会署处社所站馆])${GAP}`;
/** Longer lines (not counting space) are text, not a 落款: an organ of 40 characters, a date of 20. */
const DATE_LINE_MAX = 60;
/** A line that is a date and nothing else, or an organ and its date, as the 落款 has it (in the canonical text). */
/** A short bracketed remark around a 落款 on a crawled line: `（此件主动公开）` after it (the 附注), `(手机扫一扫查看文件)` before it. */
const REMARK = `[（(][^（）()\n]{1,20}[）)]${GAP}`;
const DATE_LINE = new RegExp(`^${GAP}(?:${REMARK})?(?:${SIGNING_ORGAN})?(${YEAR_DIGITS})${GAP}年${GAP}(${DAY_DIGITS})${GAP}月${GAP}(${DAY_DIGITS})${GAP}日${GAP}(?:${REMARK})?$`, 'd');
/** What follows the 落款 and is not the document's own text: an attachment, the 版记 (抄送, 印发). */
const AFTER_SIGNATURE = new RegExp(`^${GAP}(?:附件${GAP}[0-9一二三四五六七八九十]*${GAP}$|抄送${GAP}[:：]|主题词|.*印发${GAP}$)`);
/** Every AFTER_SIGNATURE line holds one of these words: a cheap test first, since most lines after the body hold none. */
const SIGNATURE_END_WORD = /附件|抄送|主题词|印发/;
/**
 * The title (or the first line of a wrapped title) of a forwarded or issued document after the body
 * (`关于…的报告`): its date is not the document's. A numbered heading (`三、关于资金管理`) is not one.
 */
const FORWARDED_TITLE = /^(?![^\S\n]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+[.、]))[^。，；：:,;！？]{0,80}关于[^。，；：:,;！？]*$/;

/**
 * The 成文日期 of the document's own 落款: the first line after the body that is a date alone, before
 * any attachment, 版记 or forwarded document. Null where it cannot be told with confidence.
 */
function findWrittenDate(prose: string, canonical: string, lines: BodyLine[], own: DocNumber | null): WrittenDate | null {
  let bodyStarted = false;
  for (const line of lines) {
    if (own && line.end <= own.end) continue;
    const text = prose.slice(line.start, line.end);
    if (SIGNATURE_END_WORD.test(text) && AFTER_SIGNATURE.test(text)) return null;
    const canonicalLine = canonical.slice(line.start, line.end);
    const date = bodyStarted && canonicalLine.includes('日') && text.replace(/\s+/g, '').length <= DATE_LINE_MAX ? DATE_LINE.exec(canonicalLine) : null;
    if (date) return writtenDate(prose, line.start, date);
    if (bodyStarted && FORWARDED_TITLE.test(text)) return null;
    if (SENTENCE.test(text)) bodyStarted = true;
  }
  return null;
}

function writtenDate(prose: string, lineStart: number, match: RegExpExecArray): WrittenDate | null {
  const [, year, month, day] = match;
  const chinese = !/^[0-9]/.test(year);
  const numberOf = (text: string) => (chinese ? chineseNumber(text) : /^[0-9]+$/.test(text) ? Number(text) : null);
  const values = [chinese ? chineseYear(year) : Number(year), numberOf(month), numberOf(day)];
  if (values.some((value) => value === null)) return null;
  const start = lineStart + match.indices![1][0];
  const end = lineStart + match[0].indexOf('日', match.indices![3][1]) + 1;
  return { ...span(prose, start, end), year: values[0]!, month: values[1]!, day: values[2]!, numerals: chinese ? 'chinese' : 'arabic' };
}

const TEXT_DATE = /(?<![0-9.])([0-9]{4}|[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日/gd;

function findDates(prose: string, canonical: string, bodyStart: number): TextDate[] {
  if (!prose.includes('日', bodyStart)) return [];
  const dates: TextDate[] = [];
  for (const match of canonical.slice(bodyStart).matchAll(TEXT_DATE)) {
    const at = (group: number) => {
      const part = span(prose, bodyStart + match.indices![group][0], bodyStart + match.indices![group][1]);
      return { ...part, value: Number(match[group]) };
    };
    dates.push({ ...span(prose, bodyStart + match.index, bodyStart + match.index + match[0].length), year: at(1), month: at(2), day: at(3) });
  }
  return dates;
}

// ---- 法宝引证码 ----

const CLI_LABEL = /法宝引证码\s*[】\]]?\s*[:：]?[^\S\n]*/d;

function findCliCode(prose: string, lines: BodyLine[]): Span | null {
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
export function parseOfficial(prose: string, bodyStart: number, codes: KnownCodes): OfficialParts {
  const lines = bodyLines(prose, bodyStart);
  const canonical = canonicalChars(prose);
  const docNumbers = findDocNumbers(prose, canonical, lines, codes);
  const ownNumber = docNumbers.find((number) => number.own) ?? null;
  let sections: SectionMarker[] | undefined;
  return {
    docNumbers,
    ownNumber,
    writtenDate: findWrittenDate(prose, canonical, lines, ownNumber),
    dates: findDates(prose, canonical, bodyStart),
    cliCode: findCliCode(prose, lines),
    // Only the section rules and the outline read these: found on first use.
    get sections() {
      sections ??= findSections(prose, bodyStart);
      return sections;
    },
  };
}

/** A 发文字号 as a message quotes it: as written, each run of space shown as one (crawled pages pad with hundreds). */
export function quotedNumber(number: DocNumber): string {
  return number.text.replace(/\s+/g, ' ');
}

/** True when the source has exactly the prose's characters there (no entity, no tag), so a fix may edit it. */
export function isVerbatim(text: string, prose: string, start: number, end: number): boolean {
  return text.slice(start, end) === prose.slice(start, end);
}
