import { isMap, isScalar, parseDocument, type Document, type Node, type Pair } from 'yaml';

/** One top-level `key: value` of the front matter, with absolute offsets into the document text. */
export interface FrontMatterEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** The value as YAML loads it; `undefined` when it could not be loaded (alias bomb). */
  value: unknown;
  valueNode: Node | null;
  /** Offsets of the value's source; both equal `keyEnd` when the key has no value. */
  valueStart: number;
  valueEnd: number;
  /** True for a scalar written in quotes. */
  quoted: boolean;
}

export interface YamlProblem {
  message: string;
  start: number;
  end: number;
}

export interface FrontMatter {
  /** Offset of the opening `---`. Text between the BOM and here is what precedes the front matter. */
  start: number;
  /** Offset where the front matter would start if nothing preceded it (after a BOM). */
  textStart: number;
  openLineEnd: number;
  contentStart: number;
  contentEnd: number;
  /** Offset just past the closing line (its line break included); the body starts here. */
  end: number;
  closed: boolean;
  yaml: Document | null;
  problems: YamlProblem[];
  entries: FrontMatterEntry[];
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
const YAML_KEY_LINE = /^[^\s#:][^:]*:(\s|$)/;
/** How far down a misplaced front matter is still looked for. */
const MAX_LINES_BEFORE = 5;
/** Aliases that expand beyond this many nodes are refused (YAML "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

interface Line {
  start: number;
  end: number;
  next: number;
  text: string;
}

/** Lines after `from`, ending at LF, CRLF or a lone CR (as LineMap counts them). */
function* lines(text: string, from: number): Generator<Line> {
  const lineBreak = /\r\n?|\n/g;
  let start = from;
  while (start < text.length) {
    lineBreak.lastIndex = start;
    const match = lineBreak.exec(text);
    const end = match ? match.index : text.length;
    const next = match ? end + match[0].length : text.length;
    yield { start, end, next, text: text.slice(start, end) };
    start = next;
  }
}

/** Finds the opening fence: on the first line, or a few lines down after blank lines or stray text. */
function findOpening(text: string, textStart: number): { open: Line; afterOpen: Generator<Line> } | null {
  const iterator = lines(text, textStart);
  let index = 0;
  for (let line = iterator.next(); !line.done && index < MAX_LINES_BEFORE; line = iterator.next(), index++) {
    if (!FENCE.test(line.value.text)) continue;
    if (index === 0) return { open: line.value, afterOpen: iterator };
    // Further down, a `---` is a front matter only if YAML keys follow it; otherwise it is a rule line.
    const following = lines(text, line.value.next).next();
    if (!following.done && YAML_KEY_LINE.test(following.value.text)) return { open: line.value, afterOpen: iterator };
    return null;
  }
  return null;
}

export function parseFrontMatter(text: string, textStart: number): FrontMatter | null {
  const found = findOpening(text, textStart);
  if (!found) return null;
  const { open, afterOpen } = found;
  let close: Line | null = null;
  for (const line of afterOpen) {
    if (CLOSE.test(line.text)) {
      close = line;
      break;
    }
  }
  const contentStart = open.next;
  const frontMatter: FrontMatter = {
    start: open.start,
    textStart,
    openLineEnd: open.end,
    contentStart,
    contentEnd: close ? close.start : text.length,
    end: close ? close.next : text.length,
    closed: close !== null,
    yaml: null,
    problems: [],
    entries: [],
  };
  if (close) parseYaml(text.slice(contentStart, close.start), frontMatter);
  return frontMatter;
}

function parseYaml(source: string, frontMatter: FrontMatter): void {
  const base = frontMatter.contentStart;
  // A lone CR (old Mac files) ends a line too; LF in its place keeps every offset.
  const yaml = parseDocument(source.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false, prettyErrors: false, strict: false });
  frontMatter.yaml = yaml;
  for (const error of yaml.errors) {
    frontMatter.problems.push({ message: error.message, start: base + error.pos[0], end: base + error.pos[1] });
  }
  const root = yaml.contents;
  if (!isMap(root)) return;
  for (const pair of root.items as Pair<Node | null, Node | null>[]) {
    const entry = toEntry(pair, yaml, base, source.length, frontMatter.problems);
    if (entry) frontMatter.entries.push(entry);
  }
  for (const problem of frontMatter.problems) pointAtOpener(problem, frontMatter.entries, source, base);
}

const UNCLOSED = /^(Flow (sequence|mapping) in block collection must|Missing closing)/;

/**
 * yaml reports an unclosed `[`, `{` or quote where it gave up (often the closing `---`); the author
 * needs the line that opened it, so the problem starts at the value whose opener is never closed.
 */
function pointAtOpener(problem: YamlProblem, entries: FrontMatterEntry[], source: string, base: number): void {
  if (!UNCLOSED.test(problem.message)) return;
  const entry = entries.findLast((candidate) => candidate.valueStart <= problem.start);
  if (entry && /[[{"']/.test(source.charAt(entry.valueStart - base))) {
    problem.start = entry.valueStart;
    problem.end = entry.valueStart + 1;
  }
}

function toEntry(pair: Pair<Node | null, Node | null>, yaml: Document, base: number, sourceLength: number, problems: YamlProblem[]): FrontMatterEntry | null {
  const keyNode = pair.key;
  if (!isScalar(keyNode) || !keyNode.range) return null;
  const keyStart = base + keyNode.range[0];
  const keyEnd = base + keyNode.range[1];
  const valueNode = pair.value;
  let value: unknown = null;
  let valueStart = keyEnd;
  let valueEnd = keyEnd;
  if (valueNode && valueNode.range) {
    valueStart = base + valueNode.range[0];
    valueEnd = base + Math.min(valueNode.range[1], sourceLength);
    try {
      value = valueNode.toJS(yaml, { maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      value = undefined;
      // yaml throws for an alias bomb and for an alias whose anchor is not defined before it.
      const unresolved = error instanceof Error && /unresolved alias/i.test(error.message);
      const key = String(keyNode.value);
      const message = unresolved ? `"${key}" uses an alias whose anchor is not defined before it` : `aliases in "${key}" expand too much`;
      problems.push({ message, start: valueStart, end: valueEnd });
    }
  }
  const quoted = isScalar(valueNode) && (valueNode.type === 'QUOTE_DOUBLE' || valueNode.type === 'QUOTE_SINGLE');
  return { key: String(keyNode.value), keyStart, keyEnd, value, valueNode, valueStart, valueEnd, quoted };
}
