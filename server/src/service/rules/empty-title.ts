import type { Rule } from '../types';
import { entryRange } from './frontMatterHelpers';

export const emptyTitle: Rule = {
  meta: {
    id: 'empty-title',
    defaultSeverity: 'error',
    description: {
      en: 'A title, when given, must not be empty.',
      zh: '给出的标题不能为空。',
    },
    messages: {
      empty: {
        en: 'The title is empty: the page would be listed without a name.',
        zh: '标题为空：页面在列表中将没有名称。',
      },
    },
    fixable: false,
  },
  check({ doc, profile, report }) {
    const entry = doc.entry('title');
    if (!entry) return;
    // A null title in a profile that requires one is required-key's finding.
    const empty = entry.value === null ? !profile.required.includes('title') : typeof entry.value === 'string' && entry.value.trim() === '';
    if (empty) report({ messageId: 'empty', range: entryRange(doc, entry) });
  },
};
