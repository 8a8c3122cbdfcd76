import { Parser } from 'htmlparser2';
import { HTML_HINT, onlyComments } from '../prose';
import type { Message } from '../../types';

export type BoilerplateKind = 'comment' | 'qr-block' | 'promotion' | 'editor-line' | 'stock-quote' | 'stock-link' | 'image-caption' | 'navigation';

/** What each kind of boilerplate is called, in the rule's messages and in the preview's "removed" list. */
export const BOILERPLATE_KIND_NAMES: Record<BoilerplateKind, Message> = {
  comment: { en: 'portal comments', zh: '网站模板注释' },
  'qr-block': { en: 'QR-code promotion', zh: '二维码推广块' },
  promotion: { en: 'portal promotion or disclaimer', zh: '网站推广语或免责声明' },
  'editor-line': { en: 'editor line', zh: '责任编辑行' },
  'stock-quote': { en: 'stock-quote placeholder', zh: '股票行情占位' },
  'stock-link': { en: 'stock keyword link', zh: '股票关键词链接' },
  'image-caption': { en: 'empty image caption', zh: '空的图片说明' },
  navigation: { en: 'navigation links', zh: '导航链接' },
};

/** A piece of portal junk in the source: `text.slice(start, end)` is replaced by `replacement`. */
export interface BoilerplateSpan {
  kind: BoilerplateKind;
  start: number;
  end: number;
  replacement: string;
}

/** Comments that news portals (Sina) leave around their templates; a user's own comments are kept. */
const PORTAL_COMMENT = /^\s*(?:news_keyword_pub\b|正文下iframe|总声明|编辑姓名及工作代码|文末二维码)/;
/** Paragraphs that portals (Sina Finance) add to every article: app and research promotions, the reprint disclaimer. */
const PROMOTION = /^(?:炒股就看金麒麟分析师研报|海量资讯、精准解读，尽在新浪财经APP|新浪声明：此消息系转载自)/;
/** Longer paragraphs are article text, whatever they start with. */
const MAX_PROMOTION_LENGTH = 400;

/** A Markdown line made only of "back to …" links: `[返回商务部网站新闻](…)｜[返回首页](…)`. */
const NAVIGATION_LINE = /^[ \t]*\[返回[^\]\n]*\]\([^)\n]*\)(?:[ \t]*[｜|][ \t]*\[返回[^\]\n]*\]\([^)\n]*\))*[ \t]*(?:\r?\n|\r|$)/gm;

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
function classify(element: ClosedElement, text: string): Omit<BoilerplateSpan, 'start' | 'end'> | null {
  const id = element.attribs.id ?? '';
  if (element.name === 'style' && /appendQr_/.test(text.slice(element.contentStart, element.contentEnd))) return { kind: 'qr-block', replacement: '' };
  if (element.name === 'div' && classes(element).includes('appendQr_wrap')) return { kind: 'qr-block', replacement: '' };
  if (element.name === 'p' && classes(element).includes('article-editor')) return { kind: 'editor-line', replacement: '' };
  // A paragraph, or a div holding only text: never a wrapper whose first paragraph happens to be a promotion.
  const paragraphLike = element.name === 'p' || (element.name === 'div' && element.childCount === 0);
  if (paragraphLike && element.contentEnd - element.contentStart <= MAX_PROMOTION_LENGTH) {
    const shown = text.slice(element.contentStart, element.contentEnd).replace(/<[^>]*>/g, '').replace(/^[\s\u3000]+/, '');
    if (PROMOTION.test(shown)) return { kind: 'promotion', replacement: '' };
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

function findInHtml(body: string, offset: number, spans: BoilerplateSpan[]): void {
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
        const kind = classify(closed, body);
        if (kind) spans.push({ ...kind, start: offset + closed.start, end: offset + closed.end });
      },
      ontext(data) {
        const parent = stack.at(-1);
        if (parent && data.trim() !== '') parent.hasText = true;
      },
      oncomment(data) {
        if (PORTAL_COMMENT.test(data)) spans.push({ kind: 'comment', start: offset + parser.startIndex, end: offset + parser.endIndex + 1, replacement: '' });
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(body);
  parser.end();
}

/**
 * Portal junk in a document body, as source spans sorted by offset and never overlapping (an inner
 * span inside a reported element is dropped). The `web-boilerplate` rule and the clean preview both
 * use these spans, so the quick fix and the preview always remove the same text.
 */
export function findBoilerplate(text: string, bodyStart: number): BoilerplateSpan[] {
  const body = text.slice(bodyStart);
  const spans: BoilerplateSpan[] = [];
  const comments = HTML_HINT.test(body) ? onlyComments(body) : [];
  if (!comments) findInHtml(body, bodyStart, spans);
  for (const { start, end, data } of comments ?? []) {
    if (PORTAL_COMMENT.test(data)) spans.push({ kind: 'comment', start: bodyStart + start, end: bodyStart + end, replacement: '' });
  }
  for (const match of body.matchAll(NAVIGATION_LINE)) {
    const start = bodyStart + match.index;
    spans.push({ kind: 'navigation', start, end: start + match[0].length, replacement: '' });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: BoilerplateSpan[] = [];
  for (const span of spans) {
    const last = outer.at(-1);
    if (last && span.start < last.end) continue;
    outer.push(span);
  }
  return outer;
}
