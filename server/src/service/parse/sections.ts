/**
 * The 层次序数 of a document: the markers 一、 （一） 1. （1） that start a paragraph, and the
 * structural scope each stands in. Found in the prose (see prose.ts), so every offset is an offset
 * into the source text.
 *
 * A scope is a part of the text whose numbering owes nothing to the numbering before it: an
 * article or chapter (第X条, 第X章, 第X节, 第X编, 第X部分), an attachment (附件, 附表, 附录), a part
 * under a Markdown heading, a document forwarded by a notice (after the notice's date, or from the
 * forwarded document's 发文字号). A table of contents (目录) and the rows of a table are skipped: their
 * numbers repeat the headings of the body, or number cells.
 */

import { bodyLines, isSpace, type BodyLine } from './bodyLines';
import { chineseNumber, chineseNumeral } from './numerals';
import type { Span } from './official';

export type SectionLevel = 1 | 2 | 3 | 4;

/** A 层次序数 marker at the start of a paragraph: 一、 (1), （一） (2), 1. (3), （1） (4). */
export interface SectionMarker extends Span {
  level: SectionLevel;
  value: number;
  /** The structural scope the marker stands in; numbering is only compared within one scope. */
  scope: number;
  /**
   * True where the marker may well not be a 层次序数: inside a line (merged paragraphs, but as well
   * the columns of a flattened table), nothing follows it on its line (a page number, a cell of a
   * flattened table), a digit follows `1.` (`3.2022年…`, a decimal outline `2.1`, a split `2. 1组织`),
   * it has no full stop (`6【…】`), or it cites items (`(1)项目加上(6)项目…`).
   */
  doubtful: boolean;
  /** True where the marker starts a paragraph merged onto the line before it (`…通知如下： 一、…`). */
  merged: boolean;
}

/** A citation of a numbered item (`(6)项目`): a marker followed by 项 with another one on its line is a citation too. */
const CITED_ITEM = /[（(]\s?[0-9０-９一二三四五六七八九十]{1,3}\s?[）)]项/;

/**
 * Characters read as their NFKC form in a marker: Kangxi radicals and CJK radicals, compatibility
 * ideographs, full-width forms, `⑴`…`⒇` and `⒈`…`⒛`, the ideographic space. Not `①`, which NFKC would
 * make a digit (`②5．` is footnote 2 and item 5).
 */
const LOOKALIKE = /[\u2e80-\u2fdf\uf900-\ufaff\uff00-\uffef\u2474-\u249b\u3000]/;

/**
 * A marker as read after NFKC normalisation, so lookalikes count as the standard characters: Kangxi
 * radicals (`（⼀）`), compatibility ideographs, full-width digits and brackets, `⒈` and `⑴`.
 * What may not follow a marker: a reference to items (`（四）、（五）项所列`, `（一）至（三）项`).
 */
const MARKER =
  /^(?:([一二三四五六七八九十]{1,3}) ?、|\( ?([一二三四五六七八九十]{1,3}) ?\)|([0-9]{1,2}) ?\.(?!\.)|\( ?([0-9]{1,2}) ?\))(?!、|至[(（])/;
/**
 * A number without its full stop at the start of a line: before a title in brackets (`6【活力中国】…`),
 * a row number of a flattened table (`7 机场应急扩能项目`), a full stop lost (`16 ？ 加大…`).
 */
const BARE_NUMBER = /^([0-9]{1,2})(?=【| [^\s0-9])/;
/** What a marker may start with, before normalisation. */
const MARKER_START = /[(（一二三四五六七八九十0-9０-９\u2f00-\u2fdf\uf900-\ufaff\u2474-\u249b]/;
/** Characters read for a marker, `（ 十二 ）` (a space inside is a slip), and the character after it. */
const MARKER_WINDOW = 8;
/** What may come before a marker at the start of a paragraph: spaces, a Markdown heading or emphasis. */
const LEAD_START = /[\s#*]/;
/** Markdown heading or emphasis that may open a paragraph before its marker. */
const LEAD = /[^\S\n]*(?:#{1,6}[^\S\n]+)?(?:\*\*)?/y;
/**
 * A paragraph starts inside a line where two paragraphs were merged onto one line: after the end of
 * a sentence and a space (`…准备工作； （五）提出…`), or after a run of ideographic spaces (`　　`).
 */
const MERGED_PARAGRAPH = /[。；;！!？?：:][^\S\n]+|\u3000{2,}/g;
const STRUCTURE_HEADING = /[^\S\n]*(?:#{1,6}[^\S\n]+)?(?:\*\*)?(?:第[一二三四五六七八九十百千零〇两0-9]+(?:编|章|节|条|部分)|附件|附表|附录)/y;
/**
 * Where one document ends and another begins, in a notice that forwards another document: a line
 * that is only a date (the 成文日期 of the 落款) or only a 发文字号 (the header of the forwarded one).
 */
const DOCUMENT_EDGE =
  /^\s*(?:(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日|[（(]?[\u4e00-\u9fff]{1,12}\s*[〔［[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,5}\s*号[）)]?)\s*$/;
/** How a line that starts a part (STRUCTURE_HEADING, MARKDOWN_HEADING, ATTACHMENT_HEADING) may begin. */
const HEADING_START = /^[\s*]*[第附#]/;
/** A Markdown heading: the start of a part of the document. */
const MARKDOWN_HEADING = /[^\S\n]*#{1,6}[^\S\n]/y;
/**
 * A row of a table: a Markdown table; in text exported from a table, cells separated by tabs or wide
 * spaces, or padded with ideographic spaces at the end of the line.
 */
const TABLE_ROW = /^\||\S\t+\S|\S {2,}\S.*\S {2,}\S|\S[ \t]*\u3000\s*$|^(?=[ \u3000]*\u3000 )[ \u3000]+\S/;
/** How long a numbered line may be to read as a heading above an article. */
const HEADING_MAX = 30;
const TABLE_OF_CONTENTS = /^(?:#{1,6})?目录$/;

/** The 附件说明 under the body: `附件：1.…` with the further items `2.…` on the lines below it. */
const ATTACHMENT_NOTE = /[^\S\n]*附件\s*[:：]/y;
/** The heading of an attachment itself (`附件1`, `附件`), which ends the 附件说明. */
const ATTACHMENT_HEADING = /[^\S\n]*附件/y;

/** A heading or entry compared between a table of contents and the body: no spaces, leaders or page number. */
function entryKey(text: string): string {
  return text.replace(/[\s.．…·・_-]+/g, '').replace(/[0-9]+$/, '');
}

/** A line that reads as a heading: short, without the punctuation of a sentence. */
function isShortHeading(text: string): boolean {
  return text.length <= HEADING_MAX && !/[。；，：;,:]/.test(text);
}

function sticky(pattern: RegExp, prose: string, at: number, end: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  const match = pattern.exec(prose);
  return match && match.index + match[0].length <= end ? match : null;
}

/** Reads a marker at `at` (after any Markdown lead), normalising lookalike characters; its scope is set by the caller. */
function readMarker(prose: string, at: number, lineEnd: number, inside: boolean): SectionMarker | null {
  const first = prose[at] ?? '';
  if (!MARKER_START.test(first) && !LEAD_START.test(first)) return null;
  const start = at + sticky(LEAD, prose, at, lineEnd)![0].length;
  if (!MARKER_START.test(prose[start] ?? '')) return null;
  // Each source character's normalised form, and where it ends in the source.
  let normalised = '';
  const sourceEnds: number[] = [];
  for (let i = start; i < Math.min(lineEnd, start + MARKER_WINDOW); i++) {
    const form = LOOKALIKE.test(prose[i]) ? prose[i].normalize('NFKC') : prose[i];
    normalised += form;
    for (let k = 0; k < form.length; k++) sourceEnds.push(i + 1);
  }
  const marker = MARKER.exec(normalised);
  const bare = marker || inside ? null : BARE_NUMBER.exec(normalised);
  const match = marker ?? bare;
  if (!match) return null;
  const level = bare ? 3 : ([1, 2, 3, 4] as const).find((g) => match[g] !== undefined)!;
  const digits = bare ? bare[1] : match[level];
  const value = level <= 2 ? chineseNumber(digits) : Number(digits);
  if (value === null || value === 0) return null;
  const end = sourceEnds[match[0].length - 1];
  const rest = prose.slice(end, lineEnd);
  const doubtful =
    inside || bare !== null || rest.trim() === '' || (level === 3 && /^\s*[0-9０-９]/.test(rest)) || (rest.startsWith('项') && CITED_ITEM.test(rest));
  return { start, end, text: prose.slice(start, end), level, value, scope: 0, doubtful, merged: inside };
}

/** How a number is written at a level: 一、 （一） 1. （1）. */
export function markerText(level: SectionLevel, value: number): string {
  if (level === 1) return `${chineseNumeral(value)}、`;
  if (level === 2) return `（${chineseNumeral(value)}）`;
  if (level === 3) return `${value}.`;
  return `（${value}）`;
}

/**
 * True when `text` holds the number of `level` and `value` anywhere, in any spelling (`（9）`, `(９)`,
 * `（⼀）`, `9 ．`), or as it stands where it is doubtful (`9【`, `9 项目`, `9？` with its full stop lost,
 * `9农作物…` at the start of a line).
 */
export function hasMarker(text: string, level: SectionLevel, value: number): boolean {
  const written = level <= 2 ? chineseNumeral(value) : String(value);
  const pattern =
    level === 1 ? `(?<![一二三四五六七八九十])${written}\\s?、`
    : level === 3 ? `(?<![0-9.])${written}(?:\\s?[.、?\\uFFFD【]|\\s(?=[^\\s0-9]))|^\\s*${written}(?=[^\\s0-9])`
    : `\\(\\s?${written}\\s?\\)`;
  return new RegExp(pattern, 'm').test(text.normalize('NFKC'));
}

/** A cell of a flattened table broken over lines: a few characters, no punctuation, no number (`各区县政`, `府`). */
const TABLE_FRAGMENT = /^[^\S\n]*[^\s。；，：、！？,.;:!?（(0-9０-９一二三四五六七八九十][^\s。；，：、！？,.;:!?]{0,5}[^\S\n]*$/gm;

/** True when `text` reads as a flattened table: at least two lines are rows or fragments of cells. */
export function looksLikeTable(text: string): boolean {
  const rows = text.split('\n').filter((line) => TABLE_ROW.test(line)).length;
  return rows + (text.match(TABLE_FRAGMENT)?.length ?? 0) >= 2;
}

/** Where paragraphs merged onto a line start: see MERGED_PARAGRAPH. */
function mergedParagraphs(prose: string, bodyStart: number): number[] {
  const starts: number[] = [];
  MERGED_PARAGRAPH.lastIndex = bodyStart;
  for (let match = MERGED_PARAGRAPH.exec(prose); match; match = MERGED_PARAGRAPH.exec(prose)) {
    const end = match.index + match[0].length;
    // A run of ideographic spaces at the start of a line is an indent, not a place where lines were merged.
    const indent = match[0][0] === '\u3000' && isSpace(prose.charCodeAt(match.index - 1) || 10);
    if (!indent && MARKER_START.test(prose[end] ?? '')) starts.push(end);
  }
  return starts;
}

function isStructureHeading(prose: string, line: BodyLine | undefined): boolean {
  return line !== undefined && sticky(STRUCTURE_HEADING, prose, line.start, line.end) !== null;
}

export function findSections(prose: string, bodyStart: number): SectionMarker[] {
  const lines = bodyLines(prose, bodyStart);
  const merged = mergedParagraphs(prose, bodyStart);

  const markers: SectionMarker[] = [];
  let scope = 0;
  let inAttachmentNote = false;
  /** While inside a table of contents: the key of its first entry; the body starts where it comes again. */
  let contents: { first: string | null } | null = null;
  let next = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const raw = prose.slice(line.start, line.end);
    while (next < merged.length && merged[next] <= line.start) next++;
    if (raw.includes('录') && TABLE_OF_CONTENTS.test(raw.replace(/\s+/g, ''))) {
      contents = { first: null };
      continue;
    }
    if (contents) {
      const text = raw.trim();
      const key = entryKey(text);
      if (contents.first === null) contents.first = key;
      else if (key === contents.first || /[。；]/.test(text)) contents = null;
      if (contents) continue;
      scope++;
    }
    const found = [readMarker(prose, line.start, line.end, false)];
    for (; next < merged.length && merged[next] < line.end; next++) found.push(readMarker(prose, merged[next], line.end, true));
    const numbered = found.some(Boolean);
    if (numbered && TABLE_ROW.test(raw)) continue;
    if (!numbered && DOCUMENT_EDGE.test(raw)) {
      scope++;
      continue;
    }
    // An unnumbered line matters only when it starts a part.
    if (!numbered && !HEADING_START.test(raw)) continue;
    // A new part: an article, chapter or attachment, a Markdown heading without a number, or a
    // numbered heading right above an article (it belongs to the structure around the articles).
    if (
      isStructureHeading(prose, line) ||
      (found[0] === null && sticky(MARKDOWN_HEADING, prose, line.start, line.end)) ||
      (found[0] !== null && isShortHeading(raw.trim()) && isStructureHeading(prose, lines[index + 1]))
    )
      scope++;
    if (sticky(ATTACHMENT_HEADING, prose, line.start, line.end)) {
      inAttachmentNote = sticky(ATTACHMENT_NOTE, prose, line.start, line.end) !== null;
      continue;
    }
    // Items of the 附件说明 and lines wrapped from them are not 层次序数.
    if (inAttachmentNote && (found[0] === null || found[0].level === 3)) found[0] = null;
    else inAttachmentNote = false;
    for (const marker of found) {
      if (!marker) continue;
      marker.scope = scope;
      markers.push(marker);
    }
  }
  return markers;
}
