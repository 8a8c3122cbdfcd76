/**
 * The body as one hast tree with source positions, built once: Markdown through remark (GFM, CJK-friendly
 * emphasis) with its raw HTML folded in by rehype-raw, or, for a body that is an HTML page (a crawled
 * post starting with `<div>`), parsed as HTML. Generator dialects are blanked first (dialects.ts), then
 * their containers wrap the blocks they hold and attribute lists mark their blocks. Every reader of
 * the body (the cleaner, the boilerplate matcher) walks this tree; positions are document offsets.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeRaw from 'rehype-raw';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import dialects from '../../../../data/markdown-dialects.json';
import { INLINE_FILLER, maskDialects, SYMBOL_FILLER, type AlignMark, type ContainerMark, type MaskedBody } from './dialects';

/** What the tree builder attaches to its own nodes (kept through sanitising, never read from the source). */
export interface TreeData {
  container?: ContainerMark;
  align?: AlignMark['align'];
}

/** A body that is an HTML page rather than Markdown: its first tag is a page-level block. */
const HTML_PAGE = /^\s*<(?:!doctype|html|body|div|section|article|main|table|center)\b/i;

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).use(remarkCjkFriendlyStrikethrough).use(remarkRehype, { allowDangerousHtml: true }).freeze();
/** rehype-raw re-reads the whole tree with an HTML parser: only worth it when the Markdown holds raw HTML. */
const raw = unified().use(rehypeRaw).freeze();

function hasRawHtml(node: { type: string; children?: unknown[] }): boolean {
  return node.type === 'html' || (node.children ?? []).some((child) => hasRawHtml(child as { type: string; children?: unknown[] }));
}

type Component = { text?: string; link?: string; drop?: boolean };
const COMPONENTS = dialects.components as Record<string, Component>;

// Nodes that rehype-raw or a plugin made can carry a position without its points.
export function startOf(node: { position?: { start?: { offset?: number } } }): number | undefined {
  return node.position?.start?.offset;
}

export function endOf(node: { position?: { end?: { offset?: number } } }): number | undefined {
  return node.position?.end?.offset;
}

export function treeData(node: Element): TreeData {
  return (node.data ?? {}) as TreeData;
}

function dropFiller(parent: Root | Element): void {
  for (const child of parent.children) {
    if (child.type === 'text') child.value = child.value.split(INLINE_FILLER).join('').split(SYMBOL_FILLER).join('');
    else if (child.type === 'element') dropFiller(child);
  }
}

/** Vue components written in a post: known ones become their text or link, unknown ones are unwrapped. */
function replaceComponents(parent: Root | Element): void {
  const children: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    replaceComponents(child);
    const component = COMPONENTS[child.tagName];
    if (!component) {
      children.push(child);
      continue;
    }
    if (component.drop) continue;
    const text = component.text && child.properties[component.text];
    const link = component.link && child.properties[component.link];
    if (typeof text === 'string' && text !== '') children.push({ type: 'text', value: text, position: child.position });
    if (typeof link === 'string' && link !== '') {
      const label = child.children.length > 0 ? child.children : [{ type: 'text' as const, value: link }];
      children.push({ type: 'element', tagName: 'a', properties: { href: link }, children: label, position: child.position });
    } else children.push(...child.children);
  }
  parent.children = children as never;
}

/** Wraps the children of `parent` that lie inside each container in one element carrying the container. */
function wrapContainers(parent: Root | Element, containers: ContainerMark[]): void {
  let index = 0;
  while (index < containers.length) {
    const container = containers[index];
    const inner: ContainerMark[] = [];
    index++;
    while (index < containers.length && containers[index].start < container.end) inner.push(containers[index++]);
    const inside = (node: RootContent | ElementContent) => {
      const start = startOf(node);
      return start !== undefined && start >= container.start && start < container.end;
    };
    const first = parent.children.findIndex(inside);
    if (first < 0) continue;
    let last = first;
    while (last + 1 < parent.children.length && (inside(parent.children[last + 1]) || startOf(parent.children[last + 1]) === undefined)) last++;
    while (last > first && startOf(parent.children[last]) === undefined) last--;
    const wrapper: Element = {
      type: 'element',
      tagName: 'div',
      properties: {},
      children: parent.children.slice(first, last + 1) as ElementContent[],
      position: { start: { line: 0, column: 0, offset: container.start }, end: { line: 0, column: 0, offset: container.end } },
      data: { container } as never,
    };
    wrapContainers(wrapper, inner);
    parent.children.splice(first, last - first + 1, wrapper as never);
  }
}

function applyAligns(root: Root, aligns: AlignMark[], text: string): void {
  if (aligns.length === 0) return;
  const byLine = new Map(aligns.map((mark) => [mark.lineStart, mark.align]));
  const visit = (parent: Root | Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const start = startOf(child);
      const align = start === undefined ? undefined : byLine.get(text.lastIndexOf('\n', start - 1) + 1);
      if (align) child.data = { ...(child.data ?? {}), align } as never;
      else visit(child);
    }
  };
  visit(root);
}

/** Tag soup nested deeper than the parsers' recursion can go, read as its text: one paragraph. */
function plainTree(text: string, bodyStart: number): Root {
  const value = text.slice(bodyStart).replace(/<[^>]*>/g, (tag) => ' '.repeat(tag.length));
  const position = { start: { line: 1, column: 1, offset: bodyStart }, end: { line: 1, column: 1, offset: text.length } };
  return { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value, position }], position }] };
}

/** A paragraph of a plain-text body: its lines (several when the text was hard-wrapped), as document offsets. */
export interface PlainParagraph {
  lines: { start: number; end: number }[];
}

/** A plain-text body as paragraphs of text, one text node per source line, positions exact. */
function linesTree(text: string, paragraphs: readonly PlainParagraph[]): Root {
  const point = (offset: number) => ({ line: 0, column: 0, offset });
  const children: Element[] = paragraphs.map(({ lines }) => ({
    type: 'element',
    tagName: 'p',
    properties: {},
    children: lines.map(({ start, end }) => ({ type: 'text' as const, value: text.slice(start, end), position: { start: point(start), end: point(end) } })),
    position: { start: point(lines[0].start), end: point(lines[lines.length - 1].end) },
  }));
  return { type: 'root', children };
}

/** How the body is read: Markdown, an HTML page, or plain text (its paragraphs given, or holding crawled HTML). */
export type BodySyntax = { kind: 'markdown' } | { kind: 'html' } | { kind: 'plain'; paragraphs: readonly PlainParagraph[] };

function parseTree(masked: string, syntax: BodySyntax): Root {
  if (syntax.kind === 'html') return fromHtml(masked, { fragment: true });
  if (syntax.kind === 'plain') return linesTree(masked, syntax.paragraphs);
  const file = new VFile(masked);
  const mdast = markdown.parse(file);
  const hast = markdown.runSync(mdast, file) as Root;
  return hasRawHtml(mdast) ? (raw.runSync(hast, file) as Root) : hast;
}

/** A Markdown body, unless it is an HTML page. */
export function markupSyntax(text: string, bodyStart: number): BodySyntax {
  return HTML_PAGE.test(text.slice(bodyStart)) ? { kind: 'html' } : { kind: 'markdown' };
}

export function buildBodyTree(text: string, bodyStart: number, masked: MaskedBody = maskDialects(text, bodyStart), syntax = markupSyntax(text, bodyStart)): Root {
  let root: Root;
  try {
    root = parseTree(masked.text, syntax);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return plainTree(text, bodyStart);
  }
  dropFiller(root);
  replaceComponents(root);
  wrapContainers(root, masked.containers);
  applyAligns(root, masked.aligns, text);
  return root;
}
