import { isVerbatim } from '../parse/official';
import type { Rule } from '../types';

export const docNumberBracket: Rule = {
  meta: {
    id: 'doc-number-bracket',
    defaultSeverity: 'warning',
    description: {
      en: 'The year of a 发文字号 is enclosed in 六角括号 〔〕 (GB/T 9704-2012, 7.2.5).',
      zh: '发文字号中的年份应使用六角括号〔〕括入（GB/T 9704-2012 第 7.2.5 条）。',
    },
    messages: {
      bracket: {
        en: 'The year of the 发文字号 "{number}" is in "{open}{close}"; use 六角括号 〔〕.',
        zh: '发文字号“{number}”的年份用了“{open}{close}”，应使用六角括号〔〕。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    for (const number of doc.official.docNumbers) {
      const { open, close } = number;
      if (open.text === '〔' && close.text === '〕') continue;
      const edits = [];
      if (open.text !== '〔') edits.push({ range: doc.lines.range(open.start, open.end), newText: '〔' });
      if (close.text !== '〕') edits.push({ range: doc.lines.range(close.start, close.end), newText: '〕' });
      const verbatim = isVerbatim(doc.text, doc.prose, open.start, open.end) && isVerbatim(doc.text, doc.prose, close.start, close.end);
      report({
        messageId: 'bracket',
        data: { number: number.text, open: open.text, close: close.text },
        range: doc.lines.range(open.start, close.end),
        fix: verbatim ? { title: { en: 'Use 〔〕 around the year', zh: '年份改用〔〕' }, edits } : undefined,
      });
    }
  },
};
