import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { applyEdits } from '../../server/src/service/edits';
import { createLanguageService, type LanguageService } from '../../server/src/service';
import type { DiagnosticData } from '../../server/src/service/validate';

export const NOW = new Date('2026-11-23T00:00:00Z');

export function makeService(locale: 'en' | 'zh' = 'en'): LanguageService {
  return createLanguageService({ locale, now: () => NOW });
}

/** Joins lines with LF: documents in tests are written one line per string. */
export const doc = (...lines: string[]) => lines.join('\n');

export function span(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** `rule@line:char-line:char` for each diagnostic, in the service's order. */
export function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${span(d.range)}`);
}

export function diagnose(text: string, options: { service?: LanguageService; uri?: string } = {}): Diagnostic[] {
  const service = options.service ?? makeService();
  return service.getDiagnostics(service.parse(options.uri ?? 'untitled:test.md', text));
}

/** Only the diagnostics of one rule, summarised. */
export function findings(text: string, rule: string, options: { service?: LanguageService; uri?: string } = {}): string[] {
  return summary(diagnose(text, options).filter((d) => d.code === rule));
}

export function fixOf(diagnostic: Diagnostic): DiagnosticData['fix'] {
  return (diagnostic.data as DiagnosticData | undefined)?.fix;
}

/** Applies the fix of the first diagnostic of `rule`; fails if it has none. */
export function applyFix(text: string, rule: string, service = makeService()): string {
  const parsed = service.parse('untitled:test.md', text);
  const diagnostic = service.getDiagnostics(parsed).find((d) => d.code === rule);
  const fix = diagnostic && fixOf(diagnostic);
  if (!fix) throw new Error(`no fix for ${rule}`);
  return applyEdits(text, parsed.lines, fix.edits);
}

export function fixAll(text: string, service = makeService()): string {
  const parsed = service.parse('untitled:test.md', text);
  return applyEdits(text, parsed.lines, service.getFixAllEdits(parsed));
}
