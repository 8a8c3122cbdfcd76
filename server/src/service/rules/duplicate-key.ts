import type { FrontMatterEntry } from '../parse/frontMatter';
import type { Rule } from '../types';
import { keyRange } from './frontMatterHelpers';

export const duplicateKey: Rule = {
  meta: {
    id: 'duplicate-key',
    defaultSeverity: 'error',
    description: {
      en: 'A front-matter key must not be given twice.',
      zh: '前置元数据中的键不能重复出现。',
    },
    messages: {
      duplicate: {
        en: 'Key "{key}" is already given on line {line}; Hexo and Jekyll keep only one of the values.',
        zh: '键“{key}”已在第 {line} 行出现过；Hexo 和 Jekyll 只会保留其中一个值。',
      },
    },
    fixable: false,
  },
  check({ doc, report }) {
    const first = new Map<string, FrontMatterEntry>();
    for (const entry of doc.frontMatter?.entries ?? []) {
      const earlier = first.get(entry.key);
      if (!earlier) {
        first.set(entry.key, entry);
        continue;
      }
      const line = doc.lines.positionAt(earlier.keyStart).line + 1;
      report({ messageId: 'duplicate', data: { key: entry.key, line }, range: keyRange(doc, entry) });
    }
  },
};
