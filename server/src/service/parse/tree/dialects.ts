/**
 * Generator syntax that CommonMark does not know (VuePress containers, Hexo and Jekyll Liquid tags,
 * Hugo shortcodes, VuePress extras), found before the Markdown parser runs. Each marker is blanked
 * with spaces of the same length, so the parser sees only the content and every offset in the tree
 * stays an offset into the source. Containers and attribute lists are returned for the tree builder.
 */
import dialects from '../../../../data/markdown-dialects.json';

export type ContainerRendering = 'callout' | 'details' | 'right' | 'center' | 'quote' | 'unwrap';

/** A container's extent in the source: from its opening marker line to the end of its closing one. */
export interface ContainerMark {
  name: string;
  rendering: ContainerRendering | undefined;
  title: string;
  start: number;
  end: number;
}

/** A `{align=center}` attribute list at the end of a line: the line's block gets the alignment. */
export interface AlignMark {
  lineStart: number;
  align: 'left' | 'center' | 'right';
}

export interface MaskedBody {
  /** The text with every marker blanked, same length as the input. */
  text: string;
  containers: ContainerMark[];
  aligns: AlignMark[];
}

const CONTAINERS = dialects.containers as Record<string, ContainerRendering>;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const CONTAINER_OPEN = /^[ \t]*(:{3,})[ \t]*([A-Za-z][\w-]*)(?:[ \t]+(.*?))?[ \t]*$/;
const CONTAINER_CLOSE = /^[ \t]*(:{3,})[ \t]*$/;
const TAB_LINE = /^[ \t]*@tab(?::[\w-]+)?(?:[ \t].*)?$/;
const TOC = /\[\[toc\]\]|^[ \t]*\[toc\][ \t]*$/gi;
/** Hexo's paired tags and the Liquid tags around a block (`{% raw %}`, `{% blockquote a, b %}`, `{% endblockquote %}`). */
const PAIRED_TAG = /^[ \t]*\{%-?[ \t]*(end)?([a-z_]+)\b([^%]*?)-?%\}[ \t]*$/;
const ASSET_IMAGE = /\{%-?\s*(?:asset_img|img)\s+(\S+)(?:\s+([^%]*?))?\s*-?%\}/g;
const HUGO_FIGURE = /\{\{[<%]\s*figure\s+[^}]*?src="([^"]+)"[^}]*?(?:(?:alt|caption|title)="([^"]*)")?[^}]*?[>%]\}\}/g;
/** Any other Liquid tag or output, Hugo shortcode or template action: dropped, content between paired ones kept. */
const TEMPLATE = /\{%-?[^\n]*?-?%\}|\{\{[<%][^\n]*?[>%]\}\}|\{\{-?[^\n{}]*?-?\}\}/g;
const ATTRIBUTE_LIST = /[ \t]*\{[ \t]*((?:[.#]?[\w-]+(?:=(?:"[^"\n]*"|[^\s}]+))?[ \t]*)+)\}[ \t]*$/;
/** An attribute list right after a link or image (`[全文](a.pdf){target="_blank"}`): dropped. */
const INLINE_ATTRIBUTES = /(?<=\))\{[ \t]*(?:[.#]?[\w-]+(?:=(?:"[^"\n]*"|[^\s}]+))?[ \t]*)+\}/g;
/** An emoji shortcode (`:mag:`) that the markdown-it emoji plugin would turn into a picture: dropped. */
const EMOJI = /(?<![\w:\/]):[a-z][a-z0-9_+-]*:(?![\w\/])/g;
/** `****` inside a line: an empty strong span (kramdown shows nothing; CommonMark would print the stars). */
const EMPTY_STRONG = /(?<=\S)\*{4}(?=\S)/g;
const ALIGN = /(?:^|\s)(?:align=["']?(left|center|right)|\.(?:text-)?(left|center|right))\b/;
/** Hexo tags that are not containers even when alone on a line. */
const NOT_CONTAINER_TAGS = new Set(['raw', 'include', 'asset_img', 'img', 'assign', 'if', 'for', 'else', 'elsif', 'unless', 'case', 'when', 'capture', 'comment', 'highlight', 'codeblock']);

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/**
 * Inside a line a marker is filled with this private-use character, not spaces: a space would change
 * what CommonMark reads around it (`*[全文](a.pdf){target="_blank"}*` stays emphasis). The tree
 * builder takes it out of the text; the prose reads it as a space.
 */
export const INLINE_FILLER = '\uE000';

function fill(text: string): string {
  return INLINE_FILLER.repeat(text.length);
}

/**
 * An emoji shortcode is filled with a symbol instead: the picture it stands for is a symbol, which
 * CommonMark counts with punctuation when it decides where emphasis opens (`:mag:*[全文](a.pdf)*`).
 */
export const SYMBOL_FILLER = '\u2318';

/** `replacement` written over `original`, padded with spaces to the same length (or the original blanked if it would not fit). */
function overwrite(original: string, replacement: string): string {
  return replacement.length <= original.length ? replacement + INLINE_FILLER.repeat(original.length - replacement.length) : fill(original);
}

function maskInline(line: string): string {
  // Each marker holds a character most lines lack: those lines skip its patterns (this runs on every line).
  let masked = line;
  if (masked.includes('[')) masked = masked.replace(TOC, fill);
  if (masked.includes('{')) {
    masked = masked
      .replace(ASSET_IMAGE, (match, src: string, alt = '') => overwrite(match, `![${alt.replace(/[[\]"]/g, '')}](${src})`))
      .replace(HUGO_FIGURE, (match, src: string, alt = '') => overwrite(match, `![${alt.replace(/[[\]]/g, '')}](${src})`))
      .replace(TEMPLATE, fill)
      .replace(INLINE_ATTRIBUTES, fill);
  }
  if (masked.includes(':')) masked = masked.replace(EMOJI, (emoji) => SYMBOL_FILLER.repeat(emoji.length));
  if (masked.includes('****')) masked = masked.replace(EMPTY_STRONG, fill);
  return masked;
}

const MARKER_LEADS = new Set(['`', '~', ':', '@', '{']);

/** A line of text: its inline markers filled, and a trailing attribute list (`{.center}`) taken as its alignment. */
function maskInlineLine(line: string, lineStart: number, aligns: AlignMark[]): string {
  const masked = maskInline(line);
  const attributes = masked.includes('{') ? ATTRIBUTE_LIST.exec(masked) : null;
  // `{…}` after text only: a line that is nothing but braces is prose or code.
  if (!attributes || masked.slice(0, attributes.index).trim() === '') return masked;
  const align = ALIGN.exec(attributes[1]);
  if (align) aligns.push({ lineStart, align: (align[1] ?? align[2]) as AlignMark['align'] });
  return masked.slice(0, attributes.index) + fill(attributes[0]);
}

/** Blanks the dialect markers of `text` from `from` on (the front matter before it is blanked too). */
export function maskDialects(text: string, from: number): MaskedBody {
  const containers: ContainerMark[] = [];
  const aligns: AlignMark[] = [];
  const open: { name: string; title: string; start: number; closer: 'colons' | 'tag'; colons: number }[] = [];
  const out: string[] = [blank(text.slice(0, from))];
  let fence: string | undefined;
  let at = from;
  while (at < text.length || (at === text.length && out.length === 1)) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end).replace(/\r$/, '');
    const rest = text.slice(at + line.length, end);
    // Every block marker (fence, container, tab, paired tag) starts with one of these after the indent: most lines skip their patterns.
    const marker = MARKER_LEADS.has(line.trimStart()[0]);
    const fenceMatch = marker ? FENCE.exec(line) : null;
    let masked = line;
    if (!marker && fence === undefined) {
      masked = maskInlineLine(masked, at, aligns);
    } else if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else if (CONTAINER_CLOSE.test(line)) {
      // As markdown-it-container reads it: a closing line ends the outermost open container whose
      // marker is not longer than it, and every container opened inside that one.
      const colons = CONTAINER_CLOSE.exec(line)![1].length;
      const index = open.findIndex((entry) => entry.closer === 'colons' && entry.colons <= colons);
      for (const entry of index < 0 ? [] : open.splice(index)) {
        containers.push({ name: entry.name, rendering: CONTAINERS[entry.name.toLowerCase()], title: entry.title, start: entry.start, end: at + line.length });
      }
      masked = blank(line);
    } else if (CONTAINER_OPEN.test(line)) {
      const [, colons, name, title = ''] = CONTAINER_OPEN.exec(line)!;
      open.push({ name, title: title.trim(), start: at, closer: 'colons', colons: colons.length });
      masked = blank(line);
    } else if (TAB_LINE.test(line)) {
      masked = blank(line);
    } else if (PAIRED_TAG.test(line) && !NOT_CONTAINER_TAGS.has(PAIRED_TAG.exec(line)![2])) {
      const [, closing, name, args] = PAIRED_TAG.exec(line)!;
      if (!closing) open.push({ name, title: args.trim(), start: at, closer: 'tag', colons: 0 });
      else {
        const index = open.findLastIndex((entry) => entry.closer === 'tag' && entry.name === name);
        if (index >= 0) {
          const [entry] = open.splice(index, 1);
          containers.push({ name, rendering: CONTAINERS[name], title: entry.title, start: entry.start, end: at + line.length });
        }
      }
      masked = blank(line);
    } else {
      masked = maskInlineLine(line, at, aligns);
    }
    out.push(masked + rest + (end < text.length ? '\n' : ''));
    at = end + 1;
    if (end >= text.length) break;
  }
  // Containers never closed end with the text, as in markdown-it.
  for (const entry of open.filter((unclosed) => unclosed.closer === 'colons')) containers.push({ name: entry.name, rendering: CONTAINERS[entry.name.toLowerCase()], title: entry.title, start: entry.start, end: text.length });
  containers.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text: out.join(''), containers, aligns };
}
