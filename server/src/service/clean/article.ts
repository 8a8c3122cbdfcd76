/**
 * The body of a post as cleaned blocks, read from the document's one tree (`doc.tree`, see
 * parse/tree/bodyTree.ts): portal junk is recognised by the spans of `doc.boilerplate`, the same the
 * `web-boilerplate` fix removes; each block's content goes through the allowlist (sanitize.ts).
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { toText } from 'hast-util-to-text';
import dialects from '../../../data/markdown-dialects.json';
import type { BoilerplateSpan } from '../parse/boilerplate/spans';
import type { PolicyDocument } from '../parse/document';
import { endOf, startOf, treeData } from '../parse/tree/bodyTree';
import { CJK, normalizeInline } from './inline';
import { DROPPED_TAGS, INLINE_TAGS, sanitizeTree, STRUCTURE_TAGS, UNWRAPPED_INLINE_TAGS } from './sanitize';
import { bodyMetadataLabel } from './metadata';
import type { Locale } from '../types';
import type { Block } from './types';

/** Deeper nesting than this is flattened to its text, so tag soup cannot exhaust the stack. */
const MAX_DEPTH = 64;
const BLANK_LINE = /\n[^\S\n]*(?:\n[^\S\n]*)+/g;
/** In a plain-text file every line break outside the page's own HTML elements ends a paragraph. */
const LINE_BREAK = /\r\n?|\n/g;
const TOC_TITLES = new Set(dialects.tableOfContentsTitles);
/** Junk that stands as a block of its own. */
const BLOCK_JUNK = new Set(['comment', 'qr-block', 'promotion', 'editor-line', 'navigation']);

type Node = RootContent | ElementContent;

interface Context {
  images: boolean;
  locale: Locale;
  /** Boilerplate spans by their start offset in the document, and all of them in order. */
  junk: Map<number, BoilerplateSpan>;
  spans: readonly BoilerplateSpan[];
  /** The document text the tree's offsets point into. */
  source: string;
  blocks: Block[];
  /** Inline junk (stock-quote spans, empty captions, unwrapped stock links): removed but not shown as blocks. */
  inlineRemoved: BoilerplateSpan[];
  /** The spans already cut out of a text node (one span may reach over several). */
  cut: Set<BoilerplateSpan>;
  /** The class of an aligned container the blocks are in (`::: right`). */
  align?: string;
  /** Where the last block ended: a node without a position (a footnote section) goes after it. */
  last: number;
  /** What ends a paragraph in text between blocks: a blank line (Markdown) or any line break (a `.txt` file). */
  paragraphBreak: RegExp;
}

function start(node: Node, ctx: Context): number {
  return startOf(node) ?? ctx.last;
}

function end(node: Node, ctx: Context): number {
  return endOf(node) ?? start(node, ctx);
}

/** The junk span this node is exactly, if any. */
function junkOf(node: Node, ctx: Context): BoilerplateSpan | undefined {
  const from = startOf(node);
  if (from === undefined) return undefined;
  const span = ctx.junk.get(from);
  return span && span.end === endOf(node) ? span : undefined;
}

/**
 * The span that covers a block's whole text, if one does: a paragraph that is all boilerplate (a
 * navigation line, a footer line, a share prompt). Whitespace around the span does not count.
 */
function coveringSpan(from: number | undefined, to: number | undefined, ctx: Context): BoilerplateSpan | undefined {
  if (from === undefined || to === undefined) return undefined;
  return spansIn(from, to, ctx).find((span) => span.replacement === '' && ctx.source.slice(from, span.start).trim() === '' && ctx.source.slice(span.end, to).trim() === '');
}

/** The spans that overlap `[from, to)`, found by binary search (the spans are sorted and never overlap). */
function spansIn(from: number, to: number, ctx: Context): BoilerplateSpan[] {
  const { spans } = ctx;
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle].end <= from) low = middle + 1;
    else high = middle;
  }
  const found: BoilerplateSpan[] = [];
  for (let i = low; i < spans.length && spans[i].start < to; i++) found.push(spans[i]);
  return found;
}

/** The span a node lies wholly inside, if any. */
function insideSpan(node: Node, ctx: Context): BoilerplateSpan | undefined {
  const from = startOf(node);
  const to = endOf(node);
  if (from === undefined || to === undefined || to <= from) return undefined;
  return spansIn(from, to, ctx).find((span) => span.replacement === '' && span.start <= from && to <= span.end);
}

/** A text node with the boilerplate inside it cut out (only where the node's value is its source, so offsets hold). */
function cutInlineJunk(node: Text, ctx: Context): Text {
  const from = startOf(node);
  const to = endOf(node);
  if (from === undefined || to === undefined) return node;
  const inside = spansIn(from, to, ctx).filter((span) => span.replacement === '');
  if (inside.length === 0 || ctx.source.slice(from, to) !== node.value) return node;
  let value = '';
  let at = from;
  for (const span of inside) {
    value += ctx.source.slice(at, Math.max(at, span.start));
    at = Math.max(at, Math.min(span.end, to));
    if (!ctx.cut.has(span)) {
      ctx.cut.add(span);
      ctx.inlineRemoved.push(span);
    }
  }
  return { ...node, value: value + ctx.source.slice(at, to) };
}

function isInline(node: Node): boolean {
  if (node.type === 'text') return true;
  if (node.type !== 'element') return false;
  return INLINE_TAGS.has(node.tagName) || UNWRAPPED_INLINE_TAGS.has(node.tagName);
}

function element(tagName: string, children: ElementContent[], className?: string[]): Element {
  return { type: 'element', tagName, properties: className ? { className } : {}, children };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A line that starts a numbered entry (`[2] 主要参考…`, `3、消息称…`, `（二）…`) was typed on its own
 * line: a soft break before it is kept as a line break, so the entries do not run together.
 */
const ENTRY_LINE = /\r?\n(?=[ \t\u3000]*(?:[[［]\d{1,3}[\]］]|\d{1,2}、|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]))/g;

function withEntryBreaks(node: Text): ElementContent[] {
  const pieces = node.value.includes('\n') ? node.value.split(ENTRY_LINE) : [];
  if (pieces.length < 2) return [node];
  return pieces.flatMap((value, index) => (index === 0 ? [{ type: 'text' as const, value }] : [element('br', []), { type: 'text' as const, value }]));
}

/** Takes inline junk and (without images) images out of `parent`, in place. */
function stripInlineJunk(parent: Element, ctx: Context, depth = 0): void {
  const kept: ElementContent[] = [];
  for (const child of parent.children) {
    // A node that lies inside a span (a component's text within a banner line) goes with it.
    const within = insideSpan(child, ctx);
    if (within) {
      if (!ctx.cut.has(within)) {
        ctx.cut.add(within);
        ctx.inlineRemoved.push(within);
      }
      continue;
    }
    if (child.type !== 'element') {
      if (child.type === 'text') kept.push(...withEntryBreaks(cutInlineJunk(child, ctx)));
      else kept.push(child);
      continue;
    }
    const junk = junkOf(child, ctx);
    if (junk) {
      ctx.inlineRemoved.push(junk);
      if (junk.kind === 'stock-link') kept.push({ type: 'text', value: toText(child) });
      continue;
    }
    if (depth > MAX_DEPTH) kept.push({ type: 'text', value: toText(child) });
    else {
      stripInlineJunk(child, ctx, depth + 1);
      kept.push(child);
    }
  }
  parent.children = kept;
}

/** The safe, whitespace-normalised copy of inline content. */
function inlineContent(children: ElementContent[], ctx: Context): { content: ElementContent[]; text: string; images: number } {
  const holder = element('p', children);
  stripInlineJunk(holder, ctx);
  const safe = sanitizeTree(holder);
  const paragraph = safe.children[0] as Element | undefined;
  if (!paragraph) return { content: [], text: '', images: 0 };
  const { text, images } = normalizeInline(paragraph);
  if (!ctx.images) placeImages(paragraph, ctx);
  return { content: paragraph.children, text, images };
}

const IMAGE_LABEL = { zh: '图片', en: 'image' };

/**
 * Remote images are off (policydoc.preview.images): each image becomes a placeholder that says where
 * it was and what it showed (its alt text), and nothing is loaded. Done after the text is read, so the
 * text has no placeholder in it.
 */
function placeImages(parent: Element, ctx: Context): void {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName !== 'img') {
      placeImages(child, ctx);
      return child;
    }
    const alt = typeof child.properties.alt === 'string' ? child.properties.alt.trim() : '';
    const label = IMAGE_LABEL[ctx.locale];
    const shown = ctx.locale === 'zh' ? `［${label}${alt ? `：${alt}` : ''}］` : `[${label}${alt ? `: ${alt}` : ''}]`;
    return element('span', [{ type: 'text', value: shown }], ['pd-image-placeholder']);
  });
}

/** A paragraph (or a figure when it holds only images) from inline content; an empty one is recorded as removed. */
function pushParagraph(children: ElementContent[], tag: Block['tag'], from: number, to: number, ctx: Context, options: { emptyIsRemoved?: boolean; className?: string } = {}): void {
  const { content, text, images } = inlineContent(children, ctx);
  ctx.last = Math.max(ctx.last, to);
  if (text === '' && images === 0) {
    if (options.emptyIsRemoved) ctx.blocks.push({ tag: 'removed', kind: 'empty-paragraph', content: [], text: '', start: from, end: to });
    return;
  }
  const figure = text === '' && images > 0;
  const className = options.className ?? ctx.align;
  ctx.blocks.push({ tag: figure ? 'figure' : tag, ...(className && !figure ? { className } : {}), content, text, start: from, end: to });
}

function pushRemoved(kind: Block['kind'] & string, shown: string, from: number, to: number, ctx: Context): void {
  ctx.blocks.push({ tag: 'removed', kind: kind as Block['kind'], content: shown ? [{ type: 'text', value: shown }] : [], text: shown, start: from, end: to });
  ctx.last = Math.max(ctx.last, to);
}

/** The text of a structure (list, table, quote, code): rows and items on lines, cells separated by tabs. */
/** Elements whose whitespace-only text children are source formatting, not content. */
const LAYOUT_TAGS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl', 'blockquote', 'aside', 'details', 'section']);

/** A soft line break in source text: nothing between CJK characters (a wrapped Chinese line), else a space. */
function joinSoftBreaks(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, (_, offset: number) => (CJK.test(text[offset - 1] ?? '') && CJK.test(text[offset + _.length] ?? '') ? '' : ' '));
}

function structureText(node: ElementContent | Root, parent?: Element, pre = false): string {
  if (node.type === 'text') {
    if (parent && LAYOUT_TAGS.has(parent.tagName) && node.value.trim() === '') return '';
    return pre ? node.value : joinSoftBreaks(node.value);
  }
  if (node.type !== 'element' && node.type !== 'root') return '';
  const inPre = pre || (node.type === 'element' && node.tagName === 'pre');
  const children = node.children.map((child) => structureText(child as ElementContent, node.type === 'element' ? node : undefined, inPre));
  // An ordered list shows its numbers: the reader sees `1.`, `2.`.
  if (node.type === 'element' && node.tagName === 'ol') {
    const first = Number(node.properties.start ?? 1);
    let number = Number.isFinite(first) ? first : 1;
    node.children.forEach((child, index) => {
      if (child.type === 'element' && child.tagName === 'li') children[index] = `${number++}. ${children[index].replace(/^\s+/, '')}`;
    });
  }
  const inner = children.join('');
  if (node.type === 'root') return inner;
  const tag = node.tagName;
  if (tag === 'br' || tag === 'hr') return '\n';
  // A nested list starts on its own line, under its item's text.
  if (tag === 'ul' || tag === 'ol') return `\n${inner}`;
  const separator = ['li', 'tr', 'p', 'dt', 'dd', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag) ? '\n' : tag === 'td' || tag === 'th' ? '\t' : '';
  return inner + separator;
}

function structureBlock(node: Element, from: number, to: number, ctx: Context, className?: string[], title?: string): void {
  const holder = element(node.tagName, node.children);
  stripInlineJunk(holder, ctx);
  const safe = sanitizeTree(holder).children[0] as Element | undefined;
  ctx.last = Math.max(ctx.last, to);
  if (!safe) return;
  if (title) safe.children.unshift(element(node.tagName === 'details' ? 'summary' : 'p', [{ type: 'text', value: title }], node.tagName === 'details' ? undefined : ['pd-callout-title']));
  if (className) safe.properties.className = className;
  const raw = structureText(safe);
  if (raw.trim() === '' && !JSON.stringify(safe).includes('"img"')) return;
  if (!ctx.images) placeImages(safe, ctx);
  // Table rows keep their cells apart with tabs.
  const line = (row: string) => row.split('\t').map(collapse).join('\t').replace(/^\t+|\t+$/g, '');
  const text = node.tagName === 'pre' ? raw.replace(/\n+$/, '') : raw.split('\n').map(line).filter(Boolean).join('\n');
  ctx.blocks.push({ tag: 'structure', content: [safe], text, start: from, end: to });
}

function visitContainer(node: Element, ctx: Context, depth: number): void {
  const container = treeData(node).container!;
  const from = container.start;
  const to = container.end;
  switch (container.rendering) {
    case 'callout': {
      // `::: warning 原文链接` holding a link: a metadata line, read as `原文链接：…`.
      if (bodyMetadataLabel(container.title)) {
        // The link's target is the metadata, its text only names it.
        const href = firstLink(node);
        const text = bodyMetadataLabel(container.title) === 'sourceUrl' && href ? href : collapse(toText(node));
        ctx.blocks.push({ tag: 'p', content: [{ type: 'text', value: text }], text: `${container.title}：${text}`, start: from, end: to });
        ctx.last = Math.max(ctx.last, to);
        return;
      }
      structureBlock(element('aside', node.children), from, to, ctx, ['pd-callout', `pd-callout-${container.name.toLowerCase()}`], container.title);
      return;
    }
    case 'details':
      if (TOC_TITLES.has(container.title)) return pushRemoved('navigation', container.title, from, to, ctx);
      structureBlock(element('details', node.children), from, to, ctx, ['pd-details'], container.title || undefined);
      return;
    case 'quote':
      structureBlock(element('blockquote', [...node.children, ...(container.title ? [element('p', [{ type: 'text', value: container.title } as Text])] : [])]), from, to, ctx);
      return;
    case 'right':
    case 'center': {
      const outer = ctx.align;
      ctx.align = `pd-align-${container.rendering}`;
      visitNodes(node.children, ctx, depth + 1);
      ctx.align = outer;
      return;
    }
    default:
      visitNodes(node.children, ctx, depth + 1);
  }
}

function firstLink(node: Element): string | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'a' && typeof child.properties.href === 'string') return child.properties.href;
    const inner = firstLink(child);
    if (inner) return inner;
  }
  return undefined;
}

/** Parts of a table a portal lays its page out with: a cell holding paragraphs is layout, not data. */
const LAYOUT_TABLE_TAGS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
const PARAGRAPH_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function holdsParagraphs(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (PARAGRAPH_TAGS.has(child.tagName) || (LAYOUT_TABLE_TAGS.has(child.tagName) && holdsParagraphs(child))));
}

function hasBlockChild(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && !isInline(child));
}

function visitBlock(node: Element, ctx: Context, depth: number): void {
  const tag = node.tagName;
  const from = start(node, ctx);
  const to = end(node, ctx);
  if (treeData(node).container) return visitContainer(node, ctx, depth);
  if (DROPPED_TAGS.has(tag)) return pushRemoved('unsafe', `<${tag}>`, from, to, ctx);
  const align = treeData(node).align;
  const className = align ? `pd-align-${align}` : undefined;
  if (/^h[1-6]$/.test(tag) || tag === 'p') {
    const junk = coveringSpan(from, to, ctx);
    if (junk) return pushRemoved(junk.kind, collapse(toText(node)), Math.min(from, junk.start), Math.max(to, junk.end), ctx);
    const empty = tag === 'p' && !JSON.stringify(node.children).includes('"img"');
    pushParagraph(node.children, tag as Block['tag'], from, to, ctx, { emptyIsRemoved: empty, className });
    return;
  }
  if (tag === 'hr') {
    ctx.blocks.push({ tag: 'hr', content: [], text: '', start: from, end: to });
    ctx.last = Math.max(ctx.last, to);
    return;
  }
  if (tag === 'section' && node.properties.dataFootnotes !== undefined) {
    // The GFM footnotes: their list, without the screen-reader heading remark adds.
    const list = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol');
    if (list) structureBlock(list, from, to, ctx, ['pd-footnotes']);
    return;
  }
  if (LAYOUT_TABLE_TAGS.has(tag) && depth < MAX_DEPTH && holdsParagraphs(node)) return visitNodes(node.children, ctx, depth + 1);
  if (STRUCTURE_TAGS.has(tag) && tag !== 'figure' && tag !== 'figcaption') return structureBlock(node, from, to, ctx);
  // A container (div, section, figure, a body wrapper…): its blocks, or one paragraph if it holds only inline content.
  if (hasBlockChild(node) && depth < MAX_DEPTH) return visitNodes(node.children, ctx, depth + 1);
  pushParagraph(node.children, 'p', from, to, ctx, { className });
}

/** A run of inline content between blocks, with the offsets of its first and last node. */
interface Run {
  nodes: ElementContent[];
  from?: number;
  to?: number;
}

function flushRun(run: Run, ctx: Context): void {
  if (run.nodes.length === 0) return;
  const nodes = run.nodes.splice(0);
  const from = run.from ?? ctx.last;
  const to = run.to ?? from;
  run.from = run.to = undefined;
  if (nodes.every((node) => node.type === 'text' && node.value.trim() === '')) return;
  const junk = coveringSpan(run.from === undefined ? undefined : from, run.to === undefined ? undefined : to, ctx);
  if (junk) return pushRemoved(junk.kind, collapse(nodes.map((node) => toText(node)).join('')), Math.min(from, junk.start), Math.max(to, junk.end), ctx);
  pushParagraph(nodes, 'p', from, to, ctx);
}

function addToRun(node: ElementContent, from: number | undefined, to: number | undefined, run: Run): void {
  run.nodes.push(node);
  run.from ??= from;
  if (to !== undefined) run.to = to;
}

/** Adds a text node to the run, splitting paragraphs at blank lines. */
function addText(node: Text, run: Run, ctx: Context): void {
  const at = startOf(node);
  let last = 0;
  for (const match of node.value.matchAll(ctx.paragraphBreak)) {
    const piece = node.value.slice(last, match.index);
    addToRun({ type: 'text', value: piece }, at === undefined ? undefined : at + last, at === undefined ? undefined : at + match.index, run);
    flushRun(run, ctx);
    last = match.index + match[0].length;
  }
  const piece = node.value.slice(last);
  if (piece !== '') addToRun({ type: 'text', value: piece }, at === undefined ? undefined : at + last, endOf(node), run);
}

function visitNodes(nodes: Node[], ctx: Context, depth = 0): void {
  const run: Run = { nodes: [] };
  for (const node of nodes) {
    const junk = junkOf(node, ctx);
    if (junk && BLOCK_JUNK.has(junk.kind)) {
      flushRun(run, ctx);
      const shown = node.type === 'element' && node.tagName !== 'style' ? collapse(toText(node)) : node.type === 'comment' ? collapse(node.value) : '';
      pushRemoved(junk.kind, shown, junk.start, junk.end, ctx);
      continue;
    }
    if (node.type === 'text') addText(node, run, ctx);
    else if (node.type === 'element' && isInline(node) && !treeData(node).container) addToRun(node, startOf(node), endOf(node), run);
    else if (node.type === 'element') {
      flushRun(run, ctx);
      visitBlock(node, ctx, depth);
    }
  }
  flushRun(run, ctx);
}

export interface ArticleBody {
  blocks: Block[];
  inlineRemoved: BoilerplateSpan[];
}

/** The body tree as blocks in source order. */
export function articleBlocks(doc: Pick<PolicyDocument, 'tree' | 'text' | 'bodyStart' | 'boilerplate'>, images: boolean, plainTextFile = false, locale: Locale = 'zh'): ArticleBody {
  const { tree, bodyStart, boilerplate } = doc;
  const paragraphBreak = plainTextFile ? LINE_BREAK : BLANK_LINE;
  const ctx: Context = { images, locale, junk: new Map(boilerplate.map((span) => [span.start, span])), spans: boilerplate, source: doc.text, blocks: [], inlineRemoved: [], cut: new Set(), last: bodyStart, paragraphBreak };
  visitNodes(tree.children, ctx);
  ctx.blocks.sort((a, b) => a.start - b.start);
  return { blocks: ctx.blocks, inlineRemoved: ctx.inlineRemoved };
}
