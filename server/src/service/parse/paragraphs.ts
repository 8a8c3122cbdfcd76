import type { PolicyDocument } from './document';

/** One paragraph of the body: a line of `doc.prose`, with its offset into the document text. */
export interface Paragraph {
  start: number;
  text: string;
}

const cache = new WeakMap<PolicyDocument, Paragraph[]>();

/** The non-blank paragraphs of the body, in order; computed once per document. */
export function proseParagraphs(doc: PolicyDocument): readonly Paragraph[] {
  let paragraphs = cache.get(doc);
  if (!paragraphs) cache.set(doc, (paragraphs = splitParagraphs(doc)));
  return paragraphs;
}

function splitParagraphs(doc: PolicyDocument): Paragraph[] {
  const prose = doc.prose;
  const paragraphs: Paragraph[] = [];
  const lineBreak = /\r\n?|\n/g;
  let start = doc.bodyStart;
  while (start < prose.length) {
    lineBreak.lastIndex = start;
    const found = lineBreak.exec(prose);
    const end = found ? found.index : prose.length;
    const text = prose.slice(start, end);
    if (text.trim() !== '') paragraphs.push({ start, text });
    start = found ? end + found[0].length : prose.length;
  }
  return paragraphs;
}

const HAN = /\p{Script=Han}/u;

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN.test(char);
}
