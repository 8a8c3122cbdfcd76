/**
 * The body of a post (HTML, Markdown, or both mixed, as crawled posts are) as cleaned blocks. The
 * body is parsed once with htmlparser2 keeping source offsets and walked with cheerio; portal junk
 * is recognised by the spans of `doc.boilerplate`, the same the `web-boilerplate` fix removes.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { BoilerplateSpan } from '../parse/boilerplate/spans';
import { InlineWriter } from './inline';
import { allowedAttributes, DROPPED_TAGS, escapeHtml, INLINE_TAGS, safeImageUrl, safeLinkUrl, STRUCTURE_TAGS, UNWRAPPED_INLINE_TAGS } from './sanitize';
import type { Block } from './types';

/** Marks that stand for the `<` `>` of a Markdown autolink, so htmlparser2 does not read `<https://…>` as a tag. */
const AUTOLINK_OPEN = '\uE000';
const AUTOLINK_CLOSE = '\uE001';
const AUTOLINK = /<(https?:\/\/[^\s<>"]+)>/g;
const INLINE_MARKDOWN = new RegExp(
  [
    String.raw`!\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"\n]*")?\)`,
    String.raw`\[([^\]\n]+)\]\(([^)\s]*)(?:\s+"[^"\n]*")?\)`,
    String.raw`\*\*([^*\n]+)\*\*`,
    `${AUTOLINK_OPEN}([^${AUTOLINK_CLOSE}]*)${AUTOLINK_CLOSE}`,
    '`([^`\\n]+)`',
  ].join('|'),
  'g',
);
/** Deeper nesting than this is flattened to its text, so tag soup cannot exhaust the stack. */
const MAX_DEPTH = 64;
const BLANK_LINE = /\n[^\S\n]*(?:\n[^\S\n]*)+/g;
const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|(\d{1,9})[.)])[ \t]+/;

interface Context {
  $: CheerioAPI;
  /** The whole document text. */
  source: string;
  bodyStart: number;
  images: boolean;
  /** Boilerplate spans by their start offset in the document. */
  junk: Map<number, BoilerplateSpan>;
  /** The navigation spans, by start offset: a text node looks up its own instead of scanning every span. */
  navigation: BoilerplateSpan[];
  blocks: Block[];
  /** Inline junk (stock-quote spans, empty captions, unwrapped stock links): removed but not shown as blocks. */
  inlineRemoved: BoilerplateSpan[];
}

/** A run of inline content between blocks: text pieces (with their document offset) and inline elements. */
type RunItem = { text: string; start: number } | { node: AnyNode };

function start(node: AnyNode, ctx: Context): number {
  return ctx.bodyStart + (node.startIndex ?? 0);
}

function end(node: AnyNode, ctx: Context): number {
  return ctx.bodyStart + (node.endIndex ?? node.startIndex ?? 0) + 1;
}

/** The junk span this node is exactly, if any. */
function junkOf(node: AnyNode, ctx: Context): BoilerplateSpan | undefined {
  const span = ctx.junk.get(start(node, ctx));
  return span && span.end === end(node, ctx) ? span : undefined;
}

function isInline(node: AnyNode): boolean {
  if (node.type === 'text') return true;
  if (node.type !== 'tag') return false;
  return INLINE_TAGS.has(node.name) || UNWRAPPED_INLINE_TAGS.has(node.name);
}

/** The text inside a node, without recursion (for content nested beyond MAX_DEPTH); dropped elements give nothing. */
function flatText(node: AnyNode): string {
  let text = '';
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'text') text += current.data;
    else if (current.type === 'tag' && !DROPPED_TAGS.has(current.name)) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]);
  }
  return text;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---- inline content ----

function writeAttributes(element: Element): [string, string][] {
  const attributes: [string, string][] = [];
  for (const name of allowedAttributes(element.name)) {
    const value = element.attribs[name];
    if (value === undefined) continue;
    if (name === 'href') {
      const url = safeLinkUrl(value);
      if (url !== null) attributes.push([name, url]);
    } else if (name === 'src') {
      const url = safeImageUrl(value);
      if (url !== null) attributes.push([name, url]);
    } else if (name === 'colspan' || name === 'rowspan' || name === 'start') {
      if (/^\d{1,4}$/.test(value)) attributes.push([name, value]);
    } else {
      attributes.push([name, value]);
    }
  }
  return attributes;
}

function writeInline(node: AnyNode, writer: InlineWriter, ctx: Context, depth = 0): void {
  if (node.type === 'text' || depth > MAX_DEPTH) {
    writer.write(flatText(node));
    return;
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
  const element = node as Element;
  const junk = junkOf(element, ctx);
  if (junk) {
    ctx.inlineRemoved.push(junk);
    if (junk.kind === 'stock-link') writer.write(ctx.$(element).text());
    return;
  }
  const tag = element.name;
  if (DROPPED_TAGS.has(tag)) return;
  if (tag === 'br') return writer.lineBreak();
  if (tag === 'img') {
    const attributes = writeAttributes(element);
    if (ctx.images && attributes.some(([name]) => name === 'src')) writer.image(attributes);
    return;
  }
  if (tag === 'a') {
    const attributes = writeAttributes(element);
    if (!attributes.some(([name]) => name === 'href')) return writeChildren(element, writer, ctx, depth);
    writer.open('a', attributes);
    writeChildren(element, writer, ctx, depth);
    writer.close('a');
    return;
  }
  if (INLINE_TAGS.has(tag)) {
    writer.open(tag, writeAttributes(element));
    writeChildren(element, writer, ctx, depth);
    writer.close(tag);
    return;
  }
  writeChildren(element, writer, ctx, depth);
}

function writeChildren(element: Element, writer: InlineWriter, ctx: Context, depth = 0): void {
  for (const child of element.children) writeInline(child, writer, ctx, depth + 1);
}

/** Inline Markdown in a text piece: images, links, strong, code, autolinks. */
function writeMarkdownText(text: string, writer: InlineWriter, ctx: Context): void {
  let last = 0;
  for (const match of text.matchAll(INLINE_MARKDOWN)) {
    writer.write(text.slice(last, match.index));
    last = match.index + match[0].length;
    const [, alt, imageUrl, label, linkUrl, strong, autolink, code] = match;
    if (imageUrl !== undefined) {
      const src = safeImageUrl(imageUrl);
      if (ctx.images && src !== null) writer.image([['src', src], ['alt', alt]]);
    } else if (linkUrl !== undefined) {
      const href = safeLinkUrl(linkUrl);
      if (href !== null) writer.open('a', [['href', href]]);
      writeMarkdownText(label, writer, ctx);
      if (href !== null) writer.close('a');
    } else if (strong !== undefined) {
      writer.open('strong');
      writer.write(strong);
      writer.close('strong');
    } else if (autolink !== undefined) {
      const href = safeLinkUrl(autolink);
      if (href !== null) writer.open('a', [['href', href]]);
      writer.write(autolink);
      if (href !== null) writer.close('a');
    } else if (code !== undefined) {
      writer.open('code');
      writer.write(code);
      writer.close('code');
    }
  }
  writer.write(text.slice(last));
}

// ---- blocks ----

/** A paragraph (or a figure when it holds only images) from inline content; an empty one is recorded as removed. */
function pushParagraph(writer: InlineWriter, tag: Block['tag'], from: number, to: number, ctx: Context, emptyIsRemoved = false): void {
  if (writer.text === '' && writer.images === 0) {
    if (emptyIsRemoved) ctx.blocks.push({ tag: 'removed', kind: 'empty-paragraph', html: '', text: '', start: from, end: to });
    return;
  }
  const figure = writer.text === '' && writer.images > 0;
  ctx.blocks.push({ tag: figure ? 'figure' : tag, html: writer.html, text: writer.text, start: from, end: to });
}

/** Markdown block syntax of a plain-text chunk: a heading, a list, a rule, or a paragraph. */
function pushMarkdownChunk(text: string, from: number, ctx: Context): void {
  const to = from + text.length;
  const lines = text.trim().split('\n');
  const heading = lines.length === 1 ? HEADING.exec(lines[0].trim()) : null;
  if (heading) {
    const writer = new InlineWriter();
    writeMarkdownText(heading[2], writer, ctx);
    pushParagraph(writer, `h${heading[1].length}` as Block['tag'], from, to, ctx);
    return;
  }
  if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(text.trim())) {
    ctx.blocks.push({ tag: 'hr', html: '', text: '', start: from, end: to });
    return;
  }
  if (lines.every((line) => LIST_ITEM.test(line))) {
    const ordered = LIST_ITEM.exec(lines[0])![1] !== undefined;
    const items = lines.map((line) => {
      const writer = new InlineWriter();
      writeMarkdownText(line.replace(LIST_ITEM, ''), writer, ctx);
      return writer;
    });
    const tag = ordered ? 'ol' : 'ul';
    const html = `<${tag}>${items.map((item) => `<li>${item.html}</li>`).join('')}</${tag}>`;
    ctx.blocks.push({ tag: 'structure', html, text: items.map((item) => item.text).join('\n'), start: from, end: to });
    return;
  }
  const writer = new InlineWriter();
  writeMarkdownText(text, writer, ctx);
  pushParagraph(writer, 'p', from, to, ctx);
}

function flushRun(run: RunItem[], ctx: Context): void {
  if (run.length === 0) return;
  const items = run.splice(0);
  const first = items[0];
  const from = 'node' in first ? start(first.node, ctx) : first.start;
  const lastItem = items[items.length - 1];
  const to = 'node' in lastItem ? end(lastItem.node, ctx) : lastItem.start + lastItem.text.length;
  if (items.every((item) => 'text' in item)) {
    const text = items.map((item) => ('text' in item ? item.text : '')).join('');
    if (text.trim() !== '') pushMarkdownChunk(text, from, ctx);
    return;
  }
  const writer = new InlineWriter();
  for (const item of items) {
    if ('node' in item) writeInline(item.node, writer, ctx);
    else writeMarkdownText(item.text, writer, ctx);
  }
  pushParagraph(writer, 'p', from, to, ctx);
}

/** Adds a text node to the run, splitting paragraphs at blank lines and blanking navigation junk lines. */
function addText(text: string, at: number, run: RunItem[], ctx: Context): void {
  let masked = text;
  let low = 0;
  let high = ctx.navigation.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ctx.navigation[mid].start < at) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < ctx.navigation.length && ctx.navigation[i].start < at + text.length; i++) {
    const span = ctx.navigation[i];
    // Found by its text rather than by offset: an entity earlier in the node shifts the decoded text.
    const junkText = ctx.source.slice(span.start, span.end);
    const index = masked.indexOf(junkText);
    if (index < 0) continue;
    masked = masked.slice(0, index) + '\n'.repeat(junkText.length) + masked.slice(index + junkText.length);
    const shown = collapse(junkText);
    ctx.blocks.push({ tag: 'removed', kind: span.kind, html: escapeHtml(shown), text: shown, start: span.start, end: span.end });
  }
  let last = 0;
  for (const match of masked.matchAll(BLANK_LINE)) {
    run.push({ text: masked.slice(last, match.index), start: at + last });
    flushRun(run, ctx);
    last = match.index + match[0].length;
  }
  run.push({ text: masked.slice(last), start: at + last });
}

/** Lists, tables, quotes and code kept whole, serialised through the allowlist. */
function structureHtml(node: AnyNode, ctx: Context, depth = 0): { html: string; text: string } {
  if (node.type === 'text' || depth > MAX_DEPTH) {
    const text = flatText(node);
    return { html: escapeHtml(text), text };
  }
  if (node.type !== 'tag') return { html: '', text: '' };
  const element = node as Element;
  const tag = element.name;
  if (DROPPED_TAGS.has(tag) || junkOf(element, ctx)) return { html: '', text: '' };
  if (tag === 'img') {
    const attributes = writeAttributes(element);
    if (!ctx.images || !attributes.some(([name]) => name === 'src')) return { html: '', text: '' };
    return { html: `<img${attributes.map(([n, v]) => ` ${n}="${escapeHtml(v)}"`).join('')}>`, text: '' };
  }
  const inner = element.children.map((child) => structureHtml(child, ctx, depth + 1));
  const html = inner.map((part) => part.html).join('');
  const separator = ['li', 'tr', 'p', 'dt', 'dd'].includes(tag) ? '\n' : tag === 'td' || tag === 'th' ? '\t' : '';
  const text = inner.map((part) => part.text).join('') + separator;
  if (tag === 'br' || tag === 'hr') return { html: `<${tag}>`, text: '\n' };
  if (STRUCTURE_TAGS.has(tag) || INLINE_TAGS.has(tag)) {
    const attributes = writeAttributes(element);
    if (tag === 'a' && !attributes.some(([name]) => name === 'href')) return { html, text };
    return { html: `<${tag}${attributes.map(([n, v]) => ` ${n}="${escapeHtml(v)}"`).join('')}>${html}</${tag}>`, text };
  }
  return { html, text };
}

function hasBlockChild(element: Element): boolean {
  return element.children.some((child) => child.type === 'tag' && !isInline(child));
}

function visitBlock(element: Element, ctx: Context, depth: number): void {
  const tag = element.name;
  if (DROPPED_TAGS.has(tag)) {
    ctx.blocks.push({ tag: 'removed', kind: 'unsafe', html: escapeHtml(`<${tag}>`), text: '', start: start(element, ctx), end: end(element, ctx) });
    return;
  }
  if (/^h[1-6]$/.test(tag) || tag === 'p') {
    const writer = new InlineWriter();
    writeChildren(element, writer, ctx);
    const empty = tag === 'p' && ctx.$(element).find('img').length === 0;
    pushParagraph(writer, tag as Block['tag'], start(element, ctx), end(element, ctx), ctx, empty);
    return;
  }
  if (tag === 'hr') {
    ctx.blocks.push({ tag: 'hr', html: '', text: '', start: start(element, ctx), end: end(element, ctx) });
    return;
  }
  if (STRUCTURE_TAGS.has(tag) && tag !== 'figure' && tag !== 'figcaption') {
    const { html, text } = structureHtml(element, ctx);
    if (text.trim() === '' && !html.includes('<img')) return;
    const trimmed = tag === 'pre' ? text.replace(/\n+$/, '') : text.split('\n').map(collapse).filter(Boolean).join('\n');
    ctx.blocks.push({ tag: 'structure', html, text: trimmed, start: start(element, ctx), end: end(element, ctx) });
    return;
  }
  // A container (div, section, figure, a body wrapper…): its blocks, or one paragraph if it holds only inline content.
  if (hasBlockChild(element) && depth < MAX_DEPTH) {
    visitNodes(element.children, ctx, depth + 1);
    return;
  }
  const writer = new InlineWriter();
  writeChildren(element, writer, ctx);
  pushParagraph(writer, 'p', start(element, ctx), end(element, ctx), ctx);
}

function visitNodes(nodes: AnyNode[], ctx: Context, depth = 0): void {
  const run: RunItem[] = [];
  for (const node of nodes) {
    const junk = junkOf(node, ctx);
    if (junk && (junk.kind === 'comment' || junk.kind === 'qr-block' || junk.kind === 'promotion' || junk.kind === 'editor-line' || junk.kind === 'navigation')) {
      flushRun(run, ctx);
      const shown = node.type === 'tag' && node.name !== 'style' ? collapse(ctx.$(node).text()) : node.type === 'comment' ? collapse(node.data) : '';
      ctx.blocks.push({ tag: 'removed', kind: junk.kind, html: escapeHtml(shown), text: shown, start: junk.start, end: junk.end });
      continue;
    }
    if (node.type === 'text') addText(node.data, start(node, ctx), run, ctx);
    else if (isInline(node)) run.push({ node });
    else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      flushRun(run, ctx);
      visitBlock(node as Element, ctx, depth);
    }
  }
  flushRun(run, ctx);
}

export interface ArticleBody {
  blocks: Block[];
  inlineRemoved: BoilerplateSpan[];
}

/** The body of `text` from `bodyStart`, as blocks in source order. */
export function articleBlocks(text: string, bodyStart: number, boilerplate: readonly BoilerplateSpan[], images: boolean): ArticleBody {
  const body = text.slice(bodyStart).replace(AUTOLINK, (_, url: string) => `${AUTOLINK_OPEN}${url}${AUTOLINK_CLOSE}`);
  // Entities are decoded by the parser, so offsets inside a text node are approximate after one; block offsets are exact.
  const dom = parseDocument(body, { withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const navigation = boilerplate.filter((span) => span.kind === 'navigation').sort((a, b) => a.start - b.start);
  const ctx: Context = { $: load(dom), source: text, bodyStart, images, junk: new Map(boilerplate.map((span) => [span.start, span])), navigation, blocks: [], inlineRemoved: [] };
  visitNodes(dom.children, ctx);
  ctx.blocks.sort((a, b) => a.start - b.start);
  return { blocks: ctx.blocks, inlineRemoved: ctx.inlineRemoved };
}
