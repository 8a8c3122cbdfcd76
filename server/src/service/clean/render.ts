/** The cleaned document as an HTML fragment: a header card with the metadata, then the blocks, serialised from one hast tree. */
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { BOILERPLATE_KIND_NAMES } from '../parse/boilerplate/spans';
import type { LineMap } from '../parse/lineMap';
import type { Locale, Message } from '../types';
import { safeLinkUrl } from './sanitize';
import type { Block, CleanMeta, RemovedKind } from './types';

export const REMOVED_KIND_NAMES: Record<RemovedKind, Message> = {
  ...BOILERPLATE_KIND_NAMES,
  metadata: { en: 'moved to the header', zh: '移入信息栏' },
  'duplicate-title': { en: 'duplicated title', zh: '重复的标题' },
  'duplicate-line': { en: 'repeated heading', zh: '重复的小标题' },
  'page-chrome': { en: 'page menus and footers', zh: '网页菜单和页脚' },
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

function h(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function row(label: Message, value: ElementContent[], locale: Locale): Element {
  return h('div', { className: ['pd-meta-row'] }, [h('dt', {}, [text(label[locale])]), h('dd', {}, value)]);
}

function card(meta: CleanMeta, titleLine: number | undefined, titleInBody: boolean, locale: Locale): Element | undefined {
  const rows: Element[] = [];
  const plain = (key: 'author' | 'source' | 'originalTitle' | 'editor' | 'cliCode') => {
    const value = meta[key];
    if (value !== undefined) rows.push(row(LABELS[key], [text(value)], locale));
  };
  const chips = (values: string[]) => values.map((value) => h('span', { className: ['pd-chip'] }, [text(value)]));
  if (meta.date !== undefined) rows.push(row(LABELS.date, [text(`${meta.date}${LABELS.beijing[locale]}`)], locale));
  if (meta.categories.length > 0) rows.push(row(LABELS.categories, chips(meta.categories), locale));
  if (meta.tags.length > 0) rows.push(row(LABELS.tags, chips(meta.tags), locale));
  plain('author');
  plain('source');
  plain('originalTitle');
  plain('editor');
  plain('cliCode');
  if (meta.sourceUrl !== undefined) {
    const href = safeLinkUrl(meta.sourceUrl);
    rows.push(row(LABELS.sourceUrl, [href === null ? text(meta.sourceUrl) : h('a', { href }, [text(meta.sourceUrl)])], locale));
  }
  // An official document shows its title on the page itself, in GB/T 9704 position.
  const children: ElementContent[] = [];
  if (!titleInBody) children.push(h('h1', { className: ['pd-title'], ...(titleLine === undefined ? {} : { dataLine: titleLine }) }, [text(meta.title ?? LABELS.untitled[locale])]));
  if (rows.length > 0) children.push(h('dl', { className: ['pd-meta'] }, rows));
  return children.length === 0 ? undefined : h('header', { className: ['pd-card'] }, children);
}

function blockElement(block: Block, lines: LineMap, locale: Locale): Element {
  const dataLine = lines.positionAt(block.start).line;
  switch (block.tag) {
    case 'removed': {
      const kind = block.kind ?? 'unsafe';
      const label = h('span', { className: ['pd-removed-kind'] }, [text(REMOVED_KIND_NAMES[kind][locale])]);
      const shown = block.content.length > 0 ? [h('span', { className: ['pd-removed-text'] }, block.content)] : [];
      return h('div', { className: ['pd-removed'], dataKind: kind, dataLine }, [label, ...shown]);
    }
    case 'structure': {
      const root = block.content[0] as Element;
      return { ...root, properties: { ...root.properties, dataLine } };
    }
    case 'hr':
      return h('hr', { dataLine });
    default:
      return h(block.tag, { ...(block.className ? { className: block.className.split(' ') } : {}), dataLine }, block.content);
  }
}

/** The blocks a reader sees, as one hast fragment (also the source of the Markdown export). */
export function visibleBlocks(blocks: Block[], lines: LineMap, locale: Locale): Element[] {
  return blocks.filter((block) => block.tag !== 'removed').map((block) => blockElement(block, lines, locale));
}

export function renderHtml(meta: CleanMeta, blocks: Block[], lines: LineMap, titleLine: number | undefined, official: boolean, locale: Locale): string {
  const titleInBody = official && blocks.some((block) => block.className === 'pd-title');
  const body: ElementContent[] = [];
  for (const block of blocks) {
    if (block.tag === 'removed' && block.kind === 'empty-paragraph') continue;
    body.push(text('\n'), blockElement(block, lines, locale));
  }
  const header = card(meta, titleLine, titleInBody, locale);
  const article = h('article', { className: ['pd-doc', official ? 'pd-official' : 'pd-article'], lang: 'zh-CN' }, [
    text('\n'),
    ...(header ? [header] : []),
    text('\n'),
    h('div', { className: ['pd-body'] }, [...body, text('\n')]),
    text('\n'),
  ]);
  return toHtml(article) + '\n';
}
