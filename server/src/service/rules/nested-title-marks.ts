import { replaceCharAt } from '../edits';
import { isVerbatim } from '../parse/official';
import { proseParagraphs } from '../parse/paragraphs';
import type { Rule } from '../types';

/**
 * A title inside a 《》 title marked with `< >`, `‹ ›` or `＜ ＞` instead of 〈〉:
 * `《国务院关于修改<烈士褒扬条例>的决定》`. The inner marks must enclose Chinese text.
 */
const TITLE = /《[^《》\n]*》/g;
const INNER = /([<‹＜])(\p{Script=Han}[^<>‹›＜＞《》\n]*)([>›＞])/gu;

export const nestedTitleMarks: Rule = {
  meta: {
    id: 'nested-title-marks',
    defaultSeverity: 'warning',
    description: {
      en: 'A title inside 《》 is marked with 〈〉 (GB/T 15834-2011 4.15), not with < >, ‹ › or ＜ ＞.',
      zh: '书名号内的书名用单书名号〈〉（GB/T 15834-2011 第4.15条），不用 < >、‹ › 或 ＜ ＞。',
    },
    messages: {
      innerTitle: {
        en: '"{open}…{close}" marks a title inside 《》: use 〈…〉.',
        zh: '书名号内的书名用了“{open}…{close}”，应为〈…〉。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const { prose, text } = doc;
    for (const { start, text: paragraph } of proseParagraphs(doc)) {
      if (!paragraph.includes('《') || !/[<‹＜]/.test(paragraph)) continue;
      for (const title of paragraph.matchAll(TITLE)) {
        for (const inner of title[0].matchAll(INNER)) {
          const open = start + title.index + inner.index;
          const close = open + inner[0].length - 1;
          if (!isVerbatim(text, prose, open, open + 1) || !isVerbatim(text, prose, close, close + 1)) continue;
          report({
            messageId: 'innerTitle',
            data: { open: inner[1], close: inner[3] },
            range: doc.lines.range(open, close + 1),
            fix: { title: { en: 'Use 〈…〉', zh: '改为〈…〉' }, edits: [replaceCharAt(doc.lines, open, '〈'), replaceCharAt(doc.lines, close, '〉')] },
          });
        }
      }
    }
  },
};
