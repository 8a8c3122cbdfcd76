import { fill } from '../../i18n';
import { issuesDocuments, sameTitle, titleKey } from '../normalize';
import type { DocumentEntry } from '../types';
import type { WorkspaceRule } from './types';

/**
 * The titles a document answers to: its own, and when it issues or forwards documents (`关于印发…的通知`),
 * those it names (`现将《…方案》印发给你们`), which are cited by its number too.
 */
function namesOf(target: DocumentEntry): string[] {
  const issued = issuesDocuments(target.title!) ? target.citations.filter((citation) => citation.kind === 'title').map((citation) => citation.title!) : [];
  return [target.title!, ...issued];
}

/** `《A》（X号）` while the workspace's document X is titled B, another document: the title or the number is wrong. */
export const rule: WorkspaceRule = {
  meta: {
    id: 'citation-title-mismatch',
    defaultSeverity: 'warning',
    fixable: true,
    description: {
      en: 'A citation 《title》（发文字号） gives a title other than that of the workspace document bearing the number.',
      zh: '引用“《标题》（发文字号）”中的标题与工作区中带该发文字号的文件标题不一致。',
    },
    messages: {
      mismatch: {
        en: '{number} is "{actual}" ({path}), not "{cited}".',
        zh: '{number} 是《{actual}》（{path}），不是《{cited}》。',
      },
      replace: { en: 'Replace the title with "{actual}"', zh: '将标题改为《{actual}》' },
    },
  },
  check({ index, uris, label, report }) {
    for (const uri of uris) {
      for (const citation of index.get(uri)?.citations ?? []) {
        if (citation.kind !== 'titled' || !citation.titleRange) continue;
        const targets = index.byDocNumber(citation.number!).filter((target) => target.uri !== uri);
        if (targets.length === 0 || targets.some((target) => target.title === undefined)) continue;
        // Targets that disagree among themselves are duplicate-doc-number's to report.
        if (new Set(targets.map((target) => titleKey(target.title!))).size > 1) continue;
        if (targets.some((target) => namesOf(target).some((name) => sameTitle(name, citation.title!)))) continue;
        const actual = targets[0].title!;
        report({
          uri,
          messageId: 'mismatch',
          range: citation.titleRange,
          data: { number: citation.number!, actual, cited: citation.title!, path: label(targets[0].uri) },
          fix: { title: fill(rule.meta.messages.replace, { actual }), range: citation.titleRange, newText: actual },
        });
      }
    }
  },
};
