/**
 * The outline of one document — document symbols and folding ranges — from its front matter,
 * Markdown headings, 第X编 / 部分 / 章 / 节 / 条 and the 层次序数 一、 （一） 1. （1） that the parser
 * found (`doc.official.sections`). A part runs to the next part of the same or a higher rank.
 */
import { bodyLines } from '../parse/bodyLines';
import type { PolicyDocument } from '../parse/document';
import type { Locale } from '../types';
import type { TextRange } from './types';

export type OutlineKind = 'front-matter' | 'key' | 'heading' | 'part' | 'chapter' | 'section' | 'article' | 'item';

export interface OutlineSymbol {
  name: string;
  kind: OutlineKind;
  /** Heading level (1–6) or 层次序数 level (1–4: 一、 （一） 1. （1）). */
  level?: number;
  /** The whole part, to the line before the next part of the same or a higher rank. */
  range: TextRange;
  /** The heading line itself. */
  selectionRange: TextRange;
  children: OutlineSymbol[];
}

export interface FoldingSection {
  startLine: number;
  endLine: number;
}

const HEADING = /^[^\S\n]*(#{1,6})[^\S\n]+/;
const LEAD = /^[\s\u3000]*(?:\*\*)?/;
const STRUCTURE = /^第[一二三四五六七八九十百千零〇两0-9]+(编|部分|章|节|条)/;
const STRUCTURE_RANK: Record<string, number> = { 编: 10, 部分: 10, 章: 11, 节: 12, 条: 13 };
const STRUCTURE_KIND: Record<string, OutlineKind> = { 编: 'part', 部分: 'part', 章: 'chapter', 节: 'section', 条: 'article' };
const TABLE_OF_CONTENTS = /^(?:#{1,6})?目录$/;
const NAME_MAX = 40;
const FRONT_MATTER_NAME = { en: 'Front matter', zh: '前置元数据' };

interface Item {
  symbol: OutlineSymbol;
  rank: number;
  start: number;
  lineEnd: number;
  end: number;
}

function nameOf(text: string): string {
  const name = text.replace(/\*\*/g, '').replace(/\{[^}]*\}\s*$/, '').replace(/[\s\u3000]+/g, ' ').trim();
  return name.length > NAME_MAX ? `${name.slice(0, NAME_MAX)}…` : name;
}

/** Symbols for the Outline and breadcrumbs, nested by rank: headings, then 编 > 章 > 节 > 条, then 层次序数. */
export function documentOutline(doc: PolicyDocument, locale: Locale = 'en'): OutlineSymbol[] {
  const roots: OutlineSymbol[] = [];
  const range = (start: number, end: number) => doc.lines.range(start, end);
  const fm = doc.frontMatter;
  if (fm && fm.closed) {
    const children = fm.entries.map((entry) => ({
      name: entry.key,
      kind: 'key' as const,
      range: range(entry.keyStart, Math.max(entry.keyEnd, entry.valueEnd)),
      selectionRange: range(entry.keyStart, entry.keyEnd),
      children: [],
    }));
    roots.push({ name: FRONT_MATTER_NAME[locale], kind: 'front-matter', range: range(fm.start, fm.end), selectionRange: range(fm.start, fm.openLineEnd), children });
  }
  if (doc.binary) return roots;
  const prose = doc.prose;
  const markers = new Map<number, { level: number }>();
  for (const marker of doc.official.sections) if (!marker.doubtful && !marker.merged) markers.set(marker.start, marker);
  const items: Item[] = [];
  let contents: string | null | undefined;
  let lastEnd = doc.bodyStart;
  for (const line of bodyLines(prose, doc.bodyStart)) {
    lastEnd = line.end;
    const raw = prose.slice(line.start, line.end);
    const compact = raw.replace(/[\s\u3000*]+/g, '');
    const heading = HEADING.exec(raw);
    const afterHeading = line.start + (heading ? heading[0].length : 0);
    const lead = LEAD.exec(prose.slice(afterHeading, line.end))![0].length;
    const textStart = afterHeading + lead;
    const text = prose.slice(textStart, line.end);
    const structure = STRUCTURE.exec(text);
    // A table of contents lists the parts again: skipped until its first entry comes back as a heading.
    if (TABLE_OF_CONTENTS.test(compact)) {
      contents = null;
      continue;
    }
    if (contents !== undefined) {
      const key = structure?.[0] ?? compact;
      if (contents === null) contents = key;
      else if (key === contents || /[。；]/.test(raw)) contents = undefined;
      if (contents !== undefined) continue;
    }
    let rank: number;
    let kind: OutlineKind;
    let level: number | undefined;
    const marker = markers.get(textStart) ?? markers.get(line.start) ?? markers.get(afterHeading);
    if (marker) {
      rank = 20 + marker.level;
      kind = 'item';
      level = marker.level;
    } else if (structure) {
      rank = STRUCTURE_RANK[structure[1]];
      kind = STRUCTURE_KIND[structure[1]];
    } else if (heading) {
      level = heading[1].length;
      rank = level;
      kind = 'heading';
    } else continue;
    const name = nameOf(structure && kind === 'article' ? text.slice(0, NAME_MAX) : text);
    if (name === '') continue;
    const symbol: OutlineSymbol = { name, kind, ...(level !== undefined ? { level } : {}), range: range(line.start, line.end), selectionRange: range(textStart, line.end), children: [] };
    items.push({ symbol, rank, start: line.start, lineEnd: line.end, end: line.end });
  }
  // Nest by rank: a part holds what follows until a part of the same or a higher rank.
  const stack: Item[] = [];
  const close = (item: Item, end: number) => {
    item.symbol.range = range(item.start, Math.max(item.lineEnd, end));
  };
  for (const item of items) {
    while (stack.length > 0 && stack[stack.length - 1].rank >= item.rank) close(stack.pop()!, previousEndBefore(item.start));
    (stack.length > 0 ? stack[stack.length - 1].symbol.children : roots).push(item.symbol);
    stack.push(item);
  }
  for (const item of stack) close(item, lastEnd);
  return roots;

  /** The end of the last non-blank line before `offset`. */
  function previousEndBefore(offset: number): number {
    let at = offset;
    while (at > doc.bodyStart && /\s/.test(prose[at - 1])) at--;
    return at;
  }
}

/** Folding ranges for the same parts (and the front matter): every part that spans more than one line. */
export function foldingSections(doc: PolicyDocument): FoldingSection[] {
  const found: FoldingSection[] = [];
  const walk = (symbols: OutlineSymbol[]) => {
    for (const symbol of symbols) {
      if (symbol.kind === 'key') continue;
      if (symbol.range.end.line > symbol.range.start.line) {
        const endLine = symbol.range.end.character === 0 ? symbol.range.end.line - 1 : symbol.range.end.line;
        if (endLine > symbol.range.start.line) found.push({ startLine: symbol.range.start.line, endLine });
      }
      walk(symbol.children);
    }
  };
  walk(documentOutline(doc));
  return found;
}
