import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../../service/types';

const NAMES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function severityOf(diagnostic: Diagnostic): Severity {
  return NAMES[diagnostic.severity ?? 1] ?? 'error';
}

export function ruleOf(diagnostic: Diagnostic): string {
  return String(diagnostic.code ?? 'unknown');
}

export function isFixable(diagnostic: Diagnostic): boolean {
  return Boolean((diagnostic.data as { fix?: unknown } | undefined)?.fix);
}

/** LSP 3.18 allows markup in a message; the CLI prints plain text. */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
