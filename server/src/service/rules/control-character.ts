import type { Rule } from '../types';

/**
 * Runs of C0 controls other than tab, line breaks and form feed (a plain-text page break), DEL, C1
 * controls, and U+FEFF (a byte-order mark is only one at the very start, which `textStart` skips).
 */
const CONTROL_RUN = /[\0-\x08\x0b\x0e-\x1f\x7f-\x9f\ufeff]+/g;

/** Where deleting a run cannot join two words: beside a space, a line boundary or sentence punctuation. */
const SAFE_NEIGHBOUR = /^$|[\s\u3000。，、；：！？.,;:!?]/;

/**
 * A control character between two words or digits often stands for a lost character (`45␀5枚` was
 * 45.5, `〔␀␀␀␀〕` a year): deleting it would hide the damage, so only a run at a boundary gets
 * the fix; a byte-order mark is zero-width and always does.
 */
function deletable(text: string, start: number, end: number, run: string): boolean {
  return /^\ufeff+$/.test(run) || SAFE_NEIGHBOUR.test(text.charAt(start - 1)) || SAFE_NEIGHBOUR.test(text.charAt(end));
}

/** `U+0000 ×3`, `U+0000, U+0001`: the distinct characters of a run, with the count when they are all one. */
function describe(run: string): string {
  const codes = [...new Set(run)].map((char) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return codes.length === 1 && run.length > 1 ? `${codes[0]} ×${run.length}` : codes.join(', ');
}

export const controlCharacter: Rule = {
  meta: {
    id: 'control-character',
    defaultSeverity: 'warning',
    description: {
      en: 'No invisible control characters (NUL and the like, or a byte-order mark inside the text): they break search, copying and conversion.',
      zh: '文本中不应有不可见的控制字符（NUL 等，或文中的字节顺序标记）：它们会影响搜索、复制和格式转换。',
    },
    messages: {
      control: {
        en: 'Invisible control character {chars} in the text: it breaks search, copying and conversion. Delete it (between two words or digits it may stand for a lost character).',
        zh: '文本中有不可见的控制字符 {chars}，会影响搜索、复制和格式转换，应删除（在两个字或数字之间时可能代表丢失的字符）。',
      },
      byteOrderMark: {
        en: 'A byte-order mark (U+FEFF) inside the text, usually left where two files were joined: it is invisible but breaks search. Delete it.',
        zh: '文中有字节顺序标记（U+FEFF），通常是拼接文件时留下的：它不可见，但会影响搜索，应删除。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const { text, textStart } = doc;
    CONTROL_RUN.lastIndex = textStart;
    for (let match = CONTROL_RUN.exec(text); match; match = CONTROL_RUN.exec(text)) {
      const run = match[0];
      const end = match.index + run.length;
      const range = doc.lines.range(match.index, end);
      const fix = deletable(text, match.index, end, run)
        ? { title: { en: 'Delete the control character', zh: '删除控制字符' }, edits: [{ range, newText: '' }] }
        : undefined;
      report({ messageId: /^\ufeff+$/.test(run) ? 'byteOrderMark' : 'control', data: { chars: describe(run) }, range, fix });
    }
  },
};
