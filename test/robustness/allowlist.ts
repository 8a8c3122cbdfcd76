// Checks cleaner output against the sanitiser's own allowlist, by parsing it as a browser would (cheerio / parse5).
import { load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { micromark } from 'micromark';
import {
  allowedAttributes,
  DROPPED_TAGS,
  INLINE_TAGS,
  safeImageUrl,
  safeLinkUrl,
  STRUCTURE_TAGS,
} from '../../server/src/service/clean/sanitize';

/** The wrapper elements render.ts writes around the sanitised content (header card, removed blocks, containers). */
const CLEANER_TAGS = new Set(['article', 'header', 'h1', 'dl', 'dt', 'dd', 'div', 'span', 'aside', 'details', 'summary', 'section']);
/** Attributes the cleaner itself sets; their values are its own vocabulary, checked below. */
const CLEANER_ATTRIBUTES = new Set(['class', 'data-line', 'data-kind', 'lang']);

/** Every element of a parsed fragment, by an explicit walk (a 10 MB output has hundreds of thousands). */
function* walk(html: string): Generator<AnyNode> {
  // Lone surrogates (kept from a fuzzed document) become U+FFFD, as in a browser: parse5 throws on some of them.
  const wellFormed = html.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const stack: AnyNode[] = [...load(wellFormed, null, false).root()[0].children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

/** Every problem of the HTML against the allowlist; empty when it passes. */
export function allowlistProblems(html: string): string[] {
  const problems: string[] = [];
  for (const node of walk(html)) {
    // Comments, processing instructions and CDATA never reach the output.
    if (node.type === 'text') continue;
    if (node.type !== 'tag') {
      problems.push(`node of type ${node.type}`);
      continue;
    }
    const tag = node.tagName.toLowerCase();
    if (DROPPED_TAGS.has(tag) || !(INLINE_TAGS.has(tag) || STRUCTURE_TAGS.has(tag) || CLEANER_TAGS.has(tag))) {
      problems.push(`tag <${tag}>`);
    }
    for (const [name, value] of Object.entries(node.attribs)) {
      if (CLEANER_ATTRIBUTES.has(name)) {
        const ok =
          name === 'class' ? value.split(/\s+/).every((token) => /^pd-[a-z0-9-]+$/.test(token))
          : name === 'data-line' ? /^\d+$/.test(value)
          : name === 'data-kind' ? /^[a-z-]+$/.test(value)
          : value === 'zh-CN';
        if (!ok) problems.push(`<${tag} ${name}="${value}">`);
        continue;
      }
      if (!allowedAttributes(tag).includes(name)) {
        problems.push(`attribute ${name} on <${tag}>`);
        continue;
      }
      if (name === 'href' && safeLinkUrl(value) !== value) problems.push(`href "${value}"`);
      if (name === 'src' && safeImageUrl(value) !== value) problems.push(`src "${value}"`);
    }
  }
  return problems;
}

/**
 * Problems of the Markdown export as a Markdown renderer reads it: rendered as CommonMark with raw HTML
 * and every URL scheme let through, the result may hold only allowlisted tags and safe link and image URLs.
 */
export function markdownProblems(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const problems: string[] = [];
  for (const node of walk(micromark(body, { allowDangerousHtml: true, allowDangerousProtocol: true }))) {
    if (node.type !== 'tag') continue;
    const tag = node.tagName.toLowerCase();
    if (DROPPED_TAGS.has(tag) || !(INLINE_TAGS.has(tag) || STRUCTURE_TAGS.has(tag))) problems.push(`tag <${tag}>`);
    for (const [name, value] of Object.entries(node.attribs)) {
      if (/^on/i.test(name) || name === 'style') problems.push(`attribute ${name} on <${tag}>`);
      if (name === 'href' && safeLinkUrl(value) === null) problems.push(`link to "${value}"`);
      if (name === 'src' && safeImageUrl(value) === null) problems.push(`image from "${value}"`);
    }
  }
  return problems;
}
