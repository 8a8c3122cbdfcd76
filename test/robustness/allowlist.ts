// Checks cleaner output against the sanitiser's own allowlist, by parsing it as a browser would (cheerio / parse5).
import { load } from 'cheerio';
import { micromark } from 'micromark';
import {
  allowedAttributes,
  DROPPED_TAGS,
  INLINE_TAGS,
  safeImageUrl,
  safeLinkUrl,
  STRUCTURE_TAGS,
} from '../../server/src/service/clean/sanitize';

/** The wrapper elements render.ts writes around the sanitised content (header card, removed blocks). */
const CLEANER_TAGS = new Set(['article', 'header', 'h1', 'dl', 'dt', 'dd', 'div', 'span']);
/** Attributes the cleaner itself sets; their values are its own vocabulary, checked below. */
const CLEANER_ATTRIBUTES = new Set(['class', 'data-line', 'data-kind', 'lang']);

/** Every problem of the HTML against the allowlist; empty when it passes. */
export function allowlistProblems(html: string): string[] {
  const problems: string[] = [];
  const $ = load(html, null, false);
  $('*').each((_, element) => {
    const tag = element.tagName.toLowerCase();
    if (DROPPED_TAGS.has(tag) || !(INLINE_TAGS.has(tag) || STRUCTURE_TAGS.has(tag) || CLEANER_TAGS.has(tag))) {
      problems.push(`tag <${tag}>`);
    }
    for (const [name, value] of Object.entries(element.attribs)) {
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
  });
  // Comments, processing instructions and CDATA never reach the output.
  $.root()
    .find('*')
    .addBack()
    .contents()
    .each((_, node) => {
      if (node.type !== 'text' && node.type !== 'tag') problems.push(`node of type ${node.type}`);
    });
  return problems;
}

/**
 * Problems of the Markdown export as a Markdown renderer reads it: rendered as CommonMark with raw HTML
 * and every URL scheme let through, the result may hold only allowlisted tags and safe link and image URLs.
 */
export function markdownProblems(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const $ = load(micromark(body, { allowDangerousHtml: true, allowDangerousProtocol: true }), null, false);
  const problems: string[] = [];
  $('*').each((_, element) => {
    const tag = element.tagName.toLowerCase();
    if (DROPPED_TAGS.has(tag) || !(INLINE_TAGS.has(tag) || STRUCTURE_TAGS.has(tag))) problems.push(`tag <${tag}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name) || name === 'style') problems.push(`attribute ${name} on <${tag}>`);
      if (name === 'href' && safeLinkUrl(value) === null) problems.push(`link to "${value}"`);
      if (name === 'src' && safeImageUrl(value) === null) problems.push(`image from "${value}"`);
    }
  });
  return problems;
}
