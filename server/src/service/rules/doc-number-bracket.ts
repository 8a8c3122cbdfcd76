import { isVerbatim, quotedNumber, type Span } from '../parse/official';
import type { Rule } from '../types';

/** The prose pads a decoded entity (`&#65339;` → `［` and spaces): such padding is no space a reader sees. */
function isPadding(text: string, prose: string, space: Span): boolean {
  for (let i = space.start; i < space.end; i++) if (prose[i] !== ' ' || /\s/.test(text[i])) return false;
  return true;
}

export const docNumberBracket: Rule = {
  meta: {
    id: 'doc-number-bracket',
    defaultSeverity: 'warning',
    description: {
      en: 'The year of a 发文字号 is enclosed in 六角括号 〔〕, and the number is written without spaces (GB/T 9704-2012, 7.2.5).',
      zh: '发文字号中的年份应使用六角括号〔〕括入，发文字号内不留空格（GB/T 9704-2012 第 7.2.5 条）。',
    },
    messages: {
      bracket: {
        en: 'The year of the 发文字号 "{number}" is in "{open}{close}"; use 六角括号 〔〕.',
        zh: '发文字号“{number}”的年份用了“{open}{close}”，应使用六角括号〔〕。',
      },
      space: {
        en: 'The 发文字号 "{number}" has spaces inside; remove them.',
        zh: '发文字号“{number}”中间有空格，应删除。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const verbatim = (start: number, end: number) => isVerbatim(doc.text, doc.prose, start, end);
    for (const number of doc.official.docNumbers) {
      const { open, close } = number;
      const spaces = number.spaces.filter((space) => !isPadding(doc.text, doc.prose, space));
      if (open.text !== '〔' || close.text !== '〕') {
        const edits = [];
        if (open.text !== '〔') edits.push({ range: doc.lines.range(open.start, open.end), newText: '〔' });
        if (close.text !== '〕') edits.push({ range: doc.lines.range(close.start, close.end), newText: '〕' });
        report({
          messageId: 'bracket',
          data: { number: quotedNumber(number), open: open.text, close: close.text },
          range: doc.lines.range(open.start, close.end),
          fix: verbatim(open.start, open.end) && verbatim(close.start, close.end) ? { title: { en: 'Use 〔〕 around the year', zh: '年份改用〔〕' }, edits } : undefined,
        });
      }
      if (spaces.length > 0) {
        const edits = spaces.map((space) => ({ range: doc.lines.range(space.start, space.end), newText: '' }));
        report({
          messageId: 'space',
          data: { number: quotedNumber(number) },
          range: doc.lines.range(spaces[0].start, spaces[spaces.length - 1].end),
          fix: spaces.every((space) => verbatim(space.start, space.end)) ? { title: { en: 'Remove the spaces', zh: '删除空格' }, edits } : undefined,
        });
      }
    }
  },
};
