import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { applyEdits } from '../../server/src/service/edits';
import { createLanguageService, type LanguageService } from '../../server/src/service';
import type { DiagnosticData } from '../../server/src/service/validate';

/** Helpers for the body rules' tests (punctuation, agency names, boilerplate): all rules run, one rule is looked at. */
export const NOW = new Date('2026-11-23T00:00:00Z');

export const makeService = (locale: 'en' | 'zh' = 'en'): LanguageService => createLanguageService({ locale, now: () => NOW });

export const doc = (...lines: string[]) => lines.join('\n');

export const span = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

export function diagnosticsOf(text: string, rule: string, service = makeService(), uri = 'untitled:test.md'): Diagnostic[] {
  return service.getDiagnostics(service.parse(uri, text)).filter((d) => d.code === rule);
}

/** `rule@line:char-line:char` for each diagnostic of one rule. */
export function findings(text: string, rule: string, service = makeService()): string[] {
  return diagnosticsOf(text, rule, service).map((d) => `${d.code}@${span(d.range)}`);
}

export const fixOf = (diagnostic: Diagnostic) => (diagnostic.data as DiagnosticData | undefined)?.fix;

/** Applies the fix of the first diagnostic of `rule`; fails if it has none. */
export function applyFix(text: string, rule: string, service = makeService()): string {
  const parsed = service.parse('untitled:test.md', text);
  const diagnostic = service.getDiagnostics(parsed).find((d) => d.code === rule);
  const fix = diagnostic && fixOf(diagnostic);
  if (!fix) throw new Error(`no fix for ${rule}`);
  return applyEdits(text, parsed.lines, fix.edits);
}

/** Every fix of every rule at once, as `source.fixAll.policydoc` does. */
export function fixAll(text: string, service = makeService()): string {
  const parsed = service.parse('untitled:test.md', text);
  return applyEdits(text, parsed.lines, service.getFixAllEdits(parsed));
}
