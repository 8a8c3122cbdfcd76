import type { Range, TextEdit } from 'vscode-languageserver-types';
import { isScalar, type Node } from 'yaml';
import type { PolicyDocument } from '../parse/document';
import type { FrontMatterEntry } from '../parse/frontMatter';

/** Moves `end` back over trailing whitespace (a block value's source ends with its line break). */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

export function keyRange(doc: PolicyDocument, entry: FrontMatterEntry): Range {
  return doc.lines.range(entry.keyStart, entry.keyEnd);
}

/** The value's range; an empty range just after the key when there is no value. */
export function valueRange(doc: PolicyDocument, entry: FrontMatterEntry): Range {
  return doc.lines.range(entry.valueStart, trimEnd(doc.text, entry.valueStart, entry.valueEnd));
}

/** From the key to the end of the value. */
export function entryRange(doc: PolicyDocument, entry: FrontMatterEntry): Range {
  return doc.lines.range(entry.keyStart, Math.max(entry.keyEnd, trimEnd(doc.text, entry.valueStart, entry.valueEnd)));
}

/** The opening `---` line of the front matter. */
export function openingLineRange(doc: PolicyDocument): Range {
  const frontMatter = doc.frontMatter;
  return frontMatter ? doc.lines.range(frontMatter.start, frontMatter.openLineEnd) : doc.lines.range(doc.textStart, doc.textStart);
}

/** Where a string scalar is in the document text. */
export interface ScalarSource {
  value: string;
  /** The whole scalar, quotes included. */
  start: number;
  end: number;
  /** Inside the quotes (the whole scalar when it is plain). */
  innerStart: number;
  innerEnd: number;
  /**
   * True when the text inside the quotes is the string itself (no escapes, no folded lines),
   * so an offset into the string is `innerStart` + that offset in the text.
   */
  exact: boolean;
}

/** The source of a string scalar of the front matter (`entry.valueNode` or an item of a list value). */
export function scalarSource(doc: PolicyDocument, node: Node | null | undefined): ScalarSource | undefined {
  const frontMatter = doc.frontMatter;
  if (!frontMatter || !isScalar(node) || !node.range || typeof node.value !== 'string') return undefined;
  const start = frontMatter.contentStart + node.range[0];
  const end = Math.min(frontMatter.contentStart + node.range[1], frontMatter.contentEnd);
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const innerStart = quoted ? start + 1 : start;
  const innerEnd = quoted ? Math.max(innerStart, end - 1) : end;
  return { value: node.value, start, end, innerStart, innerEnd, exact: doc.text.slice(innerStart, innerEnd) === node.value };
}

/** An edit replacing `[from, to)` of the string value, or undefined when the source cannot be edited in place. */
export function stringEdit(doc: PolicyDocument, source: ScalarSource, from: number, to: number, newText: string): TextEdit | undefined {
  if (!source.exact) return undefined;
  return { range: doc.lines.range(source.innerStart + from, source.innerStart + to), newText };
}
