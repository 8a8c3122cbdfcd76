/**
 * Reads one parsed document into what the workspace index keeps of it (see types.ts): title, own
 * 发文字号, date, agency, 法宝引证码, citations, status statements, fingerprint. Everything comes from
 * the parse model (`doc.official`, `doc.prose`, the front matter); nothing here re-parses the text.
 */
import { findTitle, type TitleCandidate } from '../clean/title';
import { bodyLines, type BodyLine } from '../parse/bodyLines';
import type { PolicyDocument } from '../parse/document';
import { documentDate, writtenDateOf } from '../parse/documentDate';
import type { DocNumber, TextDate } from '../parse/official';
import { numberKey, titleKey, wholeTitle } from './normalize';
import { fingerprintCodes, simhash } from './simhash';
import type { Citation, DocumentEntry, IsoDate, StatusKind, StatusStatement } from './types';

/** A body shorter than this (letters and digits) has no fingerprint: too little to tell copies from look-alikes. */
export const FINGERPRINT_MIN = 200;
/** How many lines at the top may hold the title and the header fields. */
const HEAD_LINES = 10;
const MAX_CITATIONS = 2000;
const MAX_VALUES = 50;

const iso = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function stringsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()).slice(0, MAX_VALUES);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

// ---- title ----

const PKULAW_HEADER = /法宝引证码|^\s*原文链接/;
const HEADING = /^[^\S\n]*(#{1,6})[^\S\n]+/;
/** A crawler's fields run into the title's line (`…的通报 发文机构：… 发布时间：… 发文字号：…`). */
const CRAWLER_FIELDS = /[\s\u3000]+(?:发文机构|发文机关|发布机构|发布时间|发布日期|发文字号|成文日期|政策类型)\s*[:：].*$/;
/** A title has words (not a rule line `━━━━`), and is not a sentence of the body (`为深入推进…，根据…`). */
const TITLE_TEXT = /[\u4e00-\u9fff]{2}/;
const TITLE_SENTENCE = /^(?:为|根据|按照|近日|日前)[^，]*，/;
const INDENT = /^(?:[\u3000\u2003]|&emsp;|&#8195;|&nbsp;)/;
/** A line that is a title's own form: `# 标题`, `**标题**`, `标题{align=center}`. */
function lineTitle(text: string): string {
  return text.replace(HEADING, '').replace(/^\*\*(.*)\*\*$/, '$1').replace(/\{[^}]*\}\s*$/, '').trim();
}

/** A head line as findTitle sees it, read only if findTitle gets that far (most titles are found in the first lines). */
class LineCandidate implements TitleCandidate {
  private shownText?: string;
  private indent?: boolean;
  private isHeading?: boolean;

  constructor(
    private readonly doc: PolicyDocument,
    private readonly line: BodyLine,
  ) {}

  get text(): string {
    return (this.shownText ??= lineTitle(this.doc.prose.slice(this.line.start, this.line.end)));
  }

  get indented(): boolean {
    return (this.indent ??= INDENT.test(this.doc.text.slice(this.line.start, this.line.end).replace(/^[ \t]*(?:<[^>]*>)*/, '')));
  }

  get heading(): boolean {
    return (this.isHeading ??= HEADING.test(this.doc.prose.slice(this.line.start, this.line.end)));
  }
}

interface FoundDocumentTitle {
  title: string;
  /** Where the title stands: its line in the body, or the front matter's `title:` value. */
  start: number;
  end: number;
  line?: BodyLine;
}

function findDocumentTitle(doc: PolicyDocument, lines: BodyLine[]): FoundDocumentTitle | undefined {
  const entry = doc.entry('title');
  const front = stringOf(entry?.value);
  if (entry && front !== undefined) {
    const quote = entry.quoted ? 1 : 0;
    return { title: front, start: entry.valueStart + quote, end: Math.max(entry.valueStart + quote, entry.valueEnd - quote) };
  }
  const head = lines.slice(0, HEAD_LINES).filter((line) => !PKULAW_HEADER.test(doc.prose.slice(line.start, line.end)));
  const own = doc.official.ownNumber;
  const attempt = (from: number) => {
    const candidates = head.slice(from).map((line) => new LineCandidate(doc, line));
    const found = findTitle(candidates);
    const title = found?.title.replace(CRAWLER_FIELDS, '').trim();
    if (!found || !title || /文件$/.test(title) || !TITLE_TEXT.test(title) || TITLE_SENTENCE.test(title)) return undefined;
    const line = head[from + found.index];
    return { title, line, start: line.start, end: head[from + (found.through ?? found.index)].end };
  };
  // A 公文 puts its title under its 发文字号 (and its 发文机关标志 above that). When what stands under
  // the number is not named like a document (a page's title split over lines), a crawl's record may
  // hold the whole title above the number (title, 发文字号, then the page).
  const numberLine = own ? head.findIndex((line) => line.start <= own.start && own.end <= line.end) : -1;
  const under = numberLine >= 0 && numberLine < 4 ? attempt(numberLine + 1) : undefined;
  if (under && wholeTitle(under.title)) return under;
  const above = attempt(0);
  if (under && !(above && above.line.end <= own!.start && wholeTitle(above.title))) return under;
  if (above) return above;
  for (const line of lines) {
    const text = doc.prose.slice(line.start, line.end);
    if (HEADING.test(text)) {
      const title = lineTitle(text);
      if (title) return { title, line, start: line.start, end: line.end };
    }
  }
  return undefined;
}

/**
 * The document's own 发文字号: the header's, else a number alone on its line right above or below
 * the document's title, as a regulation prints it under the 公告 that promulgates it.
 */
function findOwnNumber(doc: PolicyDocument, lines: BodyLine[], title: string | undefined): DocNumber | undefined {
  if (doc.official.ownNumber) return doc.official.ownNumber;
  if (!title) return undefined;
  const key = titleKey(title);
  const isTitle = (line: BodyLine | undefined) => {
    const text = line && titleKey(lineTitle(doc.prose.slice(line.start, line.end)));
    return !!text && (text === key || (text.length >= 6 && (key.startsWith(text) || key.endsWith(text))));
  };
  for (const number of doc.official.docNumbers) {
    if (number.context !== 'header' || number.agency.text === '') continue;
    const at = lines.findIndex((line) => line.start <= number.start && number.end <= line.end);
    if (at >= 0 && (isTitle(lines[at + 1]) || isTitle(lines[at - 1]))) return number;
  }
  return undefined;
}

// ---- date and agency ----

const LABELLED_DATE = /(?:发布日期|发布时间|成文日期|印发日期|发文日期|施行日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
const FILE_NAME_DATE = /(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])/;
/** A line of the head that is a date alone, with or without the time: a crawl's publication time under the title. */
const DATE_LINE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;
/** A line of a law's header opens with the date of an event (`2018年8月31日 第十三届…第七次修正`, `（2023年…通过，…）`). */
const HEADER_DATE_START = /^[\s（(]*$/;
const AMENDED = /修正|修订|修改/;
/** The 落款 is among the last lines of a document (an attachment, a 附注 or a 版记 may stand after it). */
const SIGNATURE_LINES = 4;

function isoOf(date: { year: number; month: number; day: number } | null | undefined): IsoDate | undefined {
  return date && validDate(date.year, date.month, date.day) ? iso(date.year, date.month, date.day) : undefined;
}

const textDate = (date: TextDate) => ({ year: date.year.value, month: date.month.value, day: date.day.value });

const dateOf = (match: RegExpExecArray | null | undefined) => (match ? isoOf({ year: +match[1], month: +match[2], day: +match[3] }) : undefined);

/** A 落款 is dated before its publication, by days or weeks; one dated months before is a forwarded document's. */
const SIGNED_BEFORE_PUBLISHED_MAX_DAYS = 90;

/**
 * The date of a 落款 the parser did not take for the document's own (an attachment's lines before it,
 * a crawl that lost its layout): a date alone, or after the signing organ, on one of the last lines;
 * not dated after the header's labelled date (`发布日期：`), nor months before it.
 */
function findSignatureDate(doc: PolicyDocument, lines: BodyLine[], labelled: IsoDate | undefined): TextDate | undefined {
  const dates = doc.official.dates;
  const last = lines.slice(-SIGNATURE_LINES);
  for (let i = dates.length - 1; i >= 0 && last.length > 0 && dates[i].start >= last[0].start; i--) {
    const line = last.find((found) => found.start <= dates[i].start && dates[i].end <= found.end);
    if (!line) continue;
    const before = doc.prose.slice(line.start, dates[i].start).trim();
    if (doc.prose.slice(dates[i].end, line.end).trim() !== '' || (before !== '' && !ORGAN_LINE.test(before))) continue;
    const signed = isoOf(textDate(dates[i]));
    const days = signed && labelled ? (Date.parse(labelled) - Date.parse(signed)) / 86_400_000 : 0;
    return signed && days >= 0 && days <= SIGNED_BEFORE_PUBLISHED_MAX_DAYS ? dates[i] : undefined;
  }
  return undefined;
}

/** A date that bounds a time (`自…起`, `请于…前`, `成立于…`) is not the document's. */
const TIME_CLAUSE_BEFORE = /(?:于|自|从|至|到|截至|截止)\s*$/;
const TIME_CLAUSE_AFTER = /^\s*(?:起|前|之前|以前|后|之后|以后|至|到|止)/;

/**
 * The date the head gives: of a law's header, the last amendment (修正, 修订, 修改) its history lines
 * name, the version the file holds; else the first date (a law's passage, a news item's day), but
 * not one that bounds a time (`2019年1月1日起全面施行`).
 */
function headerDate(doc: PolicyDocument, head: BodyLine[]): IsoDate | undefined {
  let first: TextDate | undefined;
  let amended: TextDate | undefined;
  for (const line of head) {
    const dates = doc.official.dates.filter((date) => line.start <= date.start && date.end <= line.end && date.year.value >= 1900);
    // A history line opens with a date: `2018年8月31日 …第七次修正`, `（1991年6月29日…通过　根据2009年…修正　2010年…修订）`.
    const history = dates.length > 0 && HEADER_DATE_START.test(doc.prose.slice(line.start, dates[0].start));
    dates.forEach((date, i) => {
      if (TIME_CLAUSE_BEFORE.test(doc.prose.slice(Math.max(line.start, date.start - 4), date.start)) || TIME_CLAUSE_AFTER.test(doc.prose.slice(date.end, date.end + 4))) return;
      first ??= date;
      if (history && AMENDED.test(doc.prose.slice(date.end, dates[i + 1]?.start ?? line.end))) amended = date;
    });
  }
  const date = amended ?? first;
  return date && isoOf(textDate(date));
}

/**
 * A Wiki.js page's front matter (`published:`, `editor:`, `dateCreated:` next to `date:`) dates the page's
 * last edit, not the document: the laws and judgments such a wiki holds were written years before.
 */
function wikiPage(doc: PolicyDocument): boolean {
  return doc.entry('dateCreated') !== undefined && doc.entry('editor') !== undefined;
}

function findDate(doc: PolicyDocument, lines: BodyLine[], labelled: IsoDate | undefined, signature: TextDate | undefined): IsoDate | undefined {
  const headLines = lines.slice(0, HEAD_LINES);
  const dateLine = headLines.map((line) => dateOf(DATE_LINE.exec(doc.prose.slice(line.start, line.end)))).find(Boolean);
  const named = FILE_NAME_DATE.exec(decodeURIComponentSafe(doc.uri.slice(doc.uri.lastIndexOf('/') + 1)));
  return isoOf(wikiPage(doc) ? writtenDateOf(doc) : documentDate(doc)) ?? isoOf(signature && textDate(signature)) ?? labelled ?? dateLine ?? headerDate(doc, headLines) ?? dateOf(named);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const AGENCY_LABEL = /(?:发文机关|发文机构|发布机关|发布机构|制定机关|发文单位)\s*[:：]\s*([^\s:：，。；]{2,40})/;
const ORGAN_LINE = /^[\u4e00-\u9fff（）()、]{2,40}$/;

/** The agency: the front matter's, a header label's, else the organ that signs the 落款 (`written`, its date). */
function findAgency(doc: PolicyDocument, head: string, lines: BodyLine[], written: { start: number; end: number } | undefined): string | undefined {
  for (const key of ['agency', 'author', 'source']) {
    const value = stringOf(doc.entry(key)?.value);
    if (value !== undefined) return value;
  }
  const labelled = AGENCY_LABEL.exec(head);
  if (labelled) return labelled[1];
  if (!written) return undefined;
  const dateLine = lines.findIndex((line) => line.start <= written.start && written.end <= line.end);
  if (dateLine < 0) return undefined;
  const sameLine = doc.prose.slice(lines[dateLine].start, written.start).trim();
  if (sameLine.length >= 2 && ORGAN_LINE.test(sameLine)) return sameLine;
  const before = lines[dateLine - 1] && doc.prose.slice(lines[dateLine - 1].start, lines[dateLine - 1].end).trim();
  return before && ORGAN_LINE.test(before) ? before : undefined;
}

// ---- citations ----

const TITLE_MARKS = /《([^《》\n]{2,150})》/g;
const CITED_NUMBER_AFTER = /^[^\S\n]*[（(][^\S\n]*$/;

/** The issue of a cited document, right before its `《`: `国务院1993年12月25日发布的`, `1997年7月7日国务院发布的`. */
const ISSUED_BEFORE = /(\d{4})年(\d{1,2})月(\d{1,2})日[^，。；《》\n]{0,16}?(?:发布|公布|通过|印发|颁布)的[^\S\n]*$/;

function issuedBefore(prose: string, open: number): { issued: IsoDate } | Record<string, never> {
  const date = dateOf(ISSUED_BEFORE.exec(prose.slice(Math.max(0, open - 40), open)));
  return date ? { issued: date } : {};
}

interface Found {
  citation: Citation;
  start: number;
  end: number;
}

function findCitations(doc: PolicyDocument, own: DocNumber | undefined, ownTitle: FoundDocumentTitle | undefined): Found[] {
  const prose = doc.prose;
  const found: Found[] = [];
  const ownKey = own ? numberKey(own.text) : undefined;
  const ownTitleKey = ownTitle ? titleKey(ownTitle.title) : undefined;
  // Within the title's text (a crawl may hold the whole document on the title's line).
  const inTitle = (start: number, end: number) =>
    ownTitle && ownTitle.start <= start && end <= ownTitle.end && start - ownTitle.start <= ownTitle.title.length && ownTitle.title.includes(prose.slice(start, end)) ? { inTitle: true } : {};
  const range = (start: number, end: number) => doc.lines.range(start, end);
  const titled = new Set<number>();
  for (const number of doc.official.docNumbers) {
    if (number === own || number.own || number.agency.text === '') continue;
    const key = numberKey(number.text);
    if (key === ownKey) continue;
    const lineStart = prose.lastIndexOf('\n', number.start) + 1;
    const before = prose.slice(Math.max(lineStart, number.agency.start - 200), number.agency.start);
    const close = before.lastIndexOf('》');
    const open = close >= 0 ? before.lastIndexOf('《', close) : -1;
    if (close >= 0 && open >= 0 && CITED_NUMBER_AFTER.test(before.slice(close + 1))) {
      const base = number.agency.start - before.length;
      const titleStart = base + open + 1;
      const titleEnd = base + close;
      titled.add(titleStart);
      const closing = /^[^\S\n]*[）)]/.exec(prose.slice(number.end, number.end + 4));
      const end = number.end + (closing ? closing[0].length : 0);
      found.push({
        start: titleStart - 1,
        end,
        citation: {
          kind: 'titled',
          range: range(titleStart - 1, end),
          title: prose.slice(titleStart, titleEnd),
          titleRange: range(titleStart, titleEnd),
          number: number.text,
          numberRange: range(number.start, number.end),
          ...issuedBefore(prose, titleStart - 1),
          ...inTitle(titleStart - 1, end),
        },
      });
    } else {
      found.push({ start: number.start, end: number.end, citation: { kind: 'number', range: range(number.start, number.end), number: number.text, numberRange: range(number.start, number.end) } });
    }
  }
  TITLE_MARKS.lastIndex = doc.bodyStart;
  for (let match = TITLE_MARKS.exec(prose); match; match = TITLE_MARKS.exec(prose)) {
    const titleStart = match.index + 1;
    if (titled.has(titleStart)) continue;
    const title = match[1];
    if (!wholeTitle(title) || titleKey(title) === ownTitleKey) continue;
    const end = match.index + match[0].length;
    found.push({
      start: match.index,
      end,
      citation: { kind: 'title', range: range(match.index, end), title, titleRange: range(titleStart, end - 1), ...issuedBefore(prose, match.index), ...inTitle(match.index, end) },
    });
  }
  found.sort((a, b) => a.start - b.start);
  return found.slice(0, MAX_CITATIONS);
}

// ---- status statements ----

/** A verb that repeals or amends what the clause names; not one inside a title (`《关于废止〈…〉的决定》`). */
const STATUS_VERB = /(?:同时|即行|一并|予以|自行|相应)?(?:废止|停止执行|失效)|修改|修订|修正/g;
const SENTENCE_END = /[。；！？\n]/;
const EFFECTIVE = /自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|实施|执行|生效|废止|失效|停止执行)/;
/** At most this much text between the last document named and the verb (`（…号）同时`, `等13部行政法规予以`, `自本办法施行之日起即行`). */
const NAME_GAP_MAX = 16;
/** Words that make a named document the ground of a statement, not what it repeals. */
const GROUND_BEFORE = /根据|依据|依照|按照|遵照|贯彻|落实|对照|参照/;
/** An amending verb names its object with 对 / 将 before it (`对《…》作如下修改`) or right after it (`修改《…》`). */
const AMEND_BEFORE = /[对将]\s*$/;
/**
 * A part of a document, between its name and the verb (`《…》（法释〔2020〕26号）第三十二条第一款同时废止`)
 * or right after a name the verb governs (`废止《…》第五条`): the statement repeals that part, not the document.
 */
const PART = /第[一二三四五六七八九十百千零〇两\d]+[编章节条款项目]|(?:有关|相关|部分)(?:规定|条款|内容)|中的?[^，。；《》]{0,12}规定/;
const PART_AFTER = /^[^\S\n]*(?:[（(][^）)\n]{0,40}[）)])?[^\S\n]*(?:第[一二三四五六七八九十百千零〇两\d]+[编章节条款项目]|中的?[^，。；《》]{0,12}规定)/;
/** A verb that speaks of a repeal yet to come (`《信访条例》按法定程序废止前`), of one to be made, or of one asked for, does not repeal. */
const NOT_YET_AFTER = /^[^\S\n]*(?:前|之前|以前|之日前)/;
const NOT_YET_BEFORE = /(?:将|拟|应|应当|应予|需|需要|须|建议|提请|可|可以|及时|适时|按法定程序|按程序|申请|报请|待)[^\S\n]*$/;

function sentenceBounds(prose: string, at: number, from: number): [number, number] {
  let start = at;
  while (start > from && !SENTENCE_END.test(prose[start - 1])) start--;
  let end = at;
  while (end < prose.length && !SENTENCE_END.test(prose[end])) end++;
  return [start, end];
}

function insideTitle(prose: string, at: number, lineStart: number): boolean {
  const open = prose.lastIndexOf('《', at);
  return open >= lineStart && prose.lastIndexOf('》', at) < open && prose.indexOf('》', at) >= 0;
}

function findStatements(doc: PolicyDocument, citations: Found[]): StatusStatement[] {
  const prose = doc.prose;
  const statements: StatusStatement[] = [];
  STATUS_VERB.lastIndex = doc.bodyStart;
  for (let match = STATUS_VERB.exec(prose); match; match = STATUS_VERB.exec(prose)) {
    const verbStart = match.index;
    const verbEnd = verbStart + match[0].length;
    const lineStart = prose.lastIndexOf('\n', verbStart) + 1;
    if (/[不未]$/.test(prose.slice(Math.max(lineStart, verbStart - 1), verbStart)) || insideTitle(prose, verbStart, lineStart)) continue;
    const kind: StatusKind = /修/.test(match[0]) ? 'amend' : 'repeal';
    if (kind === 'repeal' && (NOT_YET_AFTER.test(prose.slice(verbEnd, verbEnd + 6)) || NOT_YET_BEFORE.test(prose.slice(Math.max(lineStart, verbStart - 8), verbStart)))) continue;
    const [sentenceStart, sentenceEnd] = sentenceBounds(prose, verbStart, doc.bodyStart);
    const within = (from: number, to: number) => citations.filter((found) => found.start >= from && found.end <= to);
    let names: Found[];
    if (kind === 'amend') {
      const after = within(verbEnd, sentenceEnd).filter((found) => found.start === verbEnd);
      const before = within(sentenceStart, verbStart).filter((found) => AMEND_BEFORE.test(prose.slice(sentenceStart, found.start)));
      names = after.length > 0 ? after : before;
    } else {
      // The documents named right before the verb, in its clause (`《…》（…）和《…》（…）同时废止`), else right after it (`废止《…》`).
      const clauseStart = Math.max(sentenceStart, prose.lastIndexOf('，', verbStart) + 1, prose.lastIndexOf(',', verbStart) + 1);
      names = within(clauseStart, verbStart);
      const last = names.at(-1);
      if (last && verbStart - last.end > NAME_GAP_MAX) names = [];
      // Each name's own part of the clause, up to the next name or the verb: a part named there is what is repealed.
      names = names.filter((found, i) => !PART.test(prose.slice(found.end, names[i + 1]?.start ?? verbStart)));
      if (names.length === 0 && !(last && verbStart - last.end <= NAME_GAP_MAX)) {
        // A run of names starting right after the verb, each close to the one before.
        let end = verbEnd;
        for (const found of within(verbEnd, sentenceEnd)) {
          if (found.start - end > (end === verbEnd ? 1 : NAME_GAP_MAX)) break;
          names.push(found);
          end = found.end;
        }
        names = names.filter((found) => !PART_AFTER.test(prose.slice(found.end, found.end + 60)));
      }
    }
    // A document cited as the ground of the statement is not its object (`根据《…法》，…废止`).
    names = names.filter((found) => !GROUND_BEFORE.test(prose.slice(Math.max(sentenceStart, prose.lastIndexOf('，', found.start) + 1), found.start)));
    if (names.length === 0) continue;
    const previousSentence = sentenceBounds(prose, Math.max(doc.bodyStart, sentenceStart - 2), doc.bodyStart)[0];
    const effective = EFFECTIVE.exec(prose.slice(sentenceStart, sentenceEnd)) ?? EFFECTIVE.exec(prose.slice(previousSentence, sentenceStart));
    for (const name of names) name.citation.inStatement = true;
    statements.push({
      kind,
      verb: match[0],
      range: doc.lines.range(sentenceStart + (prose.slice(sentenceStart, sentenceEnd).length - prose.slice(sentenceStart, sentenceEnd).trimStart().length), sentenceEnd),
      names: names.map((found) => found.citation),
      ...(effective && validDate(+effective[1], +effective[2], +effective[3]) ? { effective: iso(+effective[1], +effective[2], +effective[3]) } : {}),
    });
    STATUS_VERB.lastIndex = Math.max(STATUS_VERB.lastIndex, verbEnd);
  }
  return statements;
}

// ---- the entry ----

/** A line that says something: a sentence or a clause of one (hard-wrapped), not a title, a 发文字号, a date or a 主送机关. */
const SAYS = /[。！？；，,]/;
/** A remark in brackets under a title (`（2023年11月13日…通过，自2024年2月1日起施行）`) is the header's. */
const REMARK_LINE = /^\s*[（(].*[）)]\s*$/;
/** A line that opens the text's structure: a 目录, a 第X章 / 第X条, a first-level 层次序数. */
const STRUCTURE = /^[\s#]*(?:目\s*录|第[一二三四五六七八九十百零〇0-9]+[编章节条]|[一二三四五六七八九十]+、)/;

/**
 * Where the document's own text starts, for its fingerprint: after the header (the title, the
 * 发文字号 and the lines of dates and names around them, and whatever a copy puts above its number,
 * such as the 公告 that promulgates a regulation), at the first line that is a sentence or opens the
 * text's structure (目录, 第一章, 第一条, 一、). Two copies of
 * one text differ most in their headers, and a short text's header weighs much in its fingerprint.
 */
function textStart(doc: PolicyDocument, lines: BodyLine[], own: DocNumber | undefined): number {
  let from = own ? lines.findIndex((line) => line.end >= own.end) + 1 : 0;
  if (from < 0 || from >= lines.length) from = 0;
  for (let i = from; i < Math.min(lines.length, from + HEAD_LINES); i++) {
    const text = doc.prose.slice(lines[i].start, lines[i].end);
    if ((SAYS.test(text) && !REMARK_LINE.test(text)) || STRUCTURE.test(text)) return lines[i].start;
  }
  return lines[from]?.start ?? doc.bodyStart;
}

const ENTITY = /&(?:[a-z]+|#[0-9]+|#x[0-9a-f]+);/gi;

/**
 * What the index keeps of one document. Its strings are copies (a JSON round trip): a slice of the
 * text would keep the whole text, and with it the document, alive as long as the index holds the entry.
 */
export function readEntry(doc: PolicyDocument): DocumentEntry {
  return JSON.parse(JSON.stringify(entryOf(doc))) as DocumentEntry;
}

function entryOf(doc: PolicyDocument): DocumentEntry {
  const lines = doc.binary ? [] : bodyLines(doc.prose, doc.bodyStart);
  const headEnd = lines[Math.min(lines.length, HEAD_LINES) - 1]?.end ?? doc.bodyStart;
  const head = doc.prose.slice(doc.bodyStart, headEnd);
  const title = doc.binary ? undefined : findDocumentTitle(doc, lines);
  const own = doc.binary ? undefined : findOwnNumber(doc, lines, title?.title);
  const citations = doc.binary ? [] : findCitations(doc, own, title);
  const statements = doc.binary ? [] : findStatements(doc, citations);
  const text = fingerprintCodes(doc.prose.slice(doc.binary ? doc.bodyStart : textStart(doc, lines, own)).replace(ENTITY, ' '));
  const titleEntry = title?.title && title.title.length <= 200 ? title : undefined;
  const labelled = dateOf(LABELLED_DATE.exec(head));
  const signature = doc.binary || doc.official.writtenDate ? undefined : findSignatureDate(doc, lines, labelled);
  const agency = doc.binary ? undefined : findAgency(doc, head, lines, doc.official.writtenDate ?? signature);
  const date = doc.binary ? undefined : findDate(doc, lines, labelled, signature);
  return {
    uri: doc.uri,
    profile: doc.profile,
    ...(titleEntry ? { title: titleEntry.title, titleRange: doc.lines.range(titleEntry.start, titleEntry.end) } : {}),
    ...(own && own.agency.text !== '' ? { number: own.text, numberRange: doc.lines.range(own.start, own.end) } : {}),
    ...(date ? { date } : {}),
    ...(agency ? { agency } : {}),
    ...(doc.official.cliCode ? { cliCode: doc.official.cliCode.text } : {}),
    categories: [...stringsOf(doc.entry('categories')?.value), ...stringsOf(doc.entry('category')?.value)],
    tags: [...stringsOf(doc.entry('tags')?.value), ...stringsOf(doc.entry('tag')?.value)],
    citations: citations.map((found) => found.citation),
    statements,
    ...(text.length >= FINGERPRINT_MIN ? { fingerprint: simhash(text) } : {}),
    textLength: text.length,
  };
}
