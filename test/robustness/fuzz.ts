// Shared pieces of the robustness suite: fast-check settings, document mutations and the invariants every result must keep.
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as fc from 'fast-check';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { LineMap } from '../../server/src/service/parse/lineMap';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/**
 * A fixed seed and a small number of runs keep CI reproducible and quick; POLICYDOC_FUZZ_SEED and
 * POLICYDOC_FUZZ_RUNS change them (POLICYDOC_FUZZ_SEED=random picks a new seed, printed below).
 */
const DEFAULT_SEED = 20_260_701;
function fuzzSeed(): number {
  const given = process.env.POLICYDOC_FUZZ_SEED;
  if (given === undefined || given === '') return DEFAULT_SEED;
  if (given === 'random') return (Math.random() * 2 ** 31) | 0;
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`POLICYDOC_FUZZ_SEED must be an integer or "random", not ${given}`);
  return seed;
}
export const FUZZ_SEED = fuzzSeed();
/** The run count for a property, scaled by POLICYDOC_FUZZ_RUNS (a multiplier of the CI default). */
export function runs(ciRuns: number): number {
  const scale = Number(process.env.POLICYDOC_FUZZ_RUNS ?? '1');
  return Math.max(1, Math.round(ciRuns * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
fc.configureGlobal({ seed: FUZZ_SEED, numRuns: runs(100) });
if (FUZZ_SEED !== DEFAULT_SEED) process.stdout.write(`# policydoc fuzz seed ${FUZZ_SEED}\n`);

/** fc.assert, with the seed in the failure message so a failure found in CI can be replayed. */
export async function check<T>(property: fc.IAsyncProperty<T> | fc.IProperty<T>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property as fc.IAsyncProperty<T>, { numRuns });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `\n${error.cause.stack ?? error.cause.message}` : '';
    const message = (error instanceof Error ? error.message : String(error)) + cause;
    throw new Error(`property failed (replay with POLICYDOC_FUZZ_SEED=${FUZZ_SEED}):\n${message}`);
  }
}

/** A bound on one call's latency that catches hangs and runaway work: not a performance target. */
export const CALL_BOUND_MS = 1000;

/**
 * How much slower than an idle machine this one is now: the load average per core, at least 1. A
 * shared CI machine may run other jobs on every core; a hang or a quadratic blow-up is still far
 * beyond the scaled bound, which is what these bounds are for.
 */
export function loadFactor(): number {
  return Math.max(1, os.loadavg()[0] / Math.max(1, os.availableParallelism()));
}

function checkBound(what: string, elapsed: number, bound: number): void {
  const scaled = bound * loadFactor();
  if (elapsed > scaled) throw new Error(`${what} took ${Math.round(elapsed)} ms (bound ${Math.round(scaled)} ms: ${bound} ms × load ${loadFactor().toFixed(1)})`);
}

export function timed<T>(what: string, call: () => T, bound = CALL_BOUND_MS): T {
  const start = performance.now();
  const result = call();
  checkBound(what, performance.now() - start, bound);
  return result;
}
export async function timedAsync<T>(what: string, call: () => Promise<T>, bound = CALL_BOUND_MS): Promise<T> {
  const start = performance.now();
  const result = await call();
  checkBound(what, performance.now() - start, bound);
  return result;
}

/** The seed documents (not the hostile cleaner corpus), plus short official texts and posts to mutate. */
export const SEED_TEXTS: readonly string[] = [
  ...fs
    .readdirSync(FIXTURES)
    .filter((name) => fs.statSync(path.join(FIXTURES, name)).isFile())
    .sort()
    .map((name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8')),
  '关于开展消费扶贫行动的通知\n\n商财函〔2020〕68号\n\n各省、自治区、直辖市商务主管部门：\n\n一、总体要求\n\n（一）提高认识。\n\n1.加强领导。\n\n（1）落实责任。\n\n附件:1.名单\n\n中华人民共和国商务部\n\n2020年03月11日\n',
  '---\ntitle: t\ndate: Fri, 20 May 2021 03:12:16 GMT\ncategories: [金融]\ncomments: "false"\ncatagories: x\nheadimg: htps://a\n---\n<p>　　国家发改委、国务院扶贫办(2020)第68号，见《通知</p>\n<!-- policydoc-disable-next-line agency-name -->\n国家发改委\n',
];

/** Fragments that mean something to the parser, the rules or the cleaner: the mutations splice them in. */
const TOKENS = [
  '---', '---\n', '...', '\n', '\r\n', '\r', '\uFEFF', '\0', '\t', ' ', '\u3000', '\uD83D', '\uDE00', '😀', '𠀀', 'e\u0301',
  'title:', 'date:', 'categories:', '- ', ': ', '&a ', '*a', '!!binary', '[', ']', '{', '}', '"', "'", '#', '|', '>',
  '〔', '〕', '〔2020〕', '[2020]', '（2020）', '第', '号', '商财函', '国发', '2020年03月11日', '2月30日', '一、', '（一）', '1.', '（1）',
  '《', '》', '“', '”', '（', '）', ',', ';', ':', '附件:', '国家发改委', '国务院扶贫办', '北大法宝', '法宝引证码', 'CLI.4.340400',
  '原标题：', '责任编辑：', '来源：', '<p>', '</p>', '<div>', '</div>', '<span id="stock_sz000061">', '<a href="javascript:alert(1)">',
  '<img src="data:image/svg+xml,x" onerror="x">', '<script>', '</script>', '<style>', '<!--', '-->', '<!-- policydoc-disable -->',
  '<!-- policydoc-enable -->', '<!-- policydoc-disable-next-line yaml-syntax -->', '&#123;', '&#x09;', '&', '<', '>', 'http://', 'https://a.cn/x)',
  '<a href="https://a.cn/(x) [y](javascript:z)">a</a>', '<img src="x.png) ![y](javascript:z)" alt="b">', '<a href="/a b\\">c</a>',
];

/** Random text: any code point (lone surrogates included), meaningful tokens, or a slice of another seed. */
const insertion: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SEED_TEXTS), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(200)).map(([seed, at, length]) => seed.slice(Math.floor(at * seed.length), Math.floor(at * seed.length) + length)) },
);

/** A position as a fraction of the text's length, so a mutation applies to any text. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const at = (text: string, f: number) => Math.min(text.length, Math.floor(f * (text.length + 1)));

export type Mutation = (text: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fraction, insertion).map(([f, s]): Mutation => (t) => t.slice(0, at(t, f)) + s + t.slice(at(t, f))),
  fc.tuple(fraction, fc.nat(80)).map(([f, n]): Mutation => (t) => t.slice(0, at(t, f)) + t.slice(at(t, f) + n)),
  fc.tuple(fraction, fc.nat(40), insertion).map(([f, n, s]): Mutation => (t) => t.slice(0, at(t, f)) + s + t.slice(at(t, f) + n)),
  fraction.map((f): Mutation => (t) => t.slice(0, at(t, f))),
  fc.constant<Mutation>((t) => t.replace(/\r?\n/g, '\r\n')),
  fc.constant<Mutation>((t) => t.replace(/\r\n?/g, '\n')),
  // One line ending flipped: mixed CRLF / LF / CR.
  fc.tuple(fraction, fc.constantFrom('\r\n', '\r', '\n')).map(([f, eol]): Mutation => (t) => t.slice(0, at(t, f)) + t.slice(at(t, f)).replace(/\r\n|\r|\n/, eol)),
  fc.constant<Mutation>((t) => (t.startsWith('\uFEFF') ? t.slice(1) : `\uFEFF${t}`)),
  fc.tuple(fraction, fraction).map(([a, b]): Mutation => (t) => t + t.slice(Math.min(at(t, a), at(t, b)), Math.max(at(t, a), at(t, b)))),
);

/** A seed (or an empty text) with a few random mutations applied. */
export const mutatedDocument: fc.Arbitrary<string> = fc
  .tuple(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...SEED_TEXTS) }, { weight: 1, arbitrary: fc.constant('') }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, mutations]) => mutations.reduce((text, mutate) => mutate(text), seed));

/** A position in the text, usually inside it and sometimes past a line's end or past the last line. */
export function positionIn(text: string, f: number, wild: number): Position {
  const lines = new LineMap(text);
  const position = lines.positionAt(at(text, f));
  if (wild === 1) return { line: position.line, character: position.character + 5 };
  if (wild === 2) return { line: lines.lineCount + 3, character: 0 };
  return position;
}
export const positionSpec = fc.tuple(fraction, fc.integer({ min: 0, max: 9 }));

/** Fails unless the range is a well-ordered range of positions that exist in the text. */
export function assertRangeInside(lines: LineMap, range: Range, what: string): void {
  for (const [name, position] of [['start', range.start], ['end', range.end]] as const) {
    const { line, character } = position;
    if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0 || line >= lines.lineCount) {
      throw new Error(`${what}: ${name} ${JSON.stringify(position)} is outside the document (${lines.lineCount} lines)`);
    }
    const length = lines.lineEnd(line) - lines.lineStarts[line];
    if (character > length) throw new Error(`${what}: ${name} ${JSON.stringify(position)} is past the end of line ${line} (length ${length})`);
  }
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  if (start > end) throw new Error(`${what}: range ${JSON.stringify(range)} ends before it starts`);
}

/**
 * Applies edits with its own arithmetic (no clamping), checking they do not overlap; the text outside
 * the edited spans is then, by construction, the original text — the check is that this is possible.
 */
export function applyConfined(text: string, edits: readonly TextEdit[], what: string): string {
  const lines = new LineMap(text);
  const spans = edits.map((edit) => {
    assertRangeInside(lines, edit.range, what);
    return { start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText };
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) throw new Error(`${what}: edits overlap at offset ${span.start}`);
    out += text.slice(cursor, span.start) + span.newText;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/** True when the text has no unpaired UTF-16 surrogate (what a UTF-8 file can hold). */
export function wellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
