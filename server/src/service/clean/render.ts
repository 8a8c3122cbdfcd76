/** The cleaned document as an HTML fragment: a header card with the metadata, then the blocks. */
import type { LineMap } from '../parse/lineMap';
import type { Locale, Message } from '../types';
import { BOILERPLATE_KIND_NAMES } from '../parse/boilerplate/spans';
import { escapeHtml, safeLinkUrl } from './sanitize';
import type { Block, CleanMeta, RemovedKind } from './types';

export const REMOVED_KIND_NAMES: Record<RemovedKind, Message> = {
  ...BOILERPLATE_KIND_NAMES,
  metadata: { en: 'moved to the header', zh: '移入信息栏' },
  'duplicate-title': { en: 'duplicated title', zh: '重复的标题' },
  'empty-paragraph': { en: 'empty paragraph', zh: '空段落' },
  unsafe: { en: 'unsafe content', zh: '不安全的内容' },
};

const LABELS = {
  date: { en: 'Date', zh: '日期' },
  beijing: { en: ' (Beijing time)', zh: '（北京时间）' },
  categories: { en: 'Categories', zh: '分类' },
  tags: { en: 'Tags', zh: '标签' },
  author: { en: 'Author', zh: '作者' },
  source: { en: 'Source', zh: '来源' },
  sourceUrl: { en: 'Original', zh: '原文链接' },
  originalTitle: { en: 'Original title', zh: '原标题' },
  editor: { en: 'Editor', zh: '责任编辑' },
  cliCode: { en: 'CLI code', zh: '法宝引证码' },
  untitled: { en: 'Untitled', zh: '无标题' },
} satisfies Record<string, Message>;

function row(label: Message, valueHtml: string, locale: Locale): string {
  return `<div class="pd-meta-row"><dt>${escapeHtml(label[locale])}</dt><dd>${valueHtml}</dd></div>`;
}

function chips(values: string[]): string {
  return values.map((value) => `<span class="pd-chip">${escapeHtml(value)}</span>`).join('');
}

function card(meta: CleanMeta, titleLine: number | undefined, official: boolean, locale: Locale): string {
  const rows: string[] = [];
  const text = (key: 'author' | 'source' | 'originalTitle' | 'editor' | 'cliCode') => {
    const value = meta[key];
    if (value !== undefined) rows.push(row(LABELS[key], escapeHtml(value), locale));
  };
  if (meta.date !== undefined) rows.push(row(LABELS.date, `${escapeHtml(meta.date)}${escapeHtml(LABELS.beijing[locale])}`, locale));
  if (meta.categories.length > 0) rows.push(row(LABELS.categories, chips(meta.categories), locale));
  if (meta.tags.length > 0) rows.push(row(LABELS.tags, chips(meta.tags), locale));
  text('author');
  text('source');
  text('originalTitle');
  text('editor');
  text('cliCode');
  if (meta.sourceUrl !== undefined) {
    const href = safeLinkUrl(meta.sourceUrl);
    const shown = escapeHtml(meta.sourceUrl);
    rows.push(row(LABELS.sourceUrl, href === null ? shown : `<a href="${escapeHtml(href)}">${shown}</a>`, locale));
  }
  // An official document shows its title on the page itself, in GB/T 9704 position.
  const title = official ? '' : `<h1 class="pd-title"${titleLine === undefined ? '' : ` data-line="${titleLine}"`}>${escapeHtml(meta.title ?? LABELS.untitled[locale])}</h1>`;
  if (title === '' && rows.length === 0) return '';
  return `<header class="pd-card">${title}${rows.length > 0 ? `<dl class="pd-meta">${rows.join('')}</dl>` : ''}</header>`;
}

function renderBlock(block: Block, lines: LineMap, locale: Locale): string {
  const line = ` data-line="${lines.positionAt(block.start).line}"`;
  const cls = block.className ? ` class="${block.className}"` : '';
  switch (block.tag) {
    case 'removed': {
      const kind = block.kind ?? 'unsafe';
      const label = `<span class="pd-removed-kind">${escapeHtml(REMOVED_KIND_NAMES[kind][locale])}</span>`;
      return `<div class="pd-removed" data-kind="${kind}"${line}>${label}${block.html ? `<span class="pd-removed-text">${block.html}</span>` : ''}</div>`;
    }
    case 'structure':
      return block.html.replace(/^<([a-z0-9]+)/, `<$1${line}`);
    case 'hr':
      return `<hr${line}>`;
    case 'figure':
      return `<figure${line}>${block.html}</figure>`;
    default:
      return `<${block.tag}${cls}${line}>${block.html}</${block.tag}>`;
  }
}

export function renderHtml(meta: CleanMeta, blocks: Block[], lines: LineMap, titleLine: number | undefined, official: boolean, locale: Locale): string {
  const body = blocks
    .filter((block) => !(block.tag === 'removed' && block.kind === 'empty-paragraph'))
    .map((block) => renderBlock(block, lines, locale))
    .join('\n');
  const kind = official ? 'pd-official' : 'pd-article';
  return `<article class="pd-doc ${kind}" lang="zh-CN">\n${card(meta, titleLine, official, locale)}\n<div class="pd-body">\n${body}\n</div>\n</article>\n`;
}
