import crawlMetadata from '../../../data/crawl-metadata-keys.json';
import { isPlainTextFile, type PolicyDocument } from './document';

/**
 * What a paragraph is: the document's own text, an entry of a reference list in GB/T 7714 style
 * (`[5] 何蒲明, 全磊, 马敬桂. …`), or the metadata line a crawler copied from the portal page
 * (`发布日期:2019-01-05 来源:… 浏览次数:12`) at the top or bottom of the body.
 */
export type ParagraphRole = 'text' | 'reference' | 'crawlMetadata';

/** One paragraph of the body, with its offset into the document text. */
export interface Paragraph {
  start: number;
  /**
   * `doc.prose` from `start` to the paragraph's end: one line, or several when the text was hard-wrapped
   * at a fixed width (or, in a plain-text file, broken by a literal `<br>`), line breaks included.
   */
  text: string;
  role: ParagraphRole;
  /**
   * Crawler fields inside a paragraph of text (`发文机构：… 发布时间：… 关键字：林业;生态` between a
   * title and the body, all on one line), as offsets into the document: the page's, not the document's.
   */
  crawlFields: { start: number; end: number } | null;
}

const cache = new WeakMap<PolicyDocument, Paragraph[]>();

/** The non-blank paragraphs of the body, in order; computed once per document. */
export function proseParagraphs(doc: PolicyDocument): readonly Paragraph[] {
  let paragraphs = cache.get(doc);
  if (!paragraphs) cache.set(doc, (paragraphs = splitParagraphs(doc)));
  return paragraphs;
}

interface Line {
  start: number;
  end: number;
  /** The offset after this line's break: the next line starts here. */
  next: number;
}

const LINE_BREAK = /\r\n?|\n/g;

/** In a plain-text file a `<br>` is a crawler's leftover that the reader sees inline: prose.ts made it a break, it is not one. */
function isLiteralBreakTag(doc: PolicyDocument, offset: number, plainText: boolean): boolean {
  return plainText && doc.text[offset] === '<' && /^<br\b/i.test(doc.text.slice(offset, offset + 4));
}

function splitLines(doc: PolicyDocument): Line[] {
  const { prose } = doc;
  const plainText = isPlainTextFile(doc.uri);
  const lines: Line[] = [];
  let start = doc.bodyStart;
  let from = start;
  while (start < prose.length) {
    LINE_BREAK.lastIndex = from;
    const found = LINE_BREAK.exec(prose);
    if (found && isLiteralBreakTag(doc, found.index, plainText)) {
      from = found.index + 1;
      continue;
    }
    const end = found ? found.index : prose.length;
    const next = found ? end + found[0].length : prose.length;
    lines.push({ start, end, next });
    start = from = next;
  }
  return lines;
}

// ---- hard-wrapped text ----

/** A text wrapped at a fixed width has lines at least this wide (in columns: a Chinese character is two). */
const MIN_WRAP_WIDTH = 40;
/**
 * Lines this close below the wrap width are full (a wide character that did not fit, a mark pushed to
 * the next line, Latin letters and digits narrower in the PDF's font than here): 4 columns, or a tenth
 * of a wide wrap.
 */
const MIN_WRAP_TOLERANCE = 4;
const WRAP_TOLERANCE_SHARE = 0.1;
const tolerance = (wrap: number) => Math.max(MIN_WRAP_TOLERANCE, Math.floor(wrap * WRAP_TOLERANCE_SHARE));
/** The wrap width must be the width of at least this many lines, and this share of the wide ones. */
const MIN_WRAPPED_LINES = 4;
const MIN_WRAPPED_SHARE = 0.4;
/** A full line that ends a sentence may end its paragraph; one that starts with an indent or a table bar starts one. */
const SENTENCE_END = /[。！？；：…”’」』!?;:]$/;
const STARTS_PARAGRAPH = /^[\s\u3000|#>]/;
const ENDS_ROW = /\|\s*$/;

function columns(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    // CJK and full-width forms, and the quotes and dashes that Chinese fonts print full-width (“” ‘’ — …).
    width += (code >= 0x2e80 && !(code >= 0xff61 && code <= 0xffdc)) || (code >= 0x2010 && code <= 0x2027) ? 2 : 1;
  }
  return width;
}

/** The width the text was wrapped at, if it was: the most common width of the wide lines, when it is common enough. */
function wrapWidth(widths: number[]): number | null {
  const wide = widths.filter((width) => width >= MIN_WRAP_WIDTH).sort((a, b) => a - b);
  let best: number | null = null;
  let bestCount = 0;
  for (let low = 0, high = 0; high < wide.length; high++) {
    while (wide[low] <= wide[high] - MIN_WRAP_TOLERANCE) low++;
    if (high - low + 1 >= bestCount) [best, bestCount] = [wide[high], high - low + 1];
  }
  return bestCount >= MIN_WRAPPED_LINES && bestCount >= wide.length * MIN_WRAPPED_SHARE ? best : null;
}

/** Whether line `i` was broken only because it reached the wrap width, so that line `i + 1` continues its paragraph. */
function wrapsInto(prose: string, line: Line, next: Line, width: number, wrap: number): boolean {
  if (next.start !== line.next || width > wrap + 2 || width <= wrap - tolerance(wrap)) return false;
  const text = prose.slice(line.start, line.end).trimEnd();
  return !SENTENCE_END.test(text) && !ENDS_ROW.test(text) && !STARTS_PARAGRAPH.test(prose.slice(next.start, next.end));
}

// ---- roles ----

const METADATA_KEYS = [...crawlMetadata.keys].sort((a, b) => b.length - a.length).join('|');
/** A line of `key: value` fields, possibly in parentheses: `发布日期:2019-01-05 来源:国务院办公厅`, `(更新时间戳: 1687870872386)`. */
const METADATA_LINE = new RegExp(`^[\\s\\u3000]*[(（]?[\\s\\u3000]*(?:${METADATA_KEYS})[\\s\\u3000]*[:：]`);
/** The metadata of a crawl is within this many paragraphs of the start or the end of the body. */
const METADATA_REACH = 6;
const METADATA_MAX_LENGTH = 200;

/** `[5] 何蒲明, 全磊, 马敬桂. 论文[J]. …`: a numbered entry with a document-type code or GB/T 7714's `. ` after a name. */
const REFERENCE_ENTRY = /^[\s\u3000]*[[［]\d{1,3}[\]］]/;
const REFERENCE_MARKS = /\[(?:[JMCDNRSPGAZ]|DB|CP|EB|EB\/OL|[JMCDN]\/OL|DB\/OL)\]|\p{Script=Han}\s?\.\s/u;
const REFERENCES_HEADING = /^[\s\u3000#*]*(?:参考文献|参考资料|References)[\s\u3000*:：]*$/i;

/** One `key：value` field of a crawl inside a line; the value runs to the next space. */
const INLINE_FIELD = new RegExp(`(?<=^|[\\s\\u3000])(?:${METADATA_KEYS})[\\s\\u3000]*[:：][\\s\\u3000]*[^\\s\\u3000]*`, 'g');
/** Fields are looked for this far into a paragraph, and two or more in a row make a crawl's header. */
const INLINE_FIELDS_REACH = 300;

function crawlFieldsIn(text: string, start: number): Paragraph['crawlFields'] {
  INLINE_FIELD.lastIndex = 0;
  const first = INLINE_FIELD.exec(text);
  if (!first || first.index > INLINE_FIELDS_REACH) return null;
  let end = first.index + first[0].length;
  let fields = 1;
  for (let next = INLINE_FIELD.exec(text); next && text.slice(end, next.index).trim() === ''; next = INLINE_FIELD.exec(text)) {
    end = next.index + next[0].length;
    fields++;
  }
  return fields >= 2 ? { start: start + first.index, end: start + end } : null;
}

function roleOf(text: string, index: number, count: number, afterReferencesHeading: boolean): ParagraphRole {
  const nearEdge = index < METADATA_REACH || index >= count - METADATA_REACH;
  if (nearEdge && text.length <= METADATA_MAX_LENGTH && METADATA_LINE.test(text)) return 'crawlMetadata';
  if (afterReferencesHeading || (REFERENCE_ENTRY.test(text) && REFERENCE_MARKS.test(text))) return 'reference';
  return 'text';
}

function splitParagraphs(doc: PolicyDocument): Paragraph[] {
  const { prose } = doc;
  const lines = splitLines(doc).filter((line) => prose.slice(line.start, line.end).trim() !== '');
  const widths = lines.map((line) => columns(prose.slice(line.start, line.end).trimEnd()));
  const wrap = wrapWidth(widths);
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i].start;
    while (wrap !== null && i + 1 < lines.length && wrapsInto(prose, lines[i], lines[i + 1], widths[i], wrap)) i++;
    spans.push({ start, end: lines[i].end });
  }
  let afterReferencesHeading = false;
  return spans.map(({ start, end }, index) => {
    const text = prose.slice(start, end);
    const role = roleOf(text, index, spans.length, afterReferencesHeading);
    afterReferencesHeading ||= REFERENCES_HEADING.test(text);
    const crawlFields = role === 'text' && index < METADATA_REACH ? crawlFieldsIn(text, start) : null;
    return { start, text, role, crawlFields };
  });
}

const HAN = /\p{Script=Han}/u;

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN.test(char);
}
