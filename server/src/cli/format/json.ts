import type { FileResult } from '../check';
import { isFixable, messageOf, ruleOf, severityOf } from './severity';

/** The documented JSON: one entry per checked file, 0-based LSP positions; `truncated` only where a rule hit its cap. */
export function formatJson(results: FileResult[]): string {
  const entries = results.map((result) => ({
    file: result.file,
    profile: result.profile,
    diagnostics: result.diagnostics.map((diagnostic) => ({
      rule: ruleOf(diagnostic),
      severity: severityOf(diagnostic),
      message: messageOf(diagnostic),
      range: {
        start: { line: diagnostic.range.start.line, character: diagnostic.range.start.character },
        end: { line: diagnostic.range.end.line, character: diagnostic.range.end.character },
      },
      fixable: isFixable(diagnostic),
    })),
    ...(Object.keys(result.truncated).length > 0 ? { truncated: result.truncated } : {}),
  }));
  return JSON.stringify(entries, null, 2) + '\n';
}
