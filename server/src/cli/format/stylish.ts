import type { Locale, Severity } from '../../service/types';
import { truncationMessage } from '../../service/validate';
import type { FileResult } from '../check';
import { cleanText, fixedText, summaryText, text } from '../messages';
import { messageOf, ruleOf, severityOf } from './severity';

export interface Style {
  color: boolean;
}

const ANSI = { red: 31, yellow: 33, cyan: 36, gray: 90, underline: 4, bold: 1 } as const;
const SEVERITY_COLOR: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', info: 'cyan', hint: 'gray' };

/** eslint-like human output: each file with its problems (1-based line:col), then a summary line. */
export function formatStylish(results: FileResult[], locale: Locale, style: Style): string {
  const paint = (code: keyof typeof ANSI, value: string) => (style.color ? `\u001b[${ANSI[code]}m${value}\u001b[0m` : value);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const out: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const rows = result.diagnostics.map((diagnostic) => {
      const severity = severityOf(diagnostic);
      counts[severity]++;
      const { line, character } = diagnostic.range.start;
      return { position: `${line + 1}:${character + 1}`, severity, label: text(locale, severity), message: messageOf(diagnostic), rule: ruleOf(diagnostic) };
    });
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const labelWidth = Math.max(...rows.map((row) => row.label.length));
    out.push(paint('underline', result.file));
    for (const row of rows) {
      const label = paint(SEVERITY_COLOR[row.severity], row.label.padEnd(labelWidth));
      out.push(`  ${row.position.padEnd(positionWidth)}  ${label}  ${row.message.replace(/\s*\n\s*/g, ' ')}  ${paint('gray', row.rule)}`);
    }
    if (Object.keys(result.truncated).length > 0) out.push(`  ${paint('yellow', truncationMessage(result.truncated)[locale])}`);
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) {
    out.push(cleanText(locale, results.length));
  } else {
    const summary = summaryText(locale, { total, errors: counts.error, warnings: counts.warning, infos: counts.info + counts.hint });
    out.push(paint('bold', paint(counts.error > 0 ? 'red' : 'yellow', summary)));
  }
  const fixed = results.filter((result) => result.fixed).length;
  if (fixed > 0) out.push(fixedText(locale, fixed));
  return out.join('\n') + '\n';
}
