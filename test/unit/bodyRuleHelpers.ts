import type { Diagnostic } from 'vscode-languageserver-types';
import { makeService, span } from './helpers';

/** Helpers for the body rules' tests (punctuation, agency names, boilerplate): all rules run, one rule is looked at. */
export { applyFix, doc, fixAll, fixOf, makeService, NOW, span } from './helpers';

export function diagnosticsOf(text: string, rule: string, service = makeService(), uri = 'untitled:test.md'): Diagnostic[] {
  return service.getDiagnostics(service.parse(uri, text)).filter((d) => d.code === rule);
}

/** `rule@line:char-line:char` for each diagnostic of one rule. */
export function findings(text: string, rule: string, service = makeService()): string[] {
  return diagnosticsOf(text, rule, service).map((d) => `${d.code}@${span(d.range)}`);
}
