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

/** The service's messages are plain text (LSP 3.18 also allows markup). */
export type TextDiagnostic = Diagnostic & { message: string };

export function textDiagnostics(diagnostics: Diagnostic[]): TextDiagnostic[] {
  for (const d of diagnostics) if (typeof d.message !== 'string') throw new Error(`message of ${d.code} is not text`);
  return diagnostics as TextDiagnostic[];
}

/** The rules these tests are about (ids are a contract); body rules of other features have their own tests. */
export const FRONT_MATTER_RULES: ReadonlySet<string> = new Set([
  'front-matter-position', 'front-matter-unclosed', 'yaml-syntax', 'duplicate-key', 'required-key', 'key-type', 'date-format',
  'date-weekday', 'date-range', 'url-format', 'unknown-key', 'empty-title', 'title-mismatch', 'binary-file',
]);

export function frontMatterOnly(diagnostics: Diagnostic[]): TextDiagnostic[] {
  return textDiagnostics(diagnostics.filter((d) => FRONT_MATTER_RULES.has(String(d.code))));
}

/** The front-matter diagnostics of a text. */
export function diagnose(text: string, options: { service?: LanguageService; uri?: string } = {}): TextDiagnostic[] {
  const service = options.service ?? makeService();
  return frontMatterOnly(service.getDiagnostics(service.parse(options.uri ?? 'untitled:test.md', text)));
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
