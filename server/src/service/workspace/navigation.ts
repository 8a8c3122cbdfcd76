/**
 * Navigation over the workspace index, as LSP answers: go to the cited document, who cites this
 * one, what a citation names (hover), links (原文链接, URL keys, resolvable citations) and documents by
 * 发文字号, title or pinyin initials (workspace symbols). Pure: the index and the open document's
 * entry in, plain LSP types out. `label` names a document for people (its path in its folder).
 */
import type { DocumentLink, Hover, Location, Range, SymbolInformation } from 'vscode-languageserver-types';
import { MarkupKind, SymbolKind } from 'vscode-languageserver-types';
import { escapeMarkdown } from '../features/markdown';
import type { PolicyDocument } from '../parse/document';
import type { Locale } from '../types';
import type { Citation, DocumentEntry, TextPosition, TextRange } from './types';
import type { DocumentStatus, WorkspaceIndex } from './workspaceIndex';

export interface NavigationContext {
  index: WorkspaceIndex;
  locale: Locale;
  /** How a document is named for people: its path relative to its workspace folder. */
  label(uri: string): string;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const URL = /https?:\/\/[^\s<>"'（）()【】《》，。；！]+/g;
const SOURCE_LINE = /原文链接|原文地址|原文网址|来源链接|source|原文/i;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

function before(a: TextPosition, b: TextPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Inside the range, its end included (the cursor just after a citation still points at it). */
function contains(range: TextRange | undefined, position: TextPosition): boolean {
  return range !== undefined && !before(position, range.start) && !before(range.end, position);
}

/** Where a document "is": its title, else its 发文字号, else its start. */
function targetRange(entry: DocumentEntry): Range {
  return entry.titleRange ?? entry.numberRange ?? START;
}

export function citationAt(entry: DocumentEntry, position: TextPosition): Citation | undefined {
  return entry.citations.find((citation) => contains(citation.range, position));
}

/** `textDocument/definition`: the documents a citation under the cursor names. */
export function definition(entry: DocumentEntry, position: TextPosition, context: NavigationContext): Location[] {
  const citation = citationAt(entry, position);
  if (!citation) return [];
  return context.index.resolve(citation, entry.uri).map((target) => ({ uri: target.uri, range: targetRange(target) }));
}

/**
 * `textDocument/references`: on the document's own 发文字号 or title, every citation of it in other
 * documents; on a citation, every citation of the document it names.
 */
export function references(entry: DocumentEntry, position: TextPosition, includeDeclaration: boolean, context: NavigationContext): Location[] {
  const onOwn = contains(entry.numberRange, position) || contains(entry.titleRange, position);
  const citation = onOwn ? undefined : citationAt(entry, position);
  const targets = onOwn ? [entry] : citation ? context.index.resolve(citation, entry.uri) : [];
  const locations: Location[] = [];
  for (const target of targets) {
    if (includeDeclaration) locations.push({ uri: target.uri, range: targetRange(target) });
    for (const reference of context.index.references(target.uri)) locations.push({ uri: reference.uri, range: reference.citation.range });
  }
  return locations;
}

const TEXT = {
  unresolved: { zh: '工作区中没有找到所引文件。', en: 'The cited document is not in the workspace.' },
  several: { zh: '工作区中有 {count} 件文件与之相符：', en: '{count} documents of the workspace match:' },
  inForce: { zh: '有效（工作区中没有文件宣布其废止或修改）', en: 'In force (no document of the workspace repeals or amends it)' },
  repealed: { zh: '已废止', en: 'Repealed' },
  amended: { zh: '已修改', en: 'Amended' },
  by: { zh: '依据', en: 'by' },
  status: { zh: '状态', en: 'Status' },
  agency: { zh: '发文机关', en: 'Agency' },
  date: { zh: '日期', en: 'Date' },
  number: { zh: '发文字号', en: 'Document number' },
  path: { zh: '位置', en: 'File' },
} as const;

function statusText(status: DocumentStatus, context: NavigationContext): string {
  const { locale } = context;
  if (status.state === 'in-force') return TEXT.inForce[locale];
  const head = status.state === 'repealed' ? TEXT.repealed[locale] : TEXT.amended[locale];
  const statements = status.by
    .filter((by) => (status.state === 'repealed' ? by.kind === 'repeal' : true))
    .slice(0, 3)
    .map((by) => `${by.verb}${by.date ? ` ${by.date}` : ''}, ${TEXT.by[locale]} ${by.title ? `《${escapeMarkdown(by.title)}》` : ''} (${escapeMarkdown(context.label(by.uri))})`);
  return `${head}${locale === 'zh' ? '：' : ': '}${statements.join(locale === 'zh' ? '；' : '; ')}`;
}

function describe(target: DocumentEntry, context: NavigationContext): string {
  const { locale } = context;
  const colon = locale === 'zh' ? '：' : ': ';
  const facts: string[] = [`**${escapeMarkdown(target.title ?? context.label(target.uri))}**`];
  if (target.number) facts.push(`- ${TEXT.number[locale]}${colon}${escapeMarkdown(target.number)}`);
  if (target.agency) facts.push(`- ${TEXT.agency[locale]}${colon}${escapeMarkdown(target.agency)}`);
  if (target.date) facts.push(`- ${TEXT.date[locale]}${colon}${target.date}`);
  facts.push(`- ${TEXT.status[locale]}${colon}${statusText(context.index.status(target.uri), context)}`);
  facts.push(`- ${TEXT.path[locale]}${colon}[${escapeMarkdown(context.label(target.uri))}](${target.uri})`);
  return facts.join('\n');
}

/** Hover on a citation: the cited document's title, agency, date, status and file; or that it is not in the workspace. */
export function citationHover(entry: DocumentEntry, position: TextPosition, context: NavigationContext): Hover | null {
  const citation = citationAt(entry, position);
  if (!citation) return null;
  const targets = context.index.resolve(citation, entry.uri);
  const written = [citation.title ? `《${citation.title}》` : '', citation.number ? `${citation.title ? '（' : ''}${citation.number}${citation.title ? '）' : ''}` : ''].join('');
  let value: string;
  if (targets.length === 0) value = `${escapeMarkdown(written)}\n\n${TEXT.unresolved[context.locale]}`;
  else if (targets.length === 1) value = describe(targets[0], context);
  else value = [TEXT.several[context.locale].replace('{count}', String(targets.length)), ...targets.slice(0, 5).map((target) => describe(target, context))].join('\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: citation.range };
}

/** `textDocument/documentLink`: 原文链接 and other source addresses, URL values of the front matter, and citations the workspace resolves. */
export function documentLinks(doc: PolicyDocument, entry: DocumentEntry | undefined, context: NavigationContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  const addUrl = (start: number, url: string) => {
    const trimmed = url.replace(TRAILING_PUNCTUATION, '');
    links.push({ range: doc.lines.range(start, start + trimmed.length), target: trimmed });
  };
  for (const key of doc.frontMatter?.entries ?? []) {
    if (typeof key.value !== 'string') continue;
    const source = doc.text.slice(key.valueStart, key.valueEnd);
    for (const match of source.matchAll(URL)) addUrl(key.valueStart + match.index!, match[0]);
  }
  // In the body, the source lines (原文链接：…) of crawled and exported documents; other URLs are left to the editor's own link detection.
  const body = doc.text.slice(doc.bodyStart);
  let offset = doc.bodyStart;
  for (const line of body.split('\n')) {
    if (SOURCE_LINE.test(line)) for (const match of line.matchAll(URL)) addUrl(offset + match.index!, match[0]);
    offset += line.length + 1;
  }
  for (const citation of entry?.citations ?? []) {
    const [target] = context.index.resolve(citation, entry!.uri);
    if (target) links.push({ range: citation.range, target: target.uri, tooltip: target.title ?? context.label(target.uri) });
  }
  return links;
}

/** `workspace/symbol`: documents by 发文字号, title (anywhere in it), title pinyin initials or 法宝引证码. */
export function workspaceSymbols(query: string, context: NavigationContext, limit = 200): SymbolInformation[] {
  return context.index.search(query, limit).map(({ entry }) => ({
    name: entry.title ?? entry.number ?? context.label(entry.uri),
    kind: SymbolKind.File,
    location: { uri: entry.uri, range: targetRange(entry) },
    containerName: [entry.number, entry.agency, entry.date].filter(Boolean).join(' · ') || context.label(entry.uri),
  }));
}
