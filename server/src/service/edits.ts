import type { TextEdit } from 'vscode-languageserver-types';
import type { LineMap } from './parse/lineMap';

/** The edit that replaces the one character at `offset` (a punctuation mark made full-width, a quote turned). */
export function replaceCharAt(lines: LineMap, offset: number, newText: string): TextEdit {
  return { range: lines.range(offset, offset + 1), newText };
}

/** Applies non-overlapping edits to a text (used by the CLI's --fix and by tests); linear in the text, however many edits. */
export function applyEdits(text: string, lines: LineMap, edits: TextEdit[]): string {
  const spans = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const span of spans) {
    parts.push(text.slice(cursor, span.start), span.newText);
    cursor = Math.max(cursor, span.end);
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
