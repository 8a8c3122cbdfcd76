/**
 * The cross-document rules: they need the collection, so they run over the workspace index rather
 * than one parsed document, and are listed here, apart from the document rules of `rules/index.ts`.
 */
import { fill } from '../../i18n';
import { fileName } from '../../uri';
import type { Severity } from '../../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { rule as citationTitleMismatch } from './citation-title-mismatch';
import { rule as citesRepealed } from './cites-repealed';
import { rule as duplicateDocNumber } from './duplicate-doc-number';
import { rule as duplicateDocument } from './duplicate-document';
import type { WorkspaceFinding, WorkspaceRule } from './types';

export type { WorkspaceFinding, WorkspaceRule, WorkspaceRuleContext } from './types';

export const WORKSPACE_RULES: readonly WorkspaceRule[] = [duplicateDocNumber, citationTitleMismatch, citesRepealed, duplicateDocument];
export const WORKSPACE_RULE_IDS: readonly string[] = WORKSPACE_RULES.map((rule) => rule.meta.id);

export interface WorkspaceCheckOptions {
  /** The documents to report on; all of the index by default. */
  uris?: readonly string[];
  /** Per rule: `off` or a severity over the default (from the project's config). */
  severities?: Readonly<Record<string, Severity | 'off' | undefined>>;
  /** How a document is named in messages; by default the file name from its uri. */
  label?: (uri: string) => string;
  onRuleError?: (rule: WorkspaceRule, error: unknown) => void;
}

/** Runs the cross-document rules over the index; findings in rule order, then by document. */
export function checkWorkspace(index: WorkspaceIndex, options: WorkspaceCheckOptions = {}): WorkspaceFinding[] {
  const uris = options.uris ?? [...index.documents()].map((entry) => entry.uri);
  const label = options.label ?? fileName;
  const findings: WorkspaceFinding[] = [];
  for (const rule of WORKSPACE_RULES) {
    const configured = options.severities?.[rule.meta.id];
    if (configured === 'off') continue;
    try {
      rule.check({
        index,
        uris,
        label,
        report(report) {
          const data = report.data ?? {};
          findings.push({
            rule: rule.meta.id,
            uri: report.uri,
            severity: configured ?? report.severity ?? rule.meta.defaultSeverity,
            range: report.range,
            messageId: report.messageId,
            message: fill(rule.meta.messages[report.messageId], data),
            data,
            ...(report.fix ? { fix: report.fix } : {}),
          });
        },
      });
    } catch (error) {
      options.onRuleError?.(rule, error);
    }
  }
  return findings;
}
