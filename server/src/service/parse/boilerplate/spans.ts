import { Parser } from 'htmlparser2';
import { HTML_HINT, onlyComments } from '../prose';
import { decodeHTML } from 'entities';
import type { Message } from '../../types';
import { MAX_PARAGRAPH_LENGTH, shippedBoilerplate, trimParagraph, type BoilerplatePattern, type BoilerplatePatterns, type PatternKind } from './patterns';

/** Kinds recognised by markup in code (Sina templates), and the kinds of the data patterns. */
export type BoilerplateKind = 'comment' | 'qr-block' | 'promotion' | 'editor-line' | 'stock-quote' | 'stock-link' | 'image-caption' | 'navigation' | PatternKind;

/** What each kind of boilerplate is called, in the rule's messages and in the preview's "removed" list. */
export const BOILERPLATE_KIND_NAMES: Record<BoilerplateKind, Message> = {
  comment: { en: 'portal comments', zh: '网站模板注释' },
  'qr-block': { en: 'QR-code promotion', zh: '二维码推广块' },
  promotion: { en: 'portal promotion', zh: '网站推广语' },
  'editor-line': { en: 'editor line', zh: '责任编辑行' },
  'stock-quote': { en: 'stock-quote placeholder', zh: '股票行情占位' },
  'stock-link': { en: 'stock keyword link', zh: '股票关键词链接' },
  'image-caption': { en: 'empty image caption', zh: '空的图片说明' },
  navigation: { en: 'navigation links', zh: '导航链接' },
  share: { en: 'share prompt', zh: '分享提示' },
  qr: { en: 'QR-code prompt', zh: '扫码提示' },
  editor: { en: 'editor or source credit', zh: '编辑或来源署名' },
  footer: { en: 'page footer', zh: '页面页脚' },
  disclaimer: { en: 'disclaimer', zh: '免责声明' },
  banner: { en: 'banner', zh: '横幅广告' },
  conversion: { en: 'conversion notice', zh: '转码说明' },
  'stray-markup': { en: 'stray markup', zh: '残留标签' },
  placeholder: { en: 'template placeholder', zh: '模板占位符' },
};

/** A piece of portal junk in the source: `text.slice(start, end)` is replaced by `replacement`. */
export interface BoilerplateSpan {
  kind: BoilerplateKind;
  start: number;
  end: number;
  replacement: string;
  /** A fragment cut out of a paragraph's text (an inline data pattern), not a block or an element of its own. */
  inline?: true;
  /** Left out of the clean view but not reported: text the site or generator writes on purpose (`report: false` in the data). */
  quiet?: true;
}

/** The span a data pattern gives for `[start, end)`. */
function patternSpan(pattern: BoilerplatePattern, start: number, end: number, inline = false): BoilerplateSpan {
  return { kind: pattern.kind, start, end, replacement: '', ...(inline ? { inline: true } : {}), ...(pattern.report ? {} : { quiet: true }) };
}

export interface BoilerplateOptions {
  /** The patterns in force (shipped, extended by the project's `.policydoc/boilerplate.yaml`). */
  patterns?: BoilerplatePatterns;
  /** A plain-text body (a `.txt` file without a page's HTML): a `<BR>` in it is stray markup, and no HTML is parsed. */
  plainText?: boolean;
}

/**
 * Sina Finance paragraphs removed although no crawled document holding them could be traced to its
 * repository yet (see server/data/boilerplate/sina.yaml); they move to the data once sourced.
 */
/** At most this much source inside a paragraph element (tags and entities included) for it to be read as boilerplate. */
const MAX_PARAGRAPH_MARKUP = 10 * MAX_PARAGRAPH_LENGTH;

const SINA_UNSOURCED = /^(?:炒股就看金麒麟分析师研报|新浪声明：此消息系转载自)/;

interface OpenElement {
  name: string;
  attribs: Record<string, string>;
  start: number;
  /** Offset just past the opening tag. */
  contentStart: number;
  /** Non-blank text seen inside (directly, or nested once the nested element has closed). */
  hasText: boolean;
  /** How many child elements have closed, and the first of them (all that classify looks at). */
  childCount: number;
  firstChild?: ClosedElement;
}

interface ClosedElement extends OpenElement {
  implied: boolean;
  /** Offset of the closing tag and just past it. */
  contentEnd: number;
  end: number;
}

function classes(element: OpenElement): string[] {
  return (element.attribs.class ?? '').split(/\s+/);
}

/** The span an element stands for, if it is boilerplate; `text` is the body source. */
function classify(element: ClosedElement, text: string, patterns: BoilerplatePatterns): Omit<BoilerplateSpan, 'start' | 'end'> | null {
  const id = element.attribs.id ?? '';
  if (element.name === 'style' && /appendQr_/.test(text.slice(element.contentStart, element.contentEnd))) return { kind: 'qr-block', replacement: '' };
  if (element.name === 'div' && classes(element).includes('appendQr_wrap')) return { kind: 'qr-block', replacement: '' };
  if (element.name === 'p' && classes(element).includes('article-editor')) return { kind: 'editor-line', replacement: '' };
  // A paragraph, or a div holding only text: never a wrapper whose first paragraph happens to be a promotion.
  const paragraphLike = element.name === 'p' || (element.name === 'div' && element.childCount === 0);
  // The markup of a boilerplate paragraph is short too; the bound keeps deep nesting linear.
  if (paragraphLike && element.contentEnd - element.contentStart <= MAX_PARAGRAPH_MARKUP) {
    const shown = trimParagraph(decodeHTML(text.slice(element.contentStart, element.contentEnd).replace(/<[^>]*>/g, '')));
    if (shown.length <= MAX_PARAGRAPH_LENGTH && SINA_UNSOURCED.test(shown)) return { kind: 'promotion', replacement: '' };
    const pattern = patterns.paragraphPattern(shown);
    if (pattern) return { kind: pattern.kind, replacement: '', ...(pattern.report ? {} : { quiet: true }) };
  }
  if (element.name === 'span' && !element.hasText && element.childCount === 0) {
    if (/^quote_/.test(id)) return { kind: 'stock-quote', replacement: '' };
    if (classes(element).includes('img_descr')) return { kind: 'image-caption', replacement: '' };
  }
  if (element.name === 'span' && /^stock_/.test(id) && element.childCount === 1 && element.firstChild) {
    const link = element.firstChild;
    const onlyLink = text.slice(element.contentStart, link.start).trim() === '' && text.slice(link.end, element.contentEnd).trim() === '';
    if (onlyLink && link.name === 'a' && !link.implied && classes(link).includes('keyword') && link.childCount === 0) {
      return { kind: 'stock-link', replacement: text.slice(link.contentStart, link.contentEnd) };
    }
  }
  return null;
}

/** Elements whose text is not prose: no inline pattern looks inside them. */
const NOT_PROSE = new Set(['script', 'style', 'pre', 'code', 'textarea']);

/** Inline patterns over one piece of text at `offset` (stray markup only in a plain-text body). */
function findInline(piece: string, offset: number, spans: BoilerplateSpan[], patterns: BoilerplatePatterns, plainText: boolean): void {
  const subject = piece.trimEnd();
  if (!patterns.mayHaveInline(subject)) return;
  for (const pattern of patterns.inline) {
    if (pattern.kind === 'stray-markup' && !plainText) continue;
    // exec on the shared global regex, not matchAll: matchAll copies the regex on every call, once per line and pattern.
    const regex = pattern.regex;
    regex.lastIndex = 0;
    for (let match = regex.exec(subject); match; match = regex.exec(subject)) {
      if (match[0] === '') {
        regex.lastIndex++;
        continue;
      }
      spans.push(patternSpan(pattern, offset + match.index, offset + match.index + match[0].length, true));
    }
  }
}

function findInHtml(body: string, offset: number, spans: BoilerplateSpan[], patterns: BoilerplatePatterns): void {
  const stack: OpenElement[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        stack.push({ name, attribs, start: parser.startIndex, contentStart: parser.endIndex + 1, hasText: false, childCount: 0 });
      },
      onclosetag(_name, isImplied) {
        const open = stack.pop();
        if (!open) return;
        const closed = Object.assign(open, { implied: isImplied, contentEnd: parser.startIndex, end: parser.endIndex + 1 });
        const parent = stack.at(-1);
        if (parent) {
          if (parent.childCount++ === 0) parent.firstChild = closed;
          if (closed.hasText) parent.hasText = true;
        }
        // An implied close (`<p>` never closed, a void `<img>`) has no end tag to cut at: never junk.
        if (isImplied) return;
        const kind = classify(closed, body, patterns);
        if (kind) spans.push({ ...kind, start: offset + closed.start, end: offset + closed.end });
      },
      ontext(data) {
        const parent = stack.at(-1);
        if (parent && data.trim() !== '') parent.hasText = true;
        if (!stack.some((element) => NOT_PROSE.has(element.name))) findInline(data, offset + parser.startIndex, spans, patterns, false);
      },
      oncomment(data) {
        if (patterns.isPortalComment(data)) spans.push({ kind: 'comment', start: offset + parser.startIndex, end: offset + parser.endIndex + 1, replacement: '' });
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(body);
  parser.end();
}

/**
 * A line of markup, left to the HTML pass (its paragraphs are elements): one that starts with a tag or
 * a comment. A Markdown line of text with an inline component in it (`…<Badge text="…" />…`) is text.
 */
const MARKUP_LINE = /^[ \t\u3000]*(?:<\/?[a-zA-Z][^>]*>|<!--)/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const LINE = /[^\r\n]*(?:\r\n?|\n|$)/g;

interface Line {
  start: number;
  /** The line without its break. */
  text: string;
  /** Offset past the line break. */
  end: number;
}

/**
 * Paragraphs of text and Markdown, and every line of a plain-text body: a block of lines between
 * blank lines is matched whole (a prompt broken over two lines), else each line on its own. A span
 * takes the whole line with its break, so removing it leaves no empty line.
 */
function findInLines(body: string, offset: number, spans: BoilerplateSpan[], patterns: BoilerplatePatterns, plainText: boolean): void {
  const blocks: Line[][] = [[]];
  let fence: string | undefined;
  for (const match of body.matchAll(LINE)) {
    if (match[0] === '') break;
    const text = match[0].replace(/\r?\n$|\r$/, '');
    const line = { start: offset + match.index, text, end: offset + match.index + match[0].length };
    if (!plainText) {
      const opening = FENCE.exec(text)?.[1];
      if (fence !== undefined) {
        if (opening?.startsWith(fence)) fence = undefined;
        continue;
      }
      if (opening) {
        fence = opening;
        blocks.push([]);
        continue;
      }
    }
    if (text.trim() === '' || (!plainText && MARKUP_LINE.test(text))) blocks.push([]);
    else blocks.at(-1)!.push(line);
  }
  for (const block of blocks) {
    if (block.length > 1) {
      const last = block[block.length - 1];
      const pattern = patterns.paragraphPattern(block.map((line) => line.text).join('\n'));
      if (pattern) {
        spans.push(patternSpan(pattern, block[0].start, last.end));
        continue;
      }
    }
    for (const line of block) {
      const pattern = patterns.paragraphPattern(line.text);
      if (pattern) spans.push(patternSpan(pattern, line.start, line.end));
      else findInline(line.text, line.start, spans, patterns, plainText);
    }
  }
}

/**
 * Portal junk in a document body, as source spans sorted by offset and never overlapping (a span
 * inside or across an earlier, longer one is dropped). Markup classes of portal templates are found
 * in code; paragraph texts, inline fragments and template comments by the data patterns
 * (`server/data/boilerplate/*.yaml` and the project's `.policydoc/boilerplate.yaml`). The
 * `web-boilerplate` rule and the clean preview both use these spans, so the quick fix and the
 * preview always remove the same text.
 */
export function findBoilerplate(text: string, bodyStart: number, options: BoilerplateOptions = {}): BoilerplateSpan[] {
  const patterns = options.patterns ?? shippedBoilerplate();
  const plainText = options.plainText ?? false;
  const body = text.slice(bodyStart);
  const spans: BoilerplateSpan[] = [];
  if (!plainText) {
    const comments = HTML_HINT.test(body) ? onlyComments(body) : [];
    if (!comments) findInHtml(body, bodyStart, spans, patterns);
    for (const { start, end, data } of comments ?? []) {
      if (patterns.isPortalComment(data)) spans.push({ kind: 'comment', start: bodyStart + start, end: bodyStart + end, replacement: '' });
    }
  }
  findInLines(body, bodyStart, spans, patterns, plainText);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: BoilerplateSpan[] = [];
  for (const span of spans) {
    const last = outer.at(-1);
    if (last && span.start < last.end) continue;
    outer.push(span);
  }
  return outer;
}
