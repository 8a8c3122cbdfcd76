import { otherDocuments } from '../normalize';
import { othersList, type WorkspaceRule } from './types';

/**
 * The same text stored twice (crawled from two portals, copied into two folders): reported on every copy.
 * Texts of one template or one topic (the same regulation of two cities, a yearly list) come close in
 * fingerprint too; their titles name other documents (other places, other years), so they are not copies.
 */
export const rule: WorkspaceRule = {
  meta: {
    id: 'duplicate-document',
    defaultSeverity: 'info',
    fixable: false,
    description: {
      en: 'Another document of the workspace has nearly the same body text (simhash fingerprints at most 3 bits apart) and a title that does not name another document (another year or place).',
      zh: '工作区中另一件文件的正文与本文件几乎相同（simhash 指纹相差不超过 3 位），且标题并未指向另一文件（年份或地方不同）。',
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
      if (!entry) continue;
      const similar = index.similar(uri).filter((other) => {
        const title = index.get(other.uri)?.title;
        return entry.title === undefined || title === undefined || !otherDocuments(entry.title, title);
      });
      if (similar.length === 0) continue;
      const list = othersList(similar.map((other) => label(other.uri)));
      const range = entry.titleRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      report({ uri, messageId: 'duplicate', range, data: { othersZh: list.zh, othersEn: list.en, similarity: Math.round(similar[0].similarity * 1000) / 10, path: label(similar[0].uri) } });
    }
  },
};
