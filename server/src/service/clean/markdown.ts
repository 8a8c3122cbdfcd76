/** The cleaned document as Markdown: the metadata as YAML front matter, then the blocks, converted from the same hast tree as the HTML. */
import type { ElementContent, Root, RootContent } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Heading } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown as mdastToMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import type { LineMap } from '../parse/lineMap';
import type { Locale } from '../types';
import { visibleBlocks } from './render';
import type { Block, CleanMeta } from './types';

const ENCODED_AFTER_MARK = /(\*\*|\*|~~|__|_)&#x((?:[4-9][0-9A-F]{3})|(?:3[0-9A-F]{3})|(?:F[F][0-9A-F]{2}));/g;

/** The preview's image placeholders are for the screen; an exported file simply has no image. */
function withoutPlaceholders<T extends ElementContent | RootContent>(nodes: T[]): T[] {
  return nodes.flatMap((node) => {
    if (node.type !== 'element') return [node];
    const className = node.properties.className;
    if (Array.isArray(className) && className.includes('pd-image-placeholder')) return [];
    return [{ ...node, children: withoutPlaceholders(node.children) }];
  });
}

export function toMarkdown(meta: CleanMeta, blocks: Block[], official: boolean, lines: LineMap, locale: Locale): string {
  const { profile: _profile, ...fields } = meta;
  const data = Object.fromEntries(Object.entries(fields).filter(([, value]) => !(Array.isArray(value) && value.length === 0)));
  const hast: Root = { type: 'root', children: withoutPlaceholders(visibleBlocks(blocks, lines, locale)) };
  const mdast = toMdast(hast);
  if (!official && meta.title !== undefined && mdast.type === 'root') {
    const title: Heading = { type: 'heading', depth: 1, children: [{ type: 'text', value: meta.title }] };
    mdast.children.unshift(title);
  }
  // mdast-util-to-markdown writes the CJK character after a closing `**` as a character reference, for
  // readers that would not close the emphasis; written plainly, as CJK-friendly readers (remark-cjk-friendly) read it.
  const body = mdastToMarkdown(mdast, { extensions: [gfmToMarkdown()], bullet: '-', rule: '-' }).replace(ENCODED_AFTER_MARK, (_, mark: string, hex: string) => mark + String.fromCodePoint(parseInt(hex, 16)));
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`;
}
