/** The cleaned document as Markdown: the metadata as YAML front matter, then the blocks. */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { stringify } from 'yaml';
import type { Block, CleanMeta } from './types';

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/**
 * A link destination that a CommonMark reader takes as this URL (blanks percent-encoded): without the escapes a `)`,
 * `<…>` or an entity in an allowlisted relative URL would end the link early or decode into another
 * one (`[a](x) [b](javascript:…)`, `<javascript:…>`, `&#106;avascript:`).
 */
function destination(url: string): string {
  return url.replace(/[\s\u0000-\u001f\u007f]/g, (c) => encodeURIComponent(c)).replace(/[\\()<>&]/g, '\\$&');
}

/** Markdown of sanitised inline HTML (the cleaner's own output, so only allowlisted tags occur). */
function inline(nodes: AnyNode[], $: CheerioAPI): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += escapeMarkdown(node.data);
      continue;
    }
    if (node.type !== 'tag') continue;
    const inner = () => inline(node.children, $);
    switch (node.name) {
      case 'a':
        out += `[${inner()}](${destination(node.attribs.href ?? '')})`;
        break;
      case 'img':
        out += `![${escapeMarkdown(node.attribs.alt ?? '')}](${destination(node.attribs.src ?? '')})`;
        break;
      case 'strong':
      case 'b':
        out += `**${inner()}**`;
        break;
      case 'em':
      case 'i':
        out += `*${inner()}*`;
        break;
      case 'code':
        out += `\`${$(node).text()}\``;
        break;
      case 'br':
        out += '  \n';
        break;
      default:
        out += inner();
    }
  }
  return out;
}

function structure(block: Block): string {
  const $ = load(block.html);
  const root = $.root().children().first();
  const tag = root.prop('tagName')?.toLowerCase();
  if (tag === 'ul' || tag === 'ol') {
    return root
      .children('li')
      .toArray()
      .map((item, i) => `${tag === 'ol' ? `${i + 1}.` : '-'} ${inline(item.children, $).trim()}`)
      .join('\n');
  }
  if (tag === 'table') {
    const rows = root.find('tr').toArray().map((tr) => $(tr).children('th, td').toArray().map((cell) => inline(cell.children, $).trim().replace(/\|/g, '\\|')));
    if (rows.length === 0) return '';
    const width = Math.max(...rows.map((cells) => cells.length));
    const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
    return [line(rows[0]), line(Array(width).fill('---')), ...rows.slice(1).map(line)].join('\n');
  }
  if (tag === 'pre') return `\`\`\`\n${root.text().replace(/\n$/, '')}\n\`\`\``;
  if (tag === 'blockquote') return block.text.split('\n').map((line) => `> ${escapeMarkdown(line)}`).join('\n');
  return escapeMarkdown(block.text);
}

function blockMarkdown(block: Block): string {
  if (block.tag === 'structure') return structure(block);
  if (block.tag === 'hr') return '---';
  const $ = load(block.html);
  const text = inline($.root().contents().toArray(), $).trim();
  const heading = /^h([1-6])$/.exec(block.tag);
  return heading ? `${'#'.repeat(Number(heading[1]))} ${text}` : text;
}

export function toMarkdown(meta: CleanMeta, blocks: Block[], official: boolean): string {
  const { profile: _profile, ...fields } = meta;
  const data = Object.fromEntries(Object.entries(fields).filter(([, value]) => !(Array.isArray(value) && value.length === 0)));
  const parts = [`---\n${stringify(data, { lineWidth: 0 })}---`];
  if (!official && meta.title !== undefined) parts.push(`# ${escapeMarkdown(meta.title)}`);
  for (const block of blocks) {
    if (block.tag === 'removed') continue;
    const text = blockMarkdown(block);
    if (text !== '') parts.push(text);
  }
  return parts.join('\n\n') + '\n';
}
