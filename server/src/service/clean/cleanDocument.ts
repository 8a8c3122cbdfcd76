/**
 * The cleaner: a document as a reader sees it — metadata for the header card, the body without
 * portal junk, sanitised HTML with `data-line` on every block, plain text, and what was removed.
 * The same result feeds the preview, the exports and `policydoc clean`.
 */
import type { PolicyDocument } from '../parse/document';
import { articleBlocks } from './article';
import { toMarkdown } from './markdown';
import { bodyMetadata, frontMatterMeta } from './metadata';
import { officialBlocks } from './official';
import { renderHtml } from './render';
import type { Block, CleanMeta, CleanOptions, CleanResult, RemovedRange } from './types';

export type { CleanDocumentParams, CleanMeta, CleanOptions, CleanResult, RemovedKind, RemovedRange } from './types';

/** Body lines that are metadata sit at the start or the end of the article. */
const METADATA_REACH = 3;

/** Moves metadata paragraphs (原标题, 责任编辑, 来源, source link) of an article into `meta`. */
function extractBodyMetadata(blocks: Block[], meta: CleanMeta): void {
  const content = blocks.filter((block) => block.tag === 'p');
  content.forEach((block, index) => {
    const found = bodyMetadata(block.text);
    if (!found) return;
    const nearStart = index < METADATA_REACH;
    const nearEnd = index >= content.length - METADATA_REACH;
    const placed = found.field === 'originalTitle' ? nearStart : found.field === 'sourceUrl' ? nearEnd : nearStart || nearEnd || found.field === 'editor';
    if (!placed || meta[found.field] !== undefined) return;
    meta[found.field] = found.value;
    Object.assign(block, { tag: 'removed', kind: 'metadata' });
  });
  // The portal's editor line is junk, but the editor's name belongs to the metadata.
  for (const block of blocks) {
    if (block.kind !== 'editor-line' || meta.editor !== undefined) continue;
    const found = bodyMetadata(block.text);
    if (found?.field === 'editor') meta.editor = found.value;
  }
}

export function cleanDocument(doc: PolicyDocument, options: CleanOptions = {}): CleanResult {
  const locale = options.locale ?? 'zh';
  const meta = frontMatterMeta(doc);
  const official = doc.profile === 'pkulaw' || doc.profile === 'gongwen';
  let blocks: Block[] = [];
  const removed: { kind: RemovedRange['kind']; start: number; end: number }[] = [];
  if (doc.binary) {
    // Nothing readable.
  } else if (official) {
    blocks = officialBlocks(doc, meta);
  } else {
    const body = articleBlocks(doc.text, doc.bodyStart, doc.boilerplate, options.images ?? true);
    blocks = body.blocks;
    removed.push(...body.inlineRemoved);
    extractBodyMetadata(blocks, meta);
  }
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
  if (options.markdown) result.markdown = toMarkdown(meta, blocks, official);
  return result;
}
