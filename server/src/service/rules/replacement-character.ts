import type { Rule } from '../types';

const REPLACEMENT_RUN = /\ufffd+/g;

export const replacementCharacter: Rule = {
  meta: {
    id: 'replacement-character',
    defaultSeverity: 'error',
    description: {
      en: 'No U+FFFD replacement characters (�): each stands for text lost when the file was converted or decoded with the wrong encoding.',
      zh: '文本中不应有替换字符 U+FFFD（�）：每个都代表文件转换编码或按错误编码读取时丢失的文字。',
    },
    messages: {
      lost: {
        en: 'Replacement character U+FFFD ×{count}: text was lost here when the file was converted (or the file is not UTF-8). Restore it from the original.',
        zh: '替换字符 U+FFFD ×{count}：此处的文字在转换编码时已丢失（或文件不是 UTF-8 编码），应根据原文补全。',
      },
    },
    fixable: false,
  },
  check({ doc, report }) {
    const { text } = doc;
    if (!text.includes('\ufffd')) return;
    for (const match of text.matchAll(REPLACEMENT_RUN)) {
      report({ messageId: 'lost', data: { count: match[0].length }, range: doc.lines.range(match.index, match.index + match[0].length) });
    }
  },
};
