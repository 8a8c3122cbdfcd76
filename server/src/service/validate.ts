import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { FileSettings, RuleSetting, SeveritySetting } from './config';
import { fill } from './i18n';
import type { PolicyDocument } from './parse/document';
import { RULES } from './rules';
import type { Fix, Locale, Message, Report, Rule, Severity } from './types';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: Message;
  report: Report;
}

/** What a diagnostic carries for code actions, so they need no second validation. */
export interface DiagnosticData {
  fix?: { title: string; edits: TextEdit[] };
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A rule stops reporting after this many findings in one document: a huge file must not flood the editor (fix-all is not capped). */
export const MAX_REPORTS_PER_RULE = 500;

const BINARY: Message = {
  en: 'This file is not text (it contains NUL bytes); policydoc does not check it.',
  zh: '此文件不是文本（含有 NUL 字节），policydoc 不检查它。',
};

function settingOf(setting: RuleSetting | undefined): { severity?: SeveritySetting; options?: Record<string, unknown> } {
  if (setting === undefined) return {};
  return typeof setting === 'string' ? { severity: setting } : setting;
}

/** Runs every enabled rule over a parsed document; a failing rule is logged and skipped, never fatal. */
export function runRules(
  doc: PolicyDocument,
  settings: FileSettings,
  now: Date,
  onRuleError: (rule: Rule, error: unknown) => void,
  maxReportsPerRule = MAX_REPORTS_PER_RULE,
): Finding[] {
  const findings: Finding[] = [];
  if (doc.binary) {
    const range = doc.lines.range(0, 0);
    return [{ ruleId: 'binary-file', severity: 'warning', message: BINARY, report: { messageId: 'binary', range } }];
  }
  const profile = settings.profiles[doc.profile];
  for (const rule of RULES) {
    const { severity = rule.meta.defaultSeverity, options } = settingOf(settings.rules[rule.meta.id]);
    if (severity === 'off') continue;
    let count = 0;
    const report = (report: Report) => {
      if (count >= maxReportsPerRule || doc.directives.isSuppressed(rule.meta.id, report.range.start.line)) return;
      count++;
      const message = fill(rule.meta.messages[report.messageId], report.data);
      findings.push({ ruleId: rule.meta.id, severity, message, report });
    };
    try {
      rule.check({ doc, profile, options: { ...rule.meta.defaultOptions, ...options }, now, report });
    } catch (error) {
      onRuleError(rule, error);
    }
  }
  findings.sort((a, b) => a.report.range.start.line - b.report.range.start.line || a.report.range.start.character - b.report.range.start.character);
  return findings;
}

export function toDiagnostic(finding: Finding, locale: Locale, docsUri: (ruleId: string) => string | undefined): Diagnostic {
  const { report } = finding;
  const href = docsUri(finding.ruleId);
  const data: DiagnosticData = {};
  if (report.fix) data.fix = { title: report.fix.title[locale], edits: report.fix.edits };
  return {
    range: report.range,
    severity: LSP_SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'policydoc',
    message: finding.message[locale],
    data,
  };
}

/** All fixes of a document that do not overlap, first come first kept (two inserts at one point overlap). */
export function nonOverlappingEdits(fixes: Fix[], offsetOf: (edit: TextEdit) => [number, number]): TextEdit[] {
  const taken: [number, number][] = []; // sorted by start
  const edits: TextEdit[] = [];
  const firstStartingAtOrAfter = (start: number) => {
    let low = 0;
    let high = taken.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (taken[mid][0] < start) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const clashes = ([start, end]: [number, number]) => {
    const index = firstStartingAtOrAfter(start);
    const overlaps = (span: [number, number] | undefined) =>
      span !== undefined && ((start < span[1] && span[0] < end) || (start === end && span[0] === start && span[1] === start));
    return overlaps(taken[index - 1]) || overlaps(taken[index]);
  };
  for (const fix of fixes) {
    const spans = fix.edits.map(offsetOf);
    if (spans.some(clashes)) continue;
    for (const span of spans) taken.splice(firstStartingAtOrAfter(span[0]), 0, span);
    edits.push(...fix.edits);
  }
  return edits;
}
