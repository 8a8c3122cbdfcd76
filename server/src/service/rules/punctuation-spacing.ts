import { isVerbatim } from '../parse/official';
import { proseParagraphs } from '../parse/paragraphs';
import type { Rule } from '../types';

/**
 * One or two spaces (ASCII, ideographic or no-break) between a character and the full-width mark
 * after it: `三 、`, `通知 ，`. A longer run is layout (a form's aligned colons), not a slip.
 */
const SPACE_BEFORE_MARK = /(?<=[^\s\u3000\u00a0])[ \u3000\u00a0]{1,2}(?=[、，。；：？！])/g;

export const punctuationSpacing: Rule = {
  meta: {
    id: 'punctuation-spacing',
    defaultSeverity: 'warning',
    description: {
      en: 'No space before the full-width marks 、，。；：？！ (GB/T 15834-2011: they take no space of their own).',
      zh: '全角标点、，。；：？！前不加空格（GB/T 15834-2011：全角标点自身占一个字位）。',
    },
    messages: {
      spaceBefore: {
        en: 'Space before "{mark}": delete it.',
        zh: '“{mark}”前有空格，应删除。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const { prose, text } = doc;
    for (const { start, text: paragraph, role } of proseParagraphs(doc)) {
      if (role === 'reference' || !/[ \u3000\u00a0][、，。；：？！]/.test(paragraph)) continue;
      for (const match of paragraph.matchAll(SPACE_BEFORE_MARK)) {
        const from = start + match.index;
        const to = from + match[0].length;
        // Blanked tags and decoded entities are spaces in the prose only: the source must have the spaces.
        if (!isVerbatim(text, prose, from, to)) continue;
        const range = doc.lines.range(from, to);
        report({
          messageId: 'spaceBefore',
          data: { mark: prose[to] },
          range,
          fix: { title: { en: 'Delete the space', zh: '删除空格' }, edits: [{ range, newText: '' }] },
        });
      }
    }
  },
};
