import type { Message, RuleMeta, Severity } from '../../types';
import type { TextRange } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';

/** A finding of a cross-document rule on one document. */
export interface WorkspaceFinding {
  rule: string;
  uri: string;
  severity: Severity;
  range: TextRange;
  messageId: string;
  /** The message in both languages, placeholders filled. */
  message: Message;
  data: Record<string, string | number>;
  /** A quick fix: replace `range` with `newText`. */
  fix?: { title: Message; range: TextRange; newText: string };
}

export interface WorkspaceReport {
  uri: string;
  messageId: string;
  data?: Record<string, string | number>;
  range: TextRange;
  /** Where the rule decides the severity itself (cites-repealed); config still overrides it. */
  severity?: Severity;
  fix?: { title: Message; range: TextRange; newText: string };
}

export interface WorkspaceRuleContext {
  index: WorkspaceIndex;
  /** The documents to report on (all of them, or those an edit affected). */
  uris: readonly string[];
  /** How a document is named in a message (a path relative to its workspace folder). */
  label(uri: string): string;
  report(report: WorkspaceReport): void;
}

/** A rule over the whole collection: same `meta` as a document rule, a `check` over the index. */
export interface WorkspaceRule {
  meta: RuleMeta;
  check(context: WorkspaceRuleContext): void;
}

/** At most this many other documents are named in one message; the rest are counted. */
export const NAMED_MAX = 3;

/** `a、b、c 等 5 件` / `a, b, c and 2 more`: the others named in a message. */
export function othersList(labels: string[]): { zh: string; en: string } {
  const shown = labels.slice(0, NAMED_MAX);
  const rest = labels.length - shown.length;
  return { zh: shown.join('、') + (rest > 0 ? ` 等 ${labels.length} 件` : ''), en: shown.join(', ') + (rest > 0 ? ` and ${rest} more` : '') };
}
