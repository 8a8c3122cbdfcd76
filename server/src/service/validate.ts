import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { FileSettings, RuleSetting, SeveritySetting } from './config';
import { fill } from './i18n';
import type { Knowledge } from './knowledge';
import type { PolicyDocument } from './parse/document';
import { RULES } from './rules';
import type { Fix, Locale, Message, Report, Rule, Severity } from './types';
import type { WorkspaceFinding } from './workspace/rules';

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
  en: 'This file is mostly not text (NUL bytes and other control characters); policydoc does not check it.',
  zh: '此文件大部分不是文本（含有大量 NUL 字节等控制字符），policydoc 不检查它。',
};

/** The code of the notice that rules hit the cap: not a rule (it cannot be configured), like binary-file. */
export const TRUNCATED_CODE = 'findings-cap';

export function settingOf(setting: RuleSetting | undefined): { severity?: SeveritySetting; options?: Record<string, unknown> } {
  if (setting === undefined) return {};
  return typeof setting === 'string' ? { severity: setting } : setting;
}

/** The findings of a document, and how many each rule left out past its cap (only rules that hit it). */
export interface RuleResults {
  findings: Finding[];
  truncated: Record<string, number>;
}

/** Runs every enabled rule over a parsed document; a failing rule is logged and skipped, never fatal. */
export function runRules(
  doc: PolicyDocument,
  settings: FileSettings,
  { now, knowledge }: { now: Date; knowledge: Knowledge },
  onRuleError: (rule: Rule, error: unknown) => void,
  maxReportsPerRule = MAX_REPORTS_PER_RULE,
): RuleResults {
  const findings: Finding[] = [];
  const truncated: Record<string, number> = {};
  if (doc.binary) {
    const range = doc.lines.range(0, 0);
    return { findings: [{ ruleId: 'binary-file', severity: 'warning', message: BINARY, report: { messageId: 'binary', range } }], truncated };
  }
  const profile = settings.profiles[doc.profile];
  for (const rule of RULES) {
    const { id } = rule.meta;
    const { severity = rule.meta.defaultSeverity, options } = settingOf(settings.rules[id]);
    if (severity === 'off') continue;
    let count = 0;
    const report = (report: Report) => {
      if (doc.directives.isSuppressed(id, report.range.start.line)) return;
      if (count++ >= maxReportsPerRule) {
        truncated[id] = count - maxReportsPerRule;
        return;
      }
      const message = fill(rule.meta.messages[report.messageId], report.data);
      findings.push({ ruleId: id, severity, message, report });
    };
    try {
      rule.check({ doc, profile, knowledge, options: { ...rule.meta.defaultOptions, ...options }, now, report });
    } catch (error) {
      onRuleError(rule, error);
    }
  }
  findings.sort((a, b) => a.report.range.start.line - b.report.range.start.line || a.report.range.start.character - b.report.range.start.character);
  return { findings, truncated };
}

/** The editor's one notice that rules stopped at the cap: at the top of the file, naming each rule and what it left out. */
export function truncationDiagnostic(truncated: Record<string, number>, locale: Locale): Diagnostic | undefined {
  const rules = Object.entries(truncated);
  if (rules.length === 0) return undefined;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: TRUNCATED_CODE,
    source: 'policydoc',
    message: truncationMessage(truncated)[locale],
  };
}

/** `agency-name: 512 more`, in both languages: the editor's notice and the CLI's line say the same. */
export function truncationMessage(truncated: Record<string, number>): Message {
  const entries = Object.entries(truncated);
  return {
    en: `Only the first ${MAX_REPORTS_PER_RULE} findings of a rule are shown; not shown: ${entries.map(([rule, count]) => `${rule} ${count} more`).join(', ')}.`,
    zh: `每条规则最多显示 ${MAX_REPORTS_PER_RULE} 个问题；未显示：${entries.map(([rule, count]) => `${rule} 另有 ${count} 个`).join('，')}。`,
  };
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

/** A cross-document rule's finding on one document, as the editor and the CLI show it. */
export function workspaceDiagnostic(finding: WorkspaceFinding, locale: Locale, docsUri: (ruleId: string) => string | undefined): Diagnostic {
  const href = docsUri(finding.rule);
  const data: DiagnosticData = {};
  if (finding.fix) data.fix = { title: finding.fix.title[locale], edits: [{ range: finding.fix.range, newText: finding.fix.newText }] };
  return {
    range: finding.range,
    severity: LSP_SEVERITY[finding.severity],
    code: finding.rule,
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
