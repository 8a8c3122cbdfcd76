/**
 * The allowlist of the cleaner's output, as a hast-util-sanitize schema. Nothing from a document
 * reaches the preview unless it is listed here: tags not listed are unwrapped (their text kept) or,
 * for the dangerous ones, dropped with their content; attributes not listed are dropped; URLs are
 * kept only with an allowed scheme. Classes and `data-*` attributes in the output are the cleaner's
 * own, added after sanitising, never copied from the source.
 */
import type { Element, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';

/** Dropped together with everything inside them. */
export const DROPPED_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
  'textarea', 'option', 'svg', 'math', 'template', 'noscript', 'noembed', 'noframes', 'meta', 'link', 'base', 'head',
  'title', 'audio', 'video', 'source', 'track', 'canvas', 'map', 'area', 'portal', 'dialog', 'xmp', 'plaintext', 'param',
]);

/** Inline tags kept as they are (with the attributes of INLINE_ATTRIBUTES only). */
export const INLINE_TAGS = new Set(['a', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'code', 'br', 'mark', 'small', 'q', 'abbr', 'img']);
/** Inline tags whose text is kept without the tag itself. */
export const UNWRAPPED_INLINE_TAGS = new Set(['span', 'font', 'big', 'cite', 'label', 'time', 'var', 'kbd', 'samp', 'bdi', 'bdo', 'nobr', 'wbr', 'tt', 'strike']);
/** Block tags kept whole (lists, tables, quotes, code); their content is serialised through the allowlist. */
export const STRUCTURE_TAGS = new Set([
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
  'blockquote', 'pre', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'figure', 'figcaption',
]);

/** Block tags the cleaner itself writes around containers (callouts, details, aligned blocks, footnotes). */
const CONTAINER_TAGS = ['div', 'aside', 'details', 'summary', 'section'];

const SCHEMA: Schema = {
  tagNames: [...INLINE_TAGS, ...STRUCTURE_TAGS, ...CONTAINER_TAGS],
  strip: [...DROPPED_TAGS],
  attributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    abbr: ['title'],
    td: [['colSpan', /^\d{1,4}$/], ['rowSpan', /^\d{1,4}$/]],
    th: [['colSpan', /^\d{1,4}$/], ['rowSpan', /^\d{1,4}$/]],
    ol: [['start', /^\d{1,9}$/]],
  },
  protocols: { href: ['http', 'https'], src: ['http', 'https', 'data'] },
  ancestors: {},
  required: {},
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp|avif);base64,[A-Za-z0-9+/=\s]*$/i;

/**
 * Browsers drop ASCII tab and newlines anywhere in a URL and ignore leading control characters and
 * spaces (`jav&#x09;ascript:` runs): the check is made on the URL as the browser will read it.
 */
function normalizeUrl(url: string): string {
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** A link target that may be kept: http(s) or relative; anything else (javascript:, data:, vbscript:, file:) is dropped. */
export function safeLinkUrl(url: string): string | null {
  const clean = normalizeUrl(url);
  if (/[\u0000-\u001f\u007f]/.test(clean)) return null;
  const scheme = SCHEME.exec(clean)?.[1].toLowerCase();
  if (scheme === undefined) return clean.startsWith('\\') ? null : clean;
  return scheme === 'http' || scheme === 'https' ? clean : null;
}

/** An image source that may be kept: http(s), relative, or a base64 raster `data:image/…` (never SVG). */
export function safeImageUrl(url: string): string | null {
  const clean = normalizeUrl(url);
  if (DATA_IMAGE.test(clean)) return clean.replace(/\s+/g, '');
  const scheme = SCHEME.exec(clean)?.[1].toLowerCase();
  if (scheme === 'data') return null;
  return safeLinkUrl(clean);
}

/** The HTML attribute names the schema keeps on `tag`. */
export function allowedAttributes(tag: string): readonly string[] {
  return (SCHEMA.attributes?.[tag] ?? []).map((entry) => (typeof entry === 'string' ? entry : entry[0]).toLowerCase());
}

/** Applies the URL checks above to every link and image, then the schema: the safe copy of `node`. */
export function sanitizeTree<T extends Root | Element>(node: T): Root {
  const check = (element: Element) => {
    const { href, src } = element.properties;
    if (href !== undefined) {
      const url = typeof href === 'string' ? safeLinkUrl(href) : null;
      if (url === null) delete element.properties.href;
      else element.properties.href = url;
    }
    if (src !== undefined) {
      const url = typeof src === 'string' ? safeImageUrl(src) : null;
      if (url === null) delete element.properties.src;
      else element.properties.src = url;
    }
    for (const child of element.children) if (child.type === 'element') check(child);
  };
  // sanitize() builds a new tree, so the URLs are checked on its copy and the document's tree is left as it is.
  const sanitized = sanitize(node, SCHEMA);
  const safe: Root = sanitized.type === 'root' ? sanitized : { type: 'root', children: [sanitized as never] };
  for (const child of safe.children) if (child.type === 'element') check(child);
  return safe;
}
