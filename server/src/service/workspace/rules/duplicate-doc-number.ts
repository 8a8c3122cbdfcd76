import { sameTitle } from '../normalize';
import { othersList, type WorkspaceRule } from './types';

/** Two documents carry the same own 发文字号 but different titles: one of the numbers is wrong. */
export const rule: WorkspaceRule = {
  meta: {
    id: 'duplicate-doc-number',
    defaultSeverity: 'warning',
    fixable: false,
    description: {
      en: 'Two documents of the workspace carry the same own 发文字号 with different titles.',
      zh: '工作区中两件文件的自身发文字号相同而标题不同。',
    },
    messages: {
      duplicate: {
        en: '发文字号 {number} is also the number of {othersEn}, titled "{otherTitle}".',
        zh: '发文字号 {number} 也是 {othersZh} 的发文字号，其标题为《{otherTitle}》。',
      },
    },
  },
  check({ index, uris, label, report }) {
    for (const uri of uris) {
      const entry = index.get(uri);
      if (!entry?.number || !entry.numberRange || !entry.title) continue;
      const others = index.byDocNumber(entry.number).filter((other) => other.uri !== uri && other.title !== undefined && !sameTitle(other.title, entry.title!));
      if (others.length === 0) continue;
      const list = othersList(others.map((other) => label(other.uri)));
      report({ uri, messageId: 'duplicate', range: entry.numberRange, data: { number: entry.number, othersZh: list.zh, othersEn: list.en, otherTitle: others[0].title!, others: others.length } });
    }
  },
};
