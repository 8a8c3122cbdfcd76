import { keyTypeOf, type Profile } from '../profiles';
import type { Rule } from '../types';
import { nearestKey } from '../nearestKey';
import { keyRange } from './frontMatterHelpers';

function isKnown(profile: Profile, key: string): boolean {
  return keyTypeOf(profile, key) !== undefined;
}

export const unknownKey: Rule = {
  meta: {
    id: 'unknown-key',
    defaultSeverity: 'warning',
    description: {
      en: 'In Hexo and Jekyll front matter, a key that is a near miss of a known key (catagories → categories) is probably misspelt. Other unknown keys (themes add their own) are fine.',
      zh: '在 Hexo 和 Jekyll 前置元数据中，与已知键只差一两个字母的键（如 catagories → categories）多半是拼写错误。其他未知键（主题会自定义键）不受影响。',
    },
    messages: {
      nearMiss: {
        en: 'Unknown key "{key}": did you mean "{suggestion}"?',
        zh: '未知的键“{key}”：是否应为“{suggestion}”？',
      },
    },
    fixable: true,
  },
  check({ doc, profile, report }) {
    if (!profile.keys) return;
    const known = Object.keys(profile.keys);
    const misses = (doc.frontMatter?.entries ?? []).flatMap((entry) => {
      const suggestion = isKnown(profile, entry.key) ? undefined : nearestKey(entry.key, known);
      return suggestion ? [{ entry, suggestion }] : [];
    });
    for (const { entry, suggestion } of misses) {
      const range = keyRange(doc, entry);
      // Renaming is safe only for a plain key, and only if it creates no duplicate (with a present key or another rename).
      const plain = doc.text.slice(entry.keyStart, entry.keyEnd) === entry.key;
      const alone = misses.filter((miss) => miss.suggestion === suggestion).length === 1;
      const fix = plain && alone && !doc.entry(suggestion)
        ? { title: { en: `Rename to "${suggestion}"`, zh: `改为“${suggestion}”` }, edits: [{ range, newText: suggestion }] }
        : undefined;
      report({ messageId: 'nearMiss', data: { key: entry.key, suggestion }, range, fix });
    }
  },
};
