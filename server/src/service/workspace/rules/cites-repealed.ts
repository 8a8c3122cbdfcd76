import type { WorkspaceRule } from './types';

/**
 * A citation of a document that another document of the workspace declares 废止 / 失效: a warning
 * when the citing document is dated after the repeal, else information (it was in force then).
 */
export const rule: WorkspaceRule = {
  meta: {
    id: 'cites-repealed',
    defaultSeverity: 'warning',
    fixable: false,
    description: {
      en: 'A citation of a document that another document of the workspace declares repealed (废止, 失效); a warning when the citing document is dated after the repeal.',
      zh: '引用了工作区中另一件文件宣布废止或失效的文件；引用文件的日期晚于废止日期时为警告。',
    },
    messages: {
      repealed: {
        en: '"{cited}" was repealed ({verb}) by "{by}" ({path}){when}.',
        zh: '《{cited}》已被《{by}》（{path}）{whenZh}宣布{verb}。',
      },
    },
  },
  check({ index, uris, label, report }) {
    for (const uri of uris) {
      const entry = index.get(uri);
      if (!entry) continue;
      for (const citation of entry.citations) {
        if (citation.inStatement || citation.inTitle) continue;
        const targets = index.resolve(citation, uri);
        if (targets.length === 0) continue;
        // A statement that repeals the version issued on another day (`1997年7月7日国务院发布的《…》`) does not repeal the one cited (`1950年4月3日发布的《…》`).
        const repeals = targets.map((target) =>
          index.status(target.uri).by.find((by) => by.kind === 'repeal' && by.uri !== uri && !(citation.issued && by.issued && citation.issued !== by.issued)),
        );
        if (repeals.some((by) => by === undefined)) continue;
        const by = repeals[0]!;
        const after = entry.date !== undefined && by.date !== undefined && entry.date > by.date;
        report({
          uri,
          messageId: 'repealed',
          range: citation.range,
          severity: after ? 'warning' : 'info',
          data: {
            cited: targets[0].title ?? citation.title ?? citation.number ?? '',
            verb: by.verb.replace(/^(?:同时|即行|一并|予以|自行|相应)/, ''),
            by: by.title ?? label(by.uri),
            path: label(by.uri),
            when: by.date ? ` on ${by.date}` : '',
            whenZh: by.date ? `于 ${by.date} ` : '',
          },
        });
      }
    }
  },
};
