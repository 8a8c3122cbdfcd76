import { NO_KNOWN_CODES, type KnownCodes } from './agencyCode';
import type { BoilerplatePatterns } from './boilerplate/patterns';
import { findBoilerplate, type BoilerplateSpan } from './boilerplate/spans';
import type { Root } from 'hast';
import type { ProfileName } from '../types';
import { Directives } from './directives';
import { parseFrontMatter, type FrontMatter, type FrontMatterEntry } from './frontMatter';
import { LineMap } from './lineMap';
import { parseOfficial, type OfficialParts } from './official';
import { detectProfile } from './profile';
import { buildProse } from './prose';
import { proseParagraphs } from './paragraphs';
import { buildBodyTree, markupSyntax, type BodySyntax } from './tree/bodyTree';
import { INLINE_FILLER, maskDialects, SYMBOL_FILLER, type MaskedBody } from './tree/dialects';

const FILLERS = new RegExp(`[${INLINE_FILLER}${SYMBOL_FILLER}]`, 'g');

/** A document parsed once; every rule and feature reads this model and never re-parses the text. */
export interface PolicyDocument {
  uri: string;
  text: string;
  lines: LineMap;
  /** Offset after a byte-order mark, 0 without one. */
  textStart: number;
  frontMatter: FrontMatter | null;
  /** Offset where the body starts (after the front matter, if any). */
  bodyStart: number;
  profile: ProfileName;
  /** True when the profile came from configuration rather than detection. */
  profileForced: boolean;
  directives: Directives;
  /** Content that is mostly not text (see `isBinary`): nothing else is checked. */
  binary: boolean;
  entry(key: string): FrontMatterEntry | undefined;
  /** The text with generator dialect markers (`:::`, `{% %}`, `{{ }}`, `[[toc]]`, `{align=…}`) blanked, and where their containers are (see tree/dialects.ts); computed on first use. */
  readonly dialects: MaskedBody;
  /** The readable body text, same length as `text`, dialect markers blanked too (see prose.ts); computed on first use. */
  readonly prose: string;
  /** 发文字号, 成文日期, dates, 法宝引证码 and 层次序数 found in the prose (see official.ts); computed on first use. */
  readonly official: OfficialParts;
  /** Portal junk in the body as source spans (see boilerplate/spans.ts); computed on first use. */
  readonly boilerplate: readonly BoilerplateSpan[];
  /** The body as one hast tree with document offsets (Markdown, raw HTML and generator dialects; see tree/bodyTree.ts); computed on first use. */
  readonly tree: Root;
}

/** How much of the start decides whether the content is text, as in git and grep. */
const BINARY_PROBE = 8000;
/** Characters no text is made of: C0 controls other than tab and line breaks, DEL, and U+FFFD left by undecodable bytes. */
const NOT_TEXT = /[\0-\x08\x0e-\x1f\x7f\ufffd]/g;
/** Random bytes decoded as UTF-8 are over half such characters, UTF-16 read as UTF-8 is half NULs; text has a few at most. */
const BINARY_SHARE = 0.1;

/**
 * Binary when the probe has a NUL (git's and grep's sign) and more than a tenth of it is not text:
 * a few NULs or control characters in a real document leave it checked (control-character reports them).
 */
function isBinary(text: string): boolean {
  const probe = text.slice(0, BINARY_PROBE);
  if (!probe.includes('\0')) return false;
  return (probe.match(NOT_TEXT)?.length ?? 0) > probe.length * BINARY_SHARE;
}

/** A `.txt` file: each line break ends a paragraph or a line, as a reader of the file sees it. */
export function isPlainTextFile(uri: string): boolean {
  return /\.txt$/i.test(uri);
}

/** Tags that make a crawled plain-text file a page of HTML; a lone `<BR>` left in the text does not. */
const CRAWLED_HTML = /<(?:p|div|table|tbody|tr|td|span|section|h[1-6]|ul|ol|li|font|strong|center)\b[^>]*>/i;
const LINE_BREAK = /\r\n?|\n/g;

/**
 * How the body is read into the tree: a `.txt` file is plain text (one paragraph a line, hard wraps
 * rejoined as in the line model) unless a crawler left a page's HTML in it; anything else is Markdown.
 */
/** A `.txt` file without a crawled page's HTML: read line by line, a `<BR>` in it is stray markup. */
function isPlainTextBody(uri: string, text: string, bodyStart: number): boolean {
  return isPlainTextFile(uri) && !CRAWLED_HTML.test(text.slice(bodyStart));
}

function bodySyntax(doc: PolicyDocument): BodySyntax {
  if (!isPlainTextFile(doc.uri)) return markupSyntax(doc.text, doc.bodyStart);
  if (!isPlainTextBody(doc.uri, doc.text, doc.bodyStart)) return { kind: 'html' };
  const paragraphs = proseParagraphs(doc).map(({ start, text }) => {
    const lines: { start: number; end: number }[] = [];
    let from = 0;
    for (const found of text.matchAll(LINE_BREAK)) {
      lines.push({ start: start + from, end: start + found.index });
      from = found.index + found[0].length;
    }
    lines.push({ start: start + from, end: start + text.length });
    return { lines: lines.filter((line) => line.end > line.start) };
  });
  return { kind: 'plain', paragraphs: paragraphs.filter((paragraph) => paragraph.lines.length > 0) };
}

/** What the parser takes from the knowledge registry; the service passes the store's. */
export interface ParseKnowledge {
  /** The portal patterns in force: the shipped ones extended by the project's `.policydoc/boilerplate.yaml` (default: shipped). */
  boilerplate?: BoilerplatePatterns;
  /** The 代字 the registry knows, where the parser is unsure where a 代字 starts (default: none). */
  codes?: KnownCodes;
}

/** Parses a document; nothing is computed until asked for. */
export function parseDocument(uri: string, text: string, forcedProfile?: ProfileName, knowledge: ParseKnowledge = {}): PolicyDocument {
  const lines = new LineMap(text);
  const textStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const binary = isBinary(text);
  const frontMatter = binary ? null : parseFrontMatter(text, textStart);
  const bodyStart = frontMatter ? frontMatter.end : textStart;
  const profile = forcedProfile ?? (binary ? 'markdown' : detectProfile(text, frontMatter, bodyStart));
  const entries = new Map<string, FrontMatterEntry>();
  for (const entry of frontMatter?.entries ?? []) if (!entries.has(entry.key)) entries.set(entry.key, entry);
  let prose: string | undefined;
  let official: OfficialParts | undefined;
  let boilerplate: BoilerplateSpan[] | undefined;
  let tree: Root | undefined;
  let dialects: MaskedBody | undefined;
  return {
    uri,
    text,
    lines,
    textStart,
    frontMatter,
    bodyStart,
    profile,
    profileForced: forcedProfile !== undefined,
    directives: binary ? Directives.parse('', lines) : Directives.parse(text, lines),
    binary,
    entry: (key) => entries.get(key),
    get dialects() {
      dialects ??= binary ? { text, containers: [], aligns: [] } : maskDialects(text, bodyStart);
      return dialects;
    },
    get prose() {
      prose ??= binary ? '' : buildProse(this.dialects.text.replace(FILLERS, ' '), bodyStart);
      return prose;
    },
    get official() {
      official ??= parseOfficial(this.prose, bodyStart, knowledge.codes ?? NO_KNOWN_CODES);
      return official;
    },
    get boilerplate() {
      boilerplate ??= binary ? [] : findBoilerplate(text, bodyStart, { patterns: knowledge.boilerplate, plainText: isPlainTextBody(uri, text, bodyStart) });
      return boilerplate;
    },
    get tree() {
      tree ??= binary ? { type: 'root', children: [] } : buildBodyTree(text, bodyStart, this.dialects, bodySyntax(this));
      return tree;
    },
  };
}
