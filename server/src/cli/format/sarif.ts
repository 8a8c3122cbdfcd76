import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale, Severity } from '../../service/types';
import { RULE_METAS } from '../../service/ruleCatalog';
import { TRUNCATED_CODE, truncationMessage } from '../../service/validate';
import type { FileResult } from '../check';
import { messageOf, ruleOf, severityOf } from './severity';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifTool {
  version: string;
  /** The documentation page of a rule, when there is one. */
  helpUri: (ruleId: string) => string | undefined;
}

/** SARIF 2.1.0 log with one run; regions are 1-based, columns in UTF-16 code units (the SARIF default). */
export function formatSarif(results: FileResult[], locale: Locale, tool: SarifTool): string {
  // Every rule is listed, so a code-scanning tool knows them all; ids outside the registry (encoding, binary-file) are added as met.
  const ruleIds: string[] = RULE_METAS.map((meta) => meta.id);
  const sarifResults = results.flatMap((result) =>
    result.diagnostics.map((diagnostic) => {
      const ruleId = ruleOf(diagnostic);
      if (!ruleIds.includes(ruleId)) ruleIds.push(ruleId);
      const { start, end } = diagnostic.range;
      return {
        ruleId,
        ruleIndex: ruleIds.indexOf(ruleId),
        level: LEVEL[severityOf(diagnostic)],
        message: { text: messageOf(diagnostic) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(result.file) },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      };
    }),
  );
  const rules = ruleIds.map((id) => {
    const meta = RULE_METAS.find((candidate) => candidate.id === id);
    const helpUri = tool.helpUri(id);
    return { id, ...(meta ? { shortDescription: { text: meta.description[locale] } } : {}), ...(helpUri ? { helpUri } : {}) };
  });
  // Rules that hit the per-file cap are told as notifications of the run, one per file.
  const notifications = results.flatMap((result) =>
    Object.keys(result.truncated).length === 0
      ? []
      : [{
          descriptor: { id: TRUNCATED_CODE },
          level: 'note',
          message: { text: truncationMessage(result.truncated)[locale] },
          locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(result.file) } } }],
          properties: { truncated: result.truncated },
        }],
  );
  const invocations = notifications.length > 0 ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] } : {};
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'policydoc', version: tool.version, rules } }, ...invocations, results: sarifResults }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function artifactUri(file: string): string {
  return path.isAbsolute(file) ? pathToFileURL(file).href : encodeURI(file);
}
