import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { MatchRank, WORKSPACE_VALUE_KEYS, type WorkspaceValueKey } from '../knowledge';
import type { PolicyDocument } from '../parse/document';
import type { KeyType } from '../profiles';
import { agencyMarkdown } from './markdown';
import { CJK_RUN, type FeatureContext } from './context';

/** At most this many items per list; the list is then marked incomplete so the editor asks again. */
export const MAX_ITEMS = 50;

/** Front-matter keys whose values name an agency. */
const AGENCY_KEYS = new Set(['author', 'source', 'agency', 'publisher', 'organ', 'issuer']);
const ENUM_VALUES: Record<string, string[]> = { layout: ['post', 'page'] };
const LATIN_RUN = /[A-Za-z]+$/;

export function getCompletions(doc: PolicyDocument, position: Position, context: FeatureContext): CompletionList {
  const list: CompletionList = { isIncomplete: false, items: [] };
  if (doc.binary) return list;
  const offset = doc.lines.offsetAt(position);
  const lineStart = doc.lines.lineStarts[position.line] ?? offset;
  const before = doc.text.slice(lineStart, offset);
  const after = doc.text.slice(offset, doc.lines.lineEnd(position.line));
  const at = (start: number): Range => doc.lines.range(start, offset);
  const fm = doc.frontMatter;
  if (fm && offset >= fm.contentStart && offset <= fm.contentEnd && lineStart >= fm.contentStart) {
    frontMatterCompletions(doc, before, offset, at, context, list);
  } else if (offset >= doc.bodyStart) {
    bodyCompletions(before, after, offset, at, context, list);
  }
  return list;
}

function frontMatterCompletions(doc: PolicyDocument, before: string, offset: number, at: (start: number) => Range, context: FeatureContext, list: CompletionList): void {
  if (/^[A-Za-z_][\w-]*$|^$/.test(before)) {
    keyCompletions(doc, at(offset - before.length), context, list);
    return;
  }
  const onKeyLine = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(?:['"]?)(.*)$/.exec(before);
  const inList = onKeyLine ? null : /^[ \t]+(?:-[ \t]*)?(?:['"]?)(.*)$/.exec(before);
  const key = onKeyLine ? onKeyLine[1] : inList ? keyAbove(doc, offset - before.length) : undefined;
  if (!key) return;
  const typed = onKeyLine ? onKeyLine[2] : inList![1];
  const typedStart = offset - typed.length;
  const type = context.profiles[doc.profile].keys?.[key];
  const values = ENUM_VALUES[key] ?? (type === 'boolean' || type === 'boolean-or-number' ? ['true', 'false'] : undefined);
  if (values) {
    for (const value of values) if (value.startsWith(typed)) list.items.push({ label: value, kind: CompletionItemKind.EnumMember, textEdit: { range: at(typedStart), newText: value } });
    return;
  }
  if ((WORKSPACE_VALUE_KEYS as readonly string[]).includes(key)) {
    workspaceValueCompletions(key as WorkspaceValueKey, typed, at(typedStart), context, list);
    return;
  }
  if (AGENCY_KEYS.has(key)) agencyCompletions(before, offset, at, context, list);
}

/** The top-level key a list item or continuation line belongs to. */
function keyAbove(doc: PolicyDocument, lineStart: number): string | undefined {
  const start = doc.frontMatter!.contentStart;
  const text = doc.text.slice(start, lineStart).split(/\r?\n/);
  for (let i = text.length - 1; i >= 0; i--) {
    const match = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(text[i]);
    if (match) return match[1];
    if (text[i] !== '' && !/^[ \t-]/.test(text[i])) return undefined;
  }
  return undefined;
}

/**
 * Keys to offer: the profile's; in a front matter that says nothing of its kind yet (a new or still
 * unclosed one is `markdown`), the Hexo and Jekyll keys, so that typing them decides the profile.
 */
function offeredKeys(doc: PolicyDocument, profiles: FeatureContext['profiles']): Record<string, KeyType> | null {
  if (doc.profile === 'markdown') return { ...profiles.hexo.keys, ...profiles.jekyll.keys };
  return profiles[doc.profile].keys;
}

function keyCompletions(doc: PolicyDocument, range: Range, context: FeatureContext, list: CompletionList): void {
  const profile = context.profiles[doc.profile];
  const keys = offeredKeys(doc, context.profiles);
  if (!keys) return;
  const present = new Set(doc.frontMatter?.entries.map((entry) => entry.key));
  for (const [key, type] of Object.entries(keys)) {
    if (present.has(key)) continue;
    const required = profile.required.includes(key);
    list.items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: type,
      sortText: `${required ? 0 : 1}${key}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: keySnippet(key, type, doc.profile === 'jekyll', context.now) },
    });
  }
}

function keySnippet(key: string, type: KeyType, jekyll: boolean, now: Date): string {
  if (ENUM_VALUES[key]) return `${key}: \${1|${ENUM_VALUES[key].join(',')}|}`;
  switch (type) {
    case 'date':
      return `${key}: \${1:${beijingTime(now)}${jekyll ? ' +0800' : ''}}`;
    case 'boolean':
    case 'boolean-or-number':
      return `${key}: \${1|true,false|}`;
    case 'number':
      return `${key}: \${1:0}`;
    case 'url':
      return `${key}: \${1:https://}`;
    case 'string-or-list':
      return `${key}:\n  - $1`;
    case 'url-list':
      return `${key}:\n  - \${1:https://}`;
    default:
      return `${key}: $1`;
  }
}

/** `YYYY-MM-DD HH:mm:ss` in Beijing time (UTC+8), the time policy sites publish in. */
function beijingTime(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function beijingYear(now: Date): number {
  return Number(beijingTime(now).slice(0, 4));
}

function workspaceValueCompletions(key: WorkspaceValueKey, typed: string, range: Range, context: FeatureContext, list: CompletionList): void {
  const matching = context.workspace.values(key).filter(({ value }) => value !== typed && value.includes(typed));
  for (const [index, { value, count }] of matching.slice(0, MAX_ITEMS).entries()) {
    list.items.push({
      label: value,
      kind: CompletionItemKind.Value,
      detail: context.locale === 'zh' ? `已用于 ${count} 篇文档` : `used in ${count} document${count === 1 ? '' : 's'}`,
      sortText: String(index).padStart(4, '0'),
      textEdit: { range, newText: value },
    });
  }
  if (matching.length > MAX_ITEMS) list.isIncomplete = true;
}

function bodyCompletions(before: string, after: string, offset: number, at: (start: number) => Range, context: FeatureContext, list: CompletionList): void {
  const year = /〔([0-9]{0,4})$/.exec(before);
  if (year) {
    yearCompletions(year[1], after, at(offset - year[1].length), context, list);
    return;
  }
  if (insideHtmlTag(before)) return;
  const run = CJK_RUN.exec(before)?.[0];
  if (run) codeCompletions(run, before, after, offset, at, context, list);
  agencyCompletions(before, offset, at, context, list);
}

function insideHtmlTag(before: string): boolean {
  return before.lastIndexOf('<') > before.lastIndexOf('>');
}

function yearCompletions(typed: string, after: string, range: Range, context: FeatureContext, list: CompletionList): void {
  const current = beijingYear(context.now);
  const close = after.startsWith('〕') ? '' : '〕';
  [current, current - 1].forEach((year, index) => {
    if (!String(year).startsWith(typed)) return;
    list.items.push({ label: String(year), kind: CompletionItemKind.Value, sortText: String(index), preselect: index === 0, textEdit: { range, newText: `${year}${close}` } });
  });
}

/** 代字 at a 发文字号 position: before `〔`, or typed after an opening parenthesis or at the start of a line. */
function codeCompletions(run: string, before: string, after: string, offset: number, at: (start: number) => Range, context: FeatureContext, list: CompletionList): void {
  const { codes, agencies } = context.knowledge;
  const length = codes.typedLength(run);
  if (length === 0) return;
  const tail = run.slice(run.length - length);
  const preceding = before.slice(0, before.length - length);
  if (!after.startsWith('〔') && !/(^|[（(\s\u3000])$/.test(preceding)) return;
  const year = beijingYear(context.now);
  const hits = codes.all().filter((entry) => entry.code.startsWith(tail) || (!entry.exact && tail.startsWith(entry.code)));
  hits.slice(0, MAX_ITEMS).forEach((entry, rank) => {
    const former = Boolean(entry.agency?.until);
    const code = entry.exact ? entry.code : tail.startsWith(entry.code) ? tail : entry.code;
    const open = !after.startsWith('〔');
    const newText = entry.exact ? (open ? `${code}〔${year}〕$1号` : code) : open ? `${code}$1〔${year}〕$2号` : `${code}$1`;
    list.items.push({
      label: entry.exact ? entry.code : `${entry.code}…`,
      kind: CompletionItemKind.Constant,
      detail: entry.agency ? agencies.preferredName(entry.agency) : entry.agencyName,
      documentation: entry.agency ? { kind: MarkupKind.Markdown, value: agencyMarkdown(entry.agency, context.knowledge, context.locale) } : undefined,
      sortText: `0${former ? 1 : 0}${String(rank).padStart(4, '0')}`,
      filterText: entry.code,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: at(offset - length), newText },
      tags: former ? [CompletionItemTag.Deprecated] : undefined,
    });
  });
  if (hits.length > MAX_ITEMS) list.isIncomplete = true;
}

/** Agency names for the word being typed: Latin letters (pinyin, initials) or the CJK characters that begin a name. */
function agencyCompletions(before: string, offset: number, at: (start: number) => Range, context: FeatureContext, list: CompletionList): void {
  const index = context.knowledge.agencies;
  let typed = LATIN_RUN.exec(before)?.[0];
  if (typed && /[\w./:@#-]$/.test(before.slice(0, before.length - typed.length))) return;
  if (!typed) {
    const run = CJK_RUN.exec(before)?.[0] ?? '';
    const length = index.typedNameLength(run);
    if (length === 0) return;
    typed = run.slice(run.length - length);
  }
  // Twice the cap: an informal name and the formal name may insert the same text, and are offered once.
  const { matches, total } = index.search(typed, MAX_ITEMS * 2);
  const range = at(offset - typed.length);
  const offered = new Set<string>();
  for (const match of matches) {
    const agency = match.agency;
    const insert = match.form === 'informal' ? index.preferredName(agency) : match.surface;
    if (offered.has(insert)) continue;
    if (offered.size === MAX_ITEMS) {
      list.isIncomplete = true;
      break;
    }
    offered.add(insert);
    const fuzzy = match.rank === MatchRank.Fuzzy;
    list.items.push({
      label: insert,
      labelDetails: { detail: insert === match.surface ? undefined : ` ← ${match.surface}`, description: agency.kind },
      kind: CompletionItemKind.Constant,
      detail: agency.kind,
      documentation: { kind: MarkupKind.Markdown, value: agencyMarkdown(agency, context.knowledge, context.locale, match) },
      sortText: `${match.rank}${agency.until ? 1 : 0}${String(match.key.length).padStart(3, '0')}${String(match.order).padStart(5, '0')}`,
      filterText: fuzzy ? typed + match.key : match.key,
      textEdit: { range, newText: insert },
      tags: agency.until ? [CompletionItemTag.Deprecated] : undefined,
    });
  }
  if (total > matches.length) list.isIncomplete = true;
}
