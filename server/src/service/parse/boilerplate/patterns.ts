import data from '../../../../data/boilerplate.json';
import { fill } from '../../i18n';
import type { Message } from '../../types';

/** The kinds a data pattern may have (`server/data/boilerplate/*.yaml`, `.policydoc/boilerplate.yaml`). */
export const PATTERN_KINDS = ['share', 'qr', 'editor', 'navigation', 'footer', 'disclaimer', 'promotion', 'banner', 'conversion', 'stray-markup', 'placeholder', 'comment'] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];

/** A longer paragraph is article text, whatever it starts or ends with: never whole-paragraph boilerplate. */
export const MAX_PARAGRAPH_LENGTH = 400;

/** One entry as written in the data: `example` or `examples`, `seen` for each (optional in a user file). */
export interface PatternEntry {
  kind: string;
  pattern: string;
  example?: string;
  examples?: string[];
  seen?: string | string[];
  inline?: boolean;
  /** False for text a site or generator writes on purpose (a 查看原文 link, a disclaimer): the clean view drops it, web-boilerplate does not report it. */
  report?: boolean;
}

/** A compiled pattern. Whole-paragraph patterns (`^…$`) match a trimmed paragraph; inline ones cut their match. */
export interface BoilerplatePattern {
  kind: PatternKind;
  regex: RegExp;
  inline: boolean;
  /** Reported by web-boilerplate (false: only left out of the clean view). */
  report: boolean;
  examples: string[];
  /** True for an entry of the user's `.policydoc/boilerplate.yaml`. */
  user?: boolean;
}

const MESSAGES = {
  kind: { en: 'Unknown kind "{kind}"; known kinds: {known}.', zh: '未知类别“{kind}”；可用类别：{known}。' },
  regex: { en: 'The pattern is not a valid regular expression: {error}', zh: '模式不是有效的正则表达式：{error}' },
  example: { en: 'Give at least one real example ("example" or "examples") that the pattern matches.', zh: '请至少给出一个该模式能匹配的真实示例（“example”或“examples”）。' },
  anchored: { en: 'A whole-paragraph pattern starts with ^ and ends with $ (or set "inline: true" to cut only the matched text).', zh: '整段模式应以 ^ 开头、以 $ 结尾（或设“inline: true”只删除匹配到的文字）。' },
  noMatch: { en: 'The pattern does not match its example "{example}".', zh: '模式不能匹配其示例“{example}”。' },
  empty: { en: 'The pattern matches empty text, so it would cut nothing or everything.', zh: '模式可匹配空文字，无法用于删除。' },
} satisfies Record<string, Message>;

/** The text a pattern is tested against for an example: a comment's inside, a paragraph trimmed, an inline example as is. */
function exampleSubject(kind: PatternKind, inline: boolean, example: string): string {
  if (kind === 'comment') return example.replace(/^\s*<!--/, '').replace(/-->\s*$/, '');
  return inline ? example : trimParagraph(example);
}

/** Trims a paragraph's text: ASCII and ideographic spaces and no-break spaces. */
export function trimParagraph(text: string): string {
  // String.prototype.trim removes exactly what \s matches, ideographic and no-break spaces included.
  return text.trim();
}

/**
 * Compiles one entry, or says what is wrong with it: an unknown kind, an invalid regular expression
 * (JavaScript, 'u' flag), no example, an unanchored whole-paragraph pattern, an example it does not match.
 */
/** What is wrong with an entry, and the field to point at. */
export interface PatternProblem {
  problem: Message;
  field: 'kind' | 'pattern' | 'example';
}

export function compilePattern(entry: PatternEntry): { pattern: BoilerplatePattern } | PatternProblem {
  if (!(PATTERN_KINDS as readonly string[]).includes(entry.kind)) return { problem: fill(MESSAGES.kind, { kind: entry.kind, known: PATTERN_KINDS.join(', ') }), field: 'kind' };
  const kind = entry.kind as PatternKind;
  const inline = entry.inline === true;
  let regex: RegExp;
  try {
    regex = new RegExp(entry.pattern, inline ? 'gu' : 'u');
  } catch (error) {
    return { problem: fill(MESSAGES.regex, { error: error instanceof Error ? error.message : String(error) }), field: 'pattern' };
  }
  const examples = [...(entry.example !== undefined ? [entry.example] : []), ...(entry.examples ?? [])].filter((example) => example.trim() !== '');
  if (examples.length === 0) return { problem: MESSAGES.example, field: 'example' };
  if (!inline && kind !== 'comment' && !(entry.pattern.startsWith('^') && entry.pattern.endsWith('$'))) return { problem: MESSAGES.anchored, field: 'pattern' };
  if (inline && new RegExp(entry.pattern, 'u').test('')) return { problem: MESSAGES.empty, field: 'pattern' };
  for (const example of examples) {
    regex.lastIndex = 0;
    if (!regex.test(exampleSubject(kind, inline, example))) return { problem: fill(MESSAGES.noMatch, { example }), field: 'example' };
  }
  regex.lastIndex = 0;
  return { pattern: { kind, regex, inline, report: entry.report !== false, examples } };
}

/** The patterns in force: the shipped ones, extended by the user's. Compiled once per set. */
export class BoilerplatePatterns {
  readonly comments: readonly BoilerplatePattern[];
  readonly paragraphs: readonly BoilerplatePattern[];
  readonly inline: readonly BoilerplatePattern[];

  /** One regex that matches wherever some paragraph (inline) pattern does: most lines match none, and are tested once instead of once a pattern. */
  private readonly anyParagraph: RegExp | undefined;
  private readonly anyInline: RegExp | undefined;

  constructor(readonly all: readonly BoilerplatePattern[]) {
    this.comments = all.filter((pattern) => pattern.kind === 'comment');
    this.paragraphs = all.filter((pattern) => pattern.kind !== 'comment' && !pattern.inline);
    this.inline = all.filter((pattern) => pattern.kind !== 'comment' && pattern.inline);
    this.anyParagraph = anyOf(this.paragraphs);
    this.anyInline = anyOf(this.inline);
  }

  /** Whether some inline pattern may match `text` (false means none does). */
  mayHaveInline(text: string): boolean {
    return this.inline.length > 0 && (this.anyInline?.test(text) ?? true);
  }

  /** The first whole-paragraph pattern the trimmed text matches. */
  paragraphPattern(text: string): BoilerplatePattern | undefined {
    const trimmed = trimParagraph(text);
    if (trimmed === '' || trimmed.length > MAX_PARAGRAPH_LENGTH) return undefined;
    if (this.anyParagraph && !this.anyParagraph.test(trimmed)) return undefined;
    return this.paragraphs.find((pattern) => pattern.regex.test(trimmed));
  }

  isPortalComment(data: string): boolean {
    return this.comments.some((pattern) => pattern.regex.test(data));
  }

  extend(user: readonly BoilerplatePattern[]): BoilerplatePatterns {
    return user.length === 0 ? this : new BoilerplatePatterns([...this.all, ...user]);
  }
}

/**
 * The alternation of the patterns (each in its own group), or undefined when that could change what
 * one of them means: a back-reference or a named group refers to its own pattern's groups.
 */
function anyOf(patterns: readonly BoilerplatePattern[]): RegExp | undefined {
  if (patterns.length < 2 || patterns.some(({ regex }) => /\\(?:[1-9]|k<)|\(\?</.test(regex.source.replace(/\(\?<[=!]/g, '')))) return undefined;
  try {
    return new RegExp(patterns.map(({ regex }) => `(?:${regex.source})`).join('|'), 'u');
  } catch {
    return undefined;
  }
}

interface SourceFile {
  file: string;
  source: string;
  url: string;
  patterns: PatternEntry[];
}

/** The shipped sources as bundled (`server/data/boilerplate.json`, generated from the YAML files). */
export const BOILERPLATE_SOURCES: readonly SourceFile[] = (data as { sources: SourceFile[] }).sources;

let shippedPatterns: BoilerplatePatterns | undefined;

/** The shipped patterns, compiled on first use; a broken shipped entry (the data tests forbid one) is left out. */
export function shippedBoilerplate(): BoilerplatePatterns {
  shippedPatterns ??= new BoilerplatePatterns(BOILERPLATE_SOURCES.flatMap((source) => source.patterns.flatMap((entry) => {
    const compiled = compilePattern(entry);
    return 'pattern' in compiled ? [compiled.pattern] : [];
  })));
  return shippedPatterns;
}
