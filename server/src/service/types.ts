import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { PolicyDocument } from './parse/document';

export type Locale = 'zh' | 'en';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type ProfileName = 'hexo' | 'jekyll' | 'pkulaw' | 'gongwen' | 'markdown';

/** A message in both languages; `{name}` placeholders are filled from the report's data. */
export interface Message {
  en: string;
  zh: string;
}

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** Short description of what the rule checks, for docs and the schema. */
  description: Message;
  messages: Record<string, Message>;
  fixable: boolean;
  /** Options the rule accepts, with their defaults. */
  defaultOptions?: Record<string, unknown>;
}

export interface Fix {
  title: Message;
  edits: TextEdit[];
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  range: Range;
  fix?: Fix;
}

export interface RuleContext {
  doc: PolicyDocument;
  profile: import('./profiles').Profile;
  /** The agency registry and glossary, with the user's `.policydoc/*.yaml` merged in. */
  knowledge: import('./knowledge').Knowledge;
  options: Record<string, unknown>;
  /** The moment "now" for date checks; injected so results are reproducible. */
  now: Date;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
