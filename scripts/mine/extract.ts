// The 代字 occurrences of one document, as the product's parser finds them, each with the organ it
// can be attributed to: the document's own issuer for its own number, the organ leading the cited
// title for a citation.
import { shipped } from '../../server/src/service/knowledge';
import { parseDocument } from '../../server/src/service/parse/document';
import { canonicalChars, type DocNumber } from '../../server/src/service/parse/official';
import { isWellFormedAgencyCode } from '../../server/src/service/parse/agencyCode';
import agencyCodeForm from '../../server/data/agency-code-form.json';
import { organFor, organsOf, startsLikeOrgan, titleOrgans } from './organ';

/** How an occurrence's organ was established. */
export type Basis = 'issuer' | 'cited-title' | 'cited-plain';

export interface Occurrence {
  code: string;
  /** The four-digit year, null when written short or out of range. */
  year: number | null;
  /** The number in canonical form (代字〔YYYY〕N号), null without a four-digit year. */
  canonical: string | null;
  /** True when the document writes the number exactly in its canonical form. */
  verbatim: boolean;
  /** Well formed as the doc-number-agency-code rule sees it (isWellFormedAgencyCode): a known kind of final character, at most its length. */
  wellFormed: boolean;
  own: boolean;
  organ: string | null;
  basis: Basis | null;
}

export type DocumentResult =
  | { kind: 'undecodable' }
  | { kind: 'binary' }
  | { kind: 'text'; occurrences: Occurrence[]; inexact: number; malformed: number; cutOff: number };

const FIRST_YEAR = 1949;
const CONTEXT_BEFORE = 12;
/**
 * A 代字 after an opening bracket, a short run of CJK and a space or line break: PDF-extracted text
 * splits codes (`（国办 发〔2005〕34号`, `（证监机 构字`, hard-wrapped `（国⏎卫体改发`), and the parser takes
 * the part after the space for the whole (`( 证监⏎⏎会公告【2014】49 号 )`). Without the bracket the run
 * is a title or a keyword before the document's own number (`…》的通知 黔府办发〔1996〕78号`, `…;制度 沪府办发〔2003〕43号`).
 */
const SPLIT_CODE = /[（(]\s*[\u4e00-\u9fff]{1,4}\s+$/;
/**
 * Inside a bracket, words before the 代字 that end in no word of citation (见, 按, 依据 …): a flattened
 * table's cell or a name the parser cut into the code (（国出售、收购发〔2013〕44号） for 国发, （中华人民共和国主席令…）).
 */
const BRACKET_RUN = /[（(][\u4e00-\u9fff、]{2,}$/;
/** A bracket inside the code, glued to the part the parser kept: `融公（刑侦）捕字（2016）00066号`. */
const BRACKET_INSIDE = /[\u4e00-\u9fff][（(][\u4e00-\u9fff]{1,4}[）)]$/;
const CITING_WORD = /(?:按|按照|见|参见|详见|依|依据|根据|参照|承接|含|包括|即|如|并|及|于|或|原)$/;
/** A date run into the number (`2020年5月11日粤府〔2020〕30号`, `16 日豫政〔1996〕86号`): its 日, 月 or 年 is not the code's. */
const DATE_WORD = /^[日月年]/;
const DATE_BEFORE = /[0-9〇零○一二三四五六七八九十]\s*$/;
const LAST_YEAR = new Date().getFullYear() + 1;
/** The header lines in which a 发文机关标志 (`国务院办公厅文件`) or a crawl header stands. */
const HEADER_LINES = 8;
const CRAWL_ISSUER = /(?:发文机构|发文机关|发布机构|发文单位|制发机关)\s*[:：]\s*([^\s:：]+)/;
/** A ministry's department (产业政策司) or office, as crawled portals name the publisher. */
const DEPARTMENT = /[司处科]$/;
/** The most organs a joint 落款 signs, one a line. */
const SIGNATURE_ORGANS_MAX = 6;
/** A catalogue's title that names its issuer first: `【海口市人民政府】《…》`. */
const BRACKETED_ISSUER = /^【([^】]{2,40})】/;
const FLAG_LINE = /^(.{2,40}?)文件$/;
/** A document title that ends in its own number: `…的通知（桂政发〔2010〕52号）`. */
const CLOSING_PAREN_LINE_END = /^\s*[）)]?\s*(?:发文机构|$)/;
/** What a title ends with before its own number: a bracket, its 》, or the kind of document (…的通知渝府办发〔2021〕10号). */
const TITLE_BEFORE_OWN_NUMBER = /(?:[（(]|》|通知|意见|决定|办法|细则|规定|方案|批复|公告|通告|函|复函|规划|纲要|措施)\s*[（(]?\s*$/;
/** The verbs that open a clause before a title cited without 书名号 (`为贯彻落实国务院关于…的通知（…）`). */
const LEADING_VERB = /^(?:[0-9]+[.、．]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|\s)*(?:为了?|要|请|现将|将|由)?(?:认真|进一步|深入)?(?:贯彻落实|贯彻执行|贯彻|落实|按照|根据|依据|依照|执行|参照|遵照|结合|对照|参考|援引|转发|印发)?好?/;
const PLAIN_TITLE = /关于.+(?:通知|意见|办法|决定|规定|批复|复函|函|方案|公告|通告|细则|规划|纲要|报告|请示|计划|规则|通报|答复|指引|指南)$/;
/** A shorter first line is not a title a number could follow. */
const TITLE_MIN = 6;
/** What stands between an organ and the title of its document (`…印发的《`). */
const ISSUED_BY = /(?:联合)?(?:印发|发布|制定|下发|出台|颁布|公布)?的?$/;
/** Organs named before a title, joint ones included; a longer clause is a sentence. */
const ORGAN_BEFORE_TITLE_MAX = 40;
/** Where the phrase naming an organ before a title starts: after a sentence's punctuation or a closing bracket (`…1号）、工业和信息化部等7部门联合发布的《`). */
const PHRASE_END = /[。；：:！？!?，,）)》」”]/g;
const CLAUSE_END = /[。；：:！？!?，,]/g;

/** Two characters at least and no placeholder (某某办发): the final character is not required, so 财税 and 发改价格 are kept. */
function isCodeShaped(code: string): boolean {
  return code.length >= 2 && ![...code].some((char) => agencyCodeForm.placeholders.characters.includes(char));
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function mineFile(uri: string, bytes: Uint8Array): DocumentResult {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { kind: 'undecodable' };
  }
  return mineText(uri, text);
}

export function mineText(uri: string, text: string): DocumentResult {
  // Parsed as the product parses: with the 代字 the registry knows.
  const doc = parseDocument(uri, text, undefined, { codes: shipped().codes });
  if (doc.binary) return { kind: 'binary' };
  const numbers = doc.official.docNumbers;
  if (numbers.length === 0) return { kind: 'text', occurrences: [], inexact: 0, malformed: 0, cutOff: 0 };
  const canonical = canonicalChars(doc.prose);
  const lines = bodyLineTexts(canonical, doc.bodyStart);
  const frontTitle = doc.entry('title')?.value;
  const title = typeof frontTitle === 'string' && frontTitle.trim() !== '' ? canonicalChars(frontTitle) : lines[0]?.text ?? '';
  const issuer = issuerOf(lines, title, signatureOrgans(doc.official.writtenDate?.start, canonical, lines));
  const occurrences: Occurrence[] = [];
  let inexact = 0;
  let malformed = 0;
  let cutOff = 0;
  for (const number of numbers) {
    if (!number.agencyExact) {
      inexact++;
      continue;
    }
    const code = canonicalChars(number.agency.text);
    const before = canonical.slice(Math.max(0, number.agency.start - CONTEXT_BEFORE), number.agency.start);
    // Cut off: the parser took part of the code for prose, or prose for part of the code.
    if (SPLIT_CODE.test(before) || (BRACKET_RUN.test(before) && !CITING_WORD.test(before)) || BRACKET_INSIDE.test(before) || (DATE_WORD.test(code) && DATE_BEFORE.test(before)) || runsIntoTitle(number, code, lines, canonical, title)) {
      cutOff++;
      continue;
    }
    if (!isCodeShaped(code)) {
      malformed++;
      continue;
    }
    const year = number.year.value !== null && number.year.value >= FIRST_YEAR && number.year.value <= LAST_YEAR ? number.year.value : null;
    const own = number.own || endsFirstLine(number, lines, canonical) || followsTitle(number, lines, canonical, title);
    const named = own ? { organs: issuer, basis: 'issuer' as const } : citedOrgans(number, canonical, lines);
    const organ = organFor(code, named.organs);
    const basis = organ === null ? null : named.basis;
    const written = year === null ? null : `${code}〔${year}〕${number.sequence.value}号`;
    occurrences.push({ code, year, canonical: written, verbatim: written !== null && canonicalChars(number.text) === written, wellFormed: isWellFormedAgencyCode(code), own, organ, basis });
  }
  return { kind: 'text', occurrences, inexact, malformed, cutOff };
}

interface LineText {
  start: number;
  end: number;
  text: string;
}

function bodyLineTexts(canonical: string, bodyStart: number): LineText[] {
  const lines: LineText[] = [];
  let start = bodyStart;
  while (start <= canonical.length) {
    let end = canonical.indexOf('\n', start);
    if (end < 0) end = canonical.length;
    const text = canonical.slice(start, end);
    if (text.trim() !== '') lines.push({ start, end, text: text.trim() });
    start = end + 1;
  }
  return lines;
}

/**
 * The document's issuer: its 发文机关标志 line, else the organ leading its title, else the organ
 * signing its 落款, else the crawler's 发文机构 (where a ministry's department, 产业政策司, may stand
 * for the ministry: not taken).
 */
function issuerOf(lines: LineText[], title: string, signature: string[]): string[] {
  for (const line of lines.slice(0, HEADER_LINES)) {
    const flag = FLAG_LINE.exec(line.text.replace(/[\s\u3000]+/g, ''));
    const organs = flag ? organsOf(flag[1]) : [];
    if (organs.length > 0) return organs;
  }
  const bracketed = BRACKETED_ISSUER.exec(title);
  const fromBracket = bracketed ? organsOf(bracketed[1]) : [];
  if (fromBracket.length > 0) return fromBracket;
  const fromTitle = titleOrgans(title.replace(BRACKETED_ISSUER, '').replace(/^《/, ''));
  if (fromTitle.length > 0) return fromTitle;
  if (signature.length > 0) return signature;
  for (const line of lines.slice(0, HEADER_LINES)) {
    const crawl = CRAWL_ISSUER.exec(line.text);
    const organs = crawl ? organsOf(crawl[1].replace(/[;；]/g, '、')).filter((organ) => !DEPARTMENT.test(organ)) : [];
    if (organs.length > 0) return organs;
  }
  return [];
}

/** The organs signing the 落款: on the lines before its 成文日期 (joint documents sign one a line, the leading organ first), or before the date on its line. */
function signatureOrgans(dateStart: number | undefined, canonical: string, lines: LineText[]): string[] {
  if (dateStart === undefined) return [];
  const index = lines.findIndex((line) => line.start <= dateStart && dateStart <= line.end);
  if (index < 0) return [];
  const sameLine = canonical.slice(lines[index].start, dateStart).trim();
  if (sameLine !== '') return organsOf(sameLine);
  const organs: string[] = [];
  for (let at = index - 1; at >= Math.max(0, index - SIGNATURE_ORGANS_MAX); at--) {
    const above = organsOf(lines[at].text);
    if (above.length === 0) break;
    organs.unshift(...above);
  }
  return organs;
}

/** A number closing the first line in brackets, as crawled titles carry their own number. */
function endsFirstLine(number: DocNumber, lines: LineText[], canonical: string): boolean {
  const first = lines[0];
  if (!first || number.start < first.start || number.end > first.end) return false;
  const before = canonical.slice(first.start, number.agency.start);
  const after = canonical.slice(number.end, first.end);
  return TITLE_BEFORE_OWN_NUMBER.test(before) && CLOSING_PAREN_LINE_END.test(after) && /关于|印发|转发|通知|意见|决定|办法|批复|细则|规定|方案|》/.test(before);
}

/** A number run on right after the title (`…的决定国发〔1982〕103号各省…`), as crawlers that drop line breaks leave it. */
function followsTitle(number: DocNumber, lines: LineText[], canonical: string, title: string): boolean {
  const line = lineOf(number, lines);
  if (!line || title.length < TITLE_MIN) return false;
  return canonical.slice(line.start, number.agency.start).trim() === title.trim();
}

/** The end of the title taken into the code when the number follows it (`…问题的函国办函〔1999〕44号` → 函国办函). */
function runsIntoTitle(number: DocNumber, code: string, lines: LineText[], canonical: string, title: string): boolean {
  const line = lineOf(number, lines);
  if (!line) return false;
  const before = canonical.slice(line.start, number.agency.start).trim();
  const whole = title.trim();
  return before.length >= TITLE_MIN && whole.length > before.length && whole.startsWith(before) && (before + code).startsWith(whole);
}

function lineOf(number: DocNumber, lines: LineText[]): LineText | undefined {
  return lines.find((line) => line.start <= number.start && number.start <= line.end);
}

const NO_ORGANS = { organs: [], basis: null };

/** The organs leading the title a citation names: `《X关于…》（代字…）` or `X关于…的通知（代字…）`. */
function citedOrgans(number: DocNumber, canonical: string, lines: LineText[]): { organs: string[]; basis: Basis | null } {
  const line = lineOf(number, lines);
  if (!line) return NO_ORGANS;
  const before = canonical.slice(line.start, number.agency.start);
  const opened = /[（(]\s*$/.exec(before);
  if (!opened) return NO_ORGANS;
  const titleEnd = before.slice(0, opened.index).trimEnd();
  if (titleEnd.endsWith('》')) {
    const title = bookTitleBefore(titleEnd);
    if (title === null) return NO_ORGANS;
    const leading = titleOrgans(title.text);
    return { organs: leading.length > 0 ? leading : organsBeforeTitle(titleEnd.slice(0, title.start - 1)), basis: 'cited-title' };
  }
  let clauseStart = 0;
  for (const match of titleEnd.matchAll(CLAUSE_END)) clauseStart = match.index + 1;
  const clause = titleEnd.slice(clauseStart).replace(LEADING_VERB, '');
  if (!PLAIN_TITLE.test(clause)) return NO_ORGANS;
  const organs = titleOrgans(clause);
  return { organs: organs.length > 0 && startsLikeOrgan(organs[0]) ? organs : [], basis: 'cited-plain' };
}

/** The text inside the 《…》 that `text` ends with, nested 《》 allowed; null when it does not open on this line. */
function bookTitleBefore(text: string): { text: string; start: number } | null {
  let depth = 0;
  for (let at = text.length - 1; at >= 0; at--) {
    if (text[at] === '》') depth++;
    else if (text[at] === '《' && --depth === 0) return { text: text.slice(at + 1, text.length - 1), start: at + 1 };
  }
  return null;
}

/** The organs named right before a title that does not lead with one: `按照水利部《关于…》`, `财政部、税务总局印发的《…》`. */
function organsBeforeTitle(text: string): string[] {
  let clauseStart = 0;
  for (const match of text.matchAll(PHRASE_END)) clauseStart = match.index + 1;
  const clause = text.slice(clauseStart).replace(/^[、\s]+/, '').replace(LEADING_VERB, '').replace(ISSUED_BY, '');
  const organs = clause.length <= ORGAN_BEFORE_TITLE_MAX ? organsOf(clause) : [];
  return organs.length > 0 && startsLikeOrgan(organs[0]) ? organs : [];
}
