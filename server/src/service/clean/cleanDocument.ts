/**
 * The cleaner: a document as a reader sees it — metadata for the header card, the body without
 * portal junk, sanitised HTML with `data-line` on every block, plain text, and what was removed.
 * Everything is read from the document's one tree (`doc.tree`) and rendered from the same blocks.
 * The same result feeds the preview, the exports and `policydoc clean`.
 */
import type { ElementContent, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { isPlainTextFile, type PolicyDocument } from '../parse/document';
import { articleBlocks } from './article';
import { toMarkdown } from './markdown';
import { bodyMetadata, frontMatterMeta } from './metadata';
import { findTitle } from './title';
import { officialBlocks } from './official';
import { renderHtml } from './render';
import type { Block, CleanMeta, CleanOptions, CleanResult, RemovedRange } from './types';

export type { CleanMeta, CleanOptions, CleanResult, RemovedKind, RemovedRange } from './types';

/** Body lines that are metadata sit at the start or the end of the article. */
const METADATA_REACH = 3;

/** Moves metadata paragraphs (原标题, 责任编辑, 来源, 原文链接, 发布日期, 作者, a source link) of an article into `meta`. */
function extractBodyMetadata(blocks: Block[], meta: CleanMeta): void {
  const content = blocks.filter((block) => block.tag === 'p');
  content.forEach((block, index) => {
    const found = bodyMetadata(block.text);
    if (!found) return;
    const nearStart = index < METADATA_REACH;
    const nearEnd = index >= content.length - METADATA_REACH;
    const bareUrl = found.fields.length === 1 && found.fields[0].field === 'sourceUrl' && !/[:：]/.test(block.text.replace(/^https?:/, ''));
    const placed = bareUrl ? nearEnd : found.fields[0].field === 'originalTitle' ? nearStart : nearStart || nearEnd || found.fields[0].field === 'editor';
    if (!placed) return;
    let taken = false;
    for (const { field, value } of found.fields) {
      if (meta[field] !== undefined) continue;
      meta[field] = value;
      taken = true;
    }
    if (taken && found.complete) Object.assign(block, { tag: 'removed', kind: 'metadata' });
  });
  // The portal's editor line is junk, but the editor's name belongs to the metadata.
  for (const block of blocks) {
    if ((block.kind !== 'editor-line' && block.kind !== 'editor') || meta.editor !== undefined) continue;
    const editor = bodyMetadata(block.text)?.fields.find((found) => found.field === 'editor');
    if (editor) meta.editor = editor.value;
  }
}

/** Elements that only Markdown or HTML writes: a 公文 body holding them is a post, not plain text. */
const MARKUP_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'a', 'img', 'table', 'blockquote', 'pre', 'code', 'div', 'span', 'font', 'section']);

function hasMarkup(nodes: readonly RootContent[] | readonly ElementContent[]): boolean {
  return nodes.some((node) => node.type === 'element' && (MARKUP_TAGS.has(node.tagName) || Object.keys(node.properties).length > 0 || hasMarkup(node.children)));
}

/**
 * The GB/T 9704 layout is for plain-text official documents, read from the line model: a pkulaw
 * export, or a 公文 whose body has no Markdown or HTML markup (a post that reads like a 公文 is
 * read from its tree, its 落款 right-aligned by its own `::: right`).
 */
function officialLayout(doc: PolicyDocument): boolean {
  if (doc.profile === 'pkulaw') return true;
  return doc.profile === 'gongwen' && doc.dialects.containers.length === 0 && !hasMarkup(doc.tree.children);
}

const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
const TEXT_BLOCK = /^(?:p|h[1-6])$/;

/**
 * The title of an article: the front matter's, else the title line at the top of a plain-text file
 * (or of a post, when the page's metadata follows it), else its first heading — never a body
 * paragraph. Lines that give or repeat the title are not shown twice.
 */
function takeTitle(blocks: Block[], meta: CleanMeta, source: string, plainTextFile: boolean): void {
  const leading = blocks.filter((block) => block.tag !== 'removed').slice(0, 8);
  const candidates = leading.filter((block, index) => TEXT_BLOCK.test(block.tag) && leading.slice(0, index).every((before) => TEXT_BLOCK.test(before.tag)));
  const found = findTitle(
    candidates.map((block) => ({
      text: block.text,
      indented: /^[\u3000\u2003]|^(?:&emsp;|&#8195;)/.test(source.slice(block.start, block.end).replace(/^[ \t]*(?:<[^>]*>)*/, '')),
      heading: /^h[1-6]$/.test(block.tag),
    })),
    meta.title,
  );
  const confirmed = found && (meta.title !== undefined || plainTextFile || candidates[0].tag !== 'p' || found.lines.length > 1 || found.runIn !== undefined || found.date !== undefined);
  if (found && confirmed) {
    meta.title ??= found.title;
    for (const index of found.lines) Object.assign(candidates[index], { tag: 'removed', kind: 'duplicate-title' });
    for (const index of found.crawlerNumbers ?? []) Object.assign(candidates[index], { tag: 'removed', kind: 'metadata' });
    if (found.date) {
      meta.date ??= found.date.value;
      Object.assign(candidates[found.date.index], { tag: 'removed', kind: 'metadata' });
    }
    for (const { field, value } of (found.runIn && bodyMetadata(found.runIn)?.fields) || []) meta[field] ??= value;
    return;
  }
  const heading = blocks.find((block) => /^h[1-6]$/.test(block.tag));
  if (!heading) return;
  const beforeHeading = blocks.slice(0, blocks.indexOf(heading)).filter((block) => block.tag !== 'removed');
  if (meta.title === undefined) {
    meta.title = heading.text;
    if (beforeHeading.length === 0) Object.assign(heading, { tag: 'removed', kind: 'duplicate-title' });
  } else if (same(heading.text, meta.title) && beforeHeading.length === 0) {
    Object.assign(heading, { tag: 'removed', kind: 'duplicate-title' });
  }
}

/** A short line a crawler copied twice in a row (a heading of the page's layout): shown once. */
const REPEATABLE_MAX = 40;

function dropRepeatedLines(blocks: Block[]): void {
  let previous: Block | undefined;
  for (const block of blocks) {
    if (block.tag === 'removed') continue;
    const repeated = previous !== undefined && block.tag === 'p' && previous.tag === 'p' && block.text !== '' && block.text === previous.text && block.text.length <= REPEATABLE_MAX && !/[。；，]/.test(block.text);
    if (repeated) Object.assign(block, { tag: 'removed', kind: 'duplicate-line' });
    else previous = block;
  }
}

/** A paragraph of article text: long enough, and ending like a sentence. */
const CONTENT_MIN = 40;
/** A run of page chrome above or below the article: at least this many blocks, nearly all short or links. */
const CHROME_MIN_BLOCKS = 8;
/** How much one paragraph can weigh, and what a chrome block costs, when the article's run is chosen. */
const CONTENT_CAP = 400;
const CHROME_WEIGHT = 30;
/** The closing lines of a notice follow its text closely. */
const CLOSING_REACH = 8;
const CHROME_SHARE = 2 / 3;
const SHORT_BLOCK = 12;
const ATTACHMENT = /^[\s\u3000]*附(?:表|件|录)/;
const TABLE_OF_CONTENTS = /^[\s\u3000]*(?:目[\s\u3000]*录|第[一二三四五六七八九十百零〇]+[编章节][\s\u3000]+\S)/m;
/** The lines that close a notice: 特此公告, the 成文日期, 附件, the 附注. */
const ARTICLE_CLOSING = /^(?:特此(?:公告|通知|通告|通报|批复|函告)。?|\d{4}年\d{1,2}月\d{1,2}日|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|附件\s*\d*\s*[:：].*|[（(]此件.{1,12}[)）])$/;

function linkText(nodes: readonly ElementContent[]): number {
  let length = 0;
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    length += node.tagName === 'a' ? toText(node).length : linkText(node.children);
  }
  return length;
}

function chromeLike(block: Block): boolean {
  const text = block.text.trim();
  return text.length <= SHORT_BLOCK || linkText(block.content) >= text.length / 2;
}

/**
 * A whole web page saved as a post (menus, sidebars and footers around a short article): the runs of
 * short or link-only blocks before the first and after the last paragraph of article text are the
 * page's, not the article's. A post's own few lines around its text never make such a run.
 */
function dropPageChrome(blocks: Block[]): void {
  const shown = blocks.filter((block) => block.tag !== 'removed');
  // The article is the run of blocks richest in text: article paragraphs count for their length, chrome against it.
  const score = (block: Block) => {
    const own = block.text.length - linkText(block.content);
    if (block.tag === 'p' && own >= CONTENT_MIN) return Math.min(own, CONTENT_CAP);
    return chromeLike(block) ? -CHROME_WEIGHT : 0;
  };
  let best = { sum: 0, first: -1, last: -1 };
  for (let i = 0, sum = 0, start = 0; i < shown.length; i++) {
    if (sum <= 0) [sum, start] = [0, i];
    sum += score(shown[i]);
    if (sum > best.sum) best = { sum, first: start, last: i };
  }
  if (best.first < 0) return;
  // Above the text, the heading right over it is the article's; below it, its closing lines (特此公告, 落款, 附件) are.
  let lead = shown.slice(0, best.first);
  while (lead.length > 0 && /^h[1-6]$/.test(lead.at(-1)!.tag) && !chromeLike(lead.at(-1)!)) lead = lead.slice(0, -1);
  let tail = shown.slice(best.last + 1);
  const closing = tail.slice(0, CLOSING_REACH).findLastIndex((block) => ARTICLE_CLOSING.test(block.text.trim()));
  tail = tail.slice(closing + 1);
  // A list of links counts for each of its items.
  const lines = (run: Block[]) => run.reduce((count, block) => count + Math.max(1, block.text.split('\n').length), 0);
  for (const run of [lead, tail]) {
    const total = lines(run);
    // A law's 目录 (第一章 总则 …) and an attached table (附表, 附件) are short lines too, but the document's own.
    if (run.some((block) => TABLE_OF_CONTENTS.test(block.text) || ATTACHMENT.test(block.text))) continue;
    if (total < CHROME_MIN_BLOCKS || lines(run.filter(chromeLike)) < total * CHROME_SHARE) continue;
    for (const block of run) Object.assign(block, { tag: 'removed', kind: 'page-chrome' });
  }
}

export function cleanDocument(doc: PolicyDocument, options: CleanOptions = {}): CleanResult {
  const locale = options.locale ?? 'zh';
  const meta = frontMatterMeta(doc);
  const official = !doc.binary && officialLayout(doc);
  let blocks: Block[] = [];
  const removed: { kind: RemovedRange['kind']; start: number; end: number }[] = [];
  if (doc.binary) {
    // Nothing readable.
  } else if (official) {
    blocks = officialBlocks(doc, meta);
  } else {
    const body = articleBlocks(doc, options.images ?? true, isPlainTextFile(doc.uri), locale);
    blocks = body.blocks;
    removed.push(...body.inlineRemoved);
    takeTitle(blocks, meta, doc.text, isPlainTextFile(doc.uri));
    extractBodyMetadata(blocks, meta);
    // A crawled .txt has no page menus left, only its own short lines (flattened tables, lists).
    if (!isPlainTextFile(doc.uri)) dropPageChrome(blocks);
  }
  dropRepeatedLines(blocks);
  for (const block of blocks) if (block.tag === 'removed') removed.push({ kind: block.kind ?? 'unsafe', start: block.start, end: block.end });
  removed.sort((a, b) => a.start - b.start);

  const titleEntry = doc.entry('title');
  const titleLine = titleEntry ? doc.lines.positionAt(titleEntry.keyStart).line : undefined;
  const paragraphs = blocks.filter((block) => block.tag !== 'removed' && block.text !== '').map((block) => block.text);
  if (!official && meta.title !== undefined) paragraphs.unshift(meta.title);
  const result: CleanResult = {
    meta,
    html: renderHtml(meta, blocks, doc.lines, titleLine, official, locale),
    text: paragraphs.length > 0 ? paragraphs.join('\n\n') + '\n' : '',
    removed: removed.map(({ kind, start, end }) => ({ kind, range: doc.lines.range(start, end) })),
  };
  if (options.markdown) result.markdown = toMarkdown(meta, blocks, official, doc.lines, locale);
  return result;
}
