/**
 * An official document (pkulaw export or 公文 text) laid out in GB/T 9704-2012 order: title, 发文字号,
 * 主送机关, body with its 层次序数 levels, then the 落款 (issuing organ and 成文日期). The lines are read
 * from `doc.prose` (tags and comments blanked), so every offset is an offset into the source.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { PolicyDocument } from '../parse/document';
import { INLINE_FILLER, SYMBOL_FILLER } from '../parse/tree/dialects';
import { normalizeInline } from './inline';
import { sanitizeTree } from './sanitize';
import type { BoilerplateSpan } from '../parse/boilerplate/spans';
import { bodyMetadata } from './metadata';
import { findTitle } from './title';
import type { Block, CleanMeta } from './types';

interface Line {
  start: number;
  end: number;
  text: string;
}

/** The 落款's organ line is short and is not a sentence. */
const ISSUER_MAX = 40;
const HEADING_MAX = 60;
/** A paragraph's print indentation (full-width or em spaces, after any tags): body text, never a title. */
const PRINT_INDENT = /^[ \t]*(?:<[^>]*>)*(?:&emsp;|&#8195;|&#x2003;|[\u3000\u2003])/i;
const HEADER_LINES = 4;

/** The text of a line with markup: tags and comments dropped, dangerous elements with their content, entities decoded. */
function markupText(raw: string): string {
  return toText(sanitizeTree(fromHtml(raw, { fragment: true })), { whitespace: 'pre' });
}

/** The raw text of a line without the boilerplate spans inside it, and whether a span covers all of it. */
function withoutJunk(source: string, start: number, end: number, spans: readonly BoilerplateSpan[]): { raw: string; junk?: BoilerplateSpan } {
  let raw = '';
  let at = start;
  for (const span of spans) {
    if (span.end <= start || span.start >= end) continue;
    if (source.slice(start, span.start).trim() === '' && source.slice(span.end, end).trim() === '') return { raw: '', junk: span };
    raw += source.slice(at, Math.max(at, span.start)) + span.replacement;
    at = Math.max(at, span.end);
  }
  return { raw: raw + source.slice(at, end) };
}

/**
 * The non-blank lines of the body (found in the prose, where block tags break lines), with their text
 * and without the portal's junk (`doc.boilerplate`); a line that is all junk comes back as removed.
 */
function bodyLines(source: string, prose: string, from: number, spans: readonly BoilerplateSpan[]): { lines: Line[]; junk: Block[] } {
  const lines: Line[] = [];
  const junk: Block[] = [];
  let start = from;
  while (start <= prose.length) {
    let end = prose.indexOf('\n', start);
    if (end < 0) end = prose.length;
    // A block tag's `<` is the line break of the prose: the line's markup starts one before it.
    const rawStart = source[start - 1] === '<' ? start - 1 : start;
    const { raw, junk: span } = withoutJunk(source, rawStart, end, spans);
    if (span) {
      junk.push({ tag: 'removed', kind: span.kind, content: [], text: '', start: rawStart, end });
      start = end + 1;
      continue;
    }
    // Blank in the prose: markup only, or the inside of a script or style (a bare URL line is kept).
    const hidden = prose.slice(start, end).trim() === '' && !/^\s*https?:\/\/\S+\s*$/.test(raw);
    const text = (/[<&]/.test(raw) ? markupText(raw) : raw).replace(/^\s+|\s+$/g, '').replace(/^#+\s+/, '');
    if (text !== '' && !hidden) lines.push({ start, end, text });
    start = end + 1;
  }
  return { lines, junk };
}

/** A line as a hast paragraph of the document's tree, its whitespace normalised as in every other block. */
function lineContent(line: Line): Pick<Block, 'content' | 'text'> {
  const paragraph: Element = { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: line.text }] };
  const { text } = normalizeInline(paragraph);
  return { content: paragraph.children, text };
}

function block(line: Line, className: string, tag: Block['tag'] = 'p'): Block {
  return { tag, className, ...lineContent(line), start: line.start, end: line.end };
}

function removed(line: Line, kind: 'metadata' | 'duplicate-title'): Block {
  return { tag: 'removed', kind, ...lineContent(line), start: line.start, end: line.end };
}

/** Blocks of the official layout; fills the official fields of `meta`. */
export function officialBlocks(doc: PolicyDocument, meta: CleanMeta): Block[] {
  const { official } = doc;
  const source = doc.dialects.text.split(INLINE_FILLER).join(' ').split(SYMBOL_FILLER).join(' ');
  const { lines, junk } = bodyLines(source, doc.prose, doc.bodyStart, doc.boilerplate);
  const blocks: Block[] = [...junk];
  let index = 0;

  // pkulaw header: 法宝引证码 and 原文链接 go to the header card.
  for (; index < Math.min(lines.length, HEADER_LINES); index++) {
    const line = lines[index];
    const link = /^原文链接\s*[:：]\s*(\S+)/.exec(line.text);
    if (official.cliCode && official.cliCode.start >= line.start && official.cliCode.end <= line.end) meta.cliCode = official.cliCode.text;
    else if (link) meta.sourceUrl = link[1];
    else if (!/法宝引证码/.test(line.text)) break;
    blocks.push(removed(line, 'metadata'));
  }

  const own = official.ownNumber;
  const isNumberLine = (line: Line | undefined) => own !== null && line !== undefined && own.start >= line.start && own.end <= line.end;
  // The title, unless the document starts with its 发文字号 or with body text (an indented line, a
  // sentence: a post whose title is in its front matter); a pkulaw export repeats it, a crawled page
  // may put a catalogue line above it.
  const indented = (line: Line) => PRINT_INDENT.test(source.slice(source[line.start - 1] === '<' ? line.start - 1 : line.start, line.end));
  const head = lines.slice(index, index + 8);
  const found = isNumberLine(head[0]) ? undefined : findTitle(head.map((line) => ({ text: line.text, indented: indented(line), heading: /^\s*#{1,6}\s/.test(line.text) })), meta.title);
  if (found) {
    meta.title ??= found.title;
    const crawlerNumbers = found.crawlerNumbers ?? [];
    const last = Math.max(...found.lines, ...crawlerNumbers, found.date?.index ?? 0);
    for (let at = 0; at <= last; at++) {
      const line = lines[index + at];
      if (at === found.index) blocks.push({ ...block(line, 'pd-title', 'h1'), ...(found.runIn ? lineContent({ ...line, text: meta.title }) : {}) });
      else if (found.lines.includes(at)) blocks.push(removed(line, 'duplicate-title'));
      else if (isNumberLine(line) && !crawlerNumbers.includes(at)) {
        meta.docNumber = own!.text;
        blocks.push(block(line, 'pd-doc-number'));
      } else blocks.push(removed(line, 'metadata'));
    }
    if (found.date) meta.date ??= found.date.value;
    index += last + 1;
  }
  // The page's metadata lines under the title (`发布日期:2021-03-26`).
  for (let metadata = bodyMetadata(lines[index]?.text ?? ''); metadata?.complete; metadata = bodyMetadata(lines[index]?.text ?? '')) {
    for (const { field, value } of metadata.fields) meta[field] ??= value;
    blocks.push(removed(lines[index++], 'metadata'));
  }
  if (isNumberLine(lines[index])) {
    meta.docNumber = own!.text;
    blocks.push(block(lines[index++], 'pd-doc-number'));
  }
  const recipients = lines[index];
  if (recipients && /[:：]$/.test(recipients.text) && !/[。；]/.test(recipients.text) && !/^[\u3000\s]/.test(doc.prose.slice(recipients.start))) {
    meta.recipients = recipients.text.replace(/[:：]$/, '');
    blocks.push(block(recipients, 'pd-recipients'));
    index++;
  }

  // The 落款: the 成文日期 line and the organ line right above it.
  let bodyEnd = lines.length;
  const date = official.writtenDate;
  const dateIndex = date ? lines.findIndex((line) => date.start >= line.start && date.end <= line.end + 1) : -1;
  const tail: Block[] = [];
  if (dateIndex >= index) {
    bodyEnd = dateIndex;
    const issuer = lines[dateIndex - 1];
    if (dateIndex - 1 >= index && issuer.text.length <= ISSUER_MAX && !/[。，；：:]$/.test(issuer.text) && !/^[（(]?[一二三四五六七八九十\d]/.test(issuer.text)) {
      meta.issuer = issuer.text;
      tail.push(block(issuer, 'pd-issuer'));
      bodyEnd--;
    }
    // A crawler may run organ, date and 附注 into one line: `福建省人民政府办公厅2021年3月18日（此件主动公开）`.
    const line = lines[dateIndex];
    const part = (from: number, to: number): Line | undefined => {
      const text = source.slice(from, to).trim();
      return text === '' || /[<&]/.test(text) ? undefined : { start: from, end: to, text };
    };
    const organ = date!.start > line.start ? part(line.start, date!.start) : undefined;
    const note = date!.end < line.end ? part(date!.end, line.end) : undefined;
    const dateLine = (organ && organ.text.length <= ISSUER_MAX && !/[。，；：:]$/.test(organ.text)) || note ? (part(date!.start, date!.end) ?? line) : line;
    if (dateLine !== line && organ) {
      meta.issuer = organ.text;
      tail.push(block(organ, 'pd-issuer'));
    }
    meta.writtenDate = dateLine.text;
    tail.push(block(dateLine, 'pd-date'));
    if (dateLine !== line && note) tail.push(block(note, 'pd-note'));
    for (const line of lines.slice(dateIndex + 1)) tail.push(block(line, 'pd-note'));
  }

  const sections = official.sections;
  let next = 0;
  for (const line of lines.slice(index, bodyEnd)) {
    while (next < sections.length && sections[next].start < line.start) next++;
    const level = next < sections.length && sections[next].start < line.end ? sections[next].level : undefined;
    const heading = level !== undefined && level <= 2 && line.text.length <= HEADING_MAX && !/[。；]/.test(line.text.slice(0, -1));
    blocks.push(block(line, level === undefined ? 'pd-paragraph' : `pd-paragraph pd-level-${level}${heading ? ' pd-heading' : ''}`));
  }
  return [...blocks, ...tail].sort((a, b) => a.start - b.start);
}
