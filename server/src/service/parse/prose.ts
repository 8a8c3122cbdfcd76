import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

/**
 * The readable text of a document, as a string of the same length as the source: every character
 * that a reader does not see as prose (front matter, HTML tags and attributes, comments, style and
 * script, entities' spelling, URLs, code) is blanked, so an offset in the prose is the same offset in
 * the source. Block-level HTML tags become line breaks, so "one line of prose" is one paragraph.
 */
export function buildProse(text: string, bodyStart: number): string {
  const body = text.slice(bodyStart);
  const visible = HTML_HINT.test(body) ? maskHtml(body) : body;
  return blank(text.slice(0, bodyStart)) + maskMarkdown(visible);
}

export const HTML_HINT = /<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|!--)/;

export interface CommentSpan {
  /** Offset of `<!--`, and just past `-->`. */
  start: number;
  end: number;
  /** What lies between `<!--` and `-->`. */
  data: string;
}

/**
 * The comments of a body whose only markup is closed HTML comments (laws that mark their header
 * with `<!-- INFO END -->`), found as htmlparser2 finds them (`<!-->` is a whole comment); undefined
 * when there is any other `<`. Running the HTML parser over such a body would cost more than the rest
 * of its parsing.
 */
export function onlyComments(body: string): CommentSpan[] | undefined {
  const comments: CommentSpan[] = [];
  for (let at = body.indexOf('<'); at !== -1; at = body.indexOf('<', at)) {
    if (!body.startsWith('<!--', at)) return undefined;
    const close = body.indexOf('-->', at + 2);
    if (close === -1) return undefined;
    comments.push({ start: at, end: close + 3, data: body.slice(at + 4, close) });
    at = close + 3;
  }
  return comments;
}
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'blockquote', 'section', 'article', 'hr', 'pre', 'header', 'footer', 'figure', 'figcaption', 'dd', 'dt']);
const HIDDEN_TAGS = new Set(['style', 'script', 'noscript', 'template', 'iframe', 'textarea', 'svg', 'math']);
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

const LINE_BREAK = /[\r\n]/;

/** Replaces every character but line breaks by a space. Hot (every tag of every document): most runs have no break. */
function blank(text: string): string {
  if (!LINE_BREAK.test(text)) return ' '.repeat(text.length);
  return text.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
}

/** Keeps only HTML text nodes (entities decoded in place, padded with spaces); tags become blanks or breaks. */
function maskHtml(body: string): string {
  const comments = onlyComments(body);
  if (comments) return maskComments(body, comments);
  const out: string[] = [];
  let written = 0;
  let hiddenDepth = 0;
  const emitMasked = (end: number, breakAtStart: boolean) => {
    if (end <= written) return;
    const masked = blank(body.slice(written, end));
    out.push(breakAtStart ? '\n' + masked.slice(1) : masked);
    written = end;
  };
  const parser = new Parser(
    {
      ontext(raw) {
        const start = parser.startIndex;
        emitMasked(start, false);
        out.push(hiddenDepth > 0 ? blank(raw) : decodeEntitiesInPlace(raw));
        written = start + raw.length;
      },
      onopentag(name) {
        emitMasked(parser.endIndex + 1, BLOCK_TAGS.has(name));
        if (HIDDEN_TAGS.has(name)) hiddenDepth++;
      },
      onclosetag(name, isImplied) {
        if (HIDDEN_TAGS.has(name) && hiddenDepth > 0) hiddenDepth--;
        if (!isImplied) emitMasked(parser.endIndex + 1, BLOCK_TAGS.has(name));
      },
      oncomment() {
        emitMasked(parser.endIndex + 1, false);
      },
      onprocessinginstruction() {
        emitMasked(parser.endIndex + 1, false);
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.write(body);
  parser.end();
  emitMasked(body.length, false);
  return out.join('');
}

/** maskHtml's result when the only markup is comments: the text between them as text nodes. */
function maskComments(body: string, comments: CommentSpan[]): string {
  const out: string[] = [];
  let written = 0;
  for (const { start, end } of comments) {
    out.push(decodeEntitiesInPlace(body.slice(written, start)), blank(body.slice(start, end)));
    written = end;
  }
  out.push(decodeEntitiesInPlace(body.slice(written)));
  return out.join('');
}

function decodeEntitiesInPlace(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY, (entity) => {
    const decoded = decodeHTML(entity);
    return decoded.length <= entity.length ? decoded.padEnd(entity.length, ' ') : entity;
  });
}

/** Markdown that is not prose: fenced and inline code, link targets, autolinks, bare URLs. */
const NOT_PROSE = [
  /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm,
  /`[^`\n]+`/g,
  /\]\([^)\n]*\)/g,
  /<(?:https?|ftp|mailto):[^>\s]*>/g,
  /(?:https?|ftp):\/\/[^\s<>"'\u3000-\u303f\uff01-\uff5e]+/g,
  /(?<![\w/])\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"'\u3000-\u303f\uff01-\uff5e]*/gi,
];

function maskMarkdown(body: string): string {
  let result = body;
  for (const pattern of NOT_PROSE) result = result.replace(pattern, (match) => blank(match));
  return result;
}
