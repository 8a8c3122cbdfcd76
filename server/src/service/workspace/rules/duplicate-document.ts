import { othersList, type WorkspaceRule } from './types';

/** The same text stored twice (crawled from two portals, copied into two folders): reported on every copy. */
export const rule: WorkspaceRule = {
  meta: {
    id: 'duplicate-document',
    defaultSeverity: 'info',
    fixable: false,
    description: {
      en: 'Another document of the workspace has nearly the same body text (simhash fingerprints at most 3 bits apart).',
      zh: '工作区中另一件文件的正文与本文件几乎相同（simhash 指纹相差不超过 3 位）。',
    },
    messages: {
      duplicate: {
        en: 'Nearly the same text as {othersEn} (similarity {similarity} %).',
        zh: '正文与 {othersZh} 几乎相同（相似度 {similarity}%）。',
      },
    },
  },
  check({ index, uris, label, report }) {
    for (const uri of uris) {
      const entry = index.get(uri);
      const similar = index.similar(uri);
      if (!entry || similar.length === 0) continue;
      const list = othersList(similar.map((other) => label(other.uri)));
      const range = entry.titleRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      report({ uri, messageId: 'duplicate', range, data: { othersZh: list.zh, othersEn: list.en, similarity: Math.round(similar[0].similarity * 1000) / 10, path: label(similar[0].uri) } });
    }
  },
};
