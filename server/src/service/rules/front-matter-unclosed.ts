import type { Rule } from '../types';
import { openingLineRange } from './frontMatterHelpers';

export const frontMatterUnclosed: Rule = {
  meta: {
    id: 'front-matter-unclosed',
    defaultSeverity: 'error',
    description: {
      en: 'A front matter opened with "---" must be closed with "---" (or "...").',
      zh: '以“---”开始的前置元数据必须以“---”（或“...”）结束。',
    },
    messages: {
      unclosed: {
        en: 'The front matter opened here is never closed: add a "---" line after its last key.',
        zh: '此处开始的前置元数据没有结束：请在最后一个键之后加一行“---”。',
      },
    },
    fixable: false,
  },
  check({ doc, report }) {
    if (doc.frontMatter && !doc.frontMatter.closed) report({ messageId: 'unclosed', range: openingLineRange(doc) });
  },
};
