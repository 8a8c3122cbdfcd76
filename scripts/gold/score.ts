/**
 * Scoring a cleaned text against a gold text by paragraphs in order (issue 12, "Honest measurement").
 * Pure functions, no I/O: the bench and the gold-set test read the files and call these.
 *
 * The rules, applied the same way to our output, Readability's and the gold:
 * - A paragraph is one non-empty line. A line break inside a block (`<br>`, a 落款 line) is a
 *   paragraph break for every side; blank lines are ignored.
 * - Normalisation of a paragraph: Unicode whitespace (which includes U+3000 full-width indentation,
 *   U+2003 `&emsp;`, U+00A0) and zero-width characters (U+200B–U+200D, U+FEFF) are whitespace;
 *   whitespace with a CJK character on either side is removed, any other run becomes one space, and
 *   the ends are trimmed. Nothing else changes: no NFKC, so CJK punctuation (，。：“”) and
 *   full-width letters stay as written and a half-width comma does not match a full-width one.
 * - Alignment: the longest common subsequence of the two paragraph sequences, where two paragraphs
 *   match when their normalised texts are equal, or (near match) when their edit similarity
 *   1 − Levenshtein(a, b) / max(|a|, |b|), over code points, is at least `nearSimilarity` (0.95 by
 *   default; 1 turns near matches off). Order matters: a swapped pair keeps only one of the two.
 * - recall = matched / gold paragraphs, precision = matched / our paragraphs, F1 their harmonic mean
 *   (0 when nothing matches; 1 when both sides are empty).
 */

export interface ScoreOptions {
  /** Edit similarity at or above which two different paragraphs still count as matched. */
  nearSimilarity?: number;
}

export interface ParagraphScore {
  gold: number;
  ours: number;
  /** Matched paragraphs in the alignment, near matches included. */
  matched: number;
  /** Of `matched`, the ones matched only by edit similarity. */
  near: number;
  recall: number;
  precision: number;
  f1: number;
}

/** The markup a reader should never see, counted in the output text as it is shown. */
export const MARKUP_FRAGMENTS = ['p>', ':::', '{%', '&emsp;', '**', '<br', '{{'] as const;

export const DEFAULT_NEAR_SIMILARITY = 0.95;

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3001-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7';
const SPACE = '[\\s\\u200b-\\u200d\\ufeff]+';
const SPACE_BEFORE_CJK = new RegExp(`${SPACE}(?=[${CJK}])`, 'gu');
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}])${SPACE}`, 'gu');
const ANY_SPACE = new RegExp(SPACE, 'gu');

export function normalizeParagraph(text: string): string {
  return text.replace(SPACE_BEFORE_CJK, '').replace(SPACE_AFTER_CJK, '').replace(ANY_SPACE, ' ').trim();
}

/** The normalised, non-empty paragraphs of a text, one per line. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(normalizeParagraph)
    .filter((paragraph) => paragraph !== '');
}

/**
 * Drops the leading paragraphs that repeat the title a system shows in its header (our cleaner's
 * text starts with it; Readability's content sometimes does), so the body is scored without it.
 */
export function withoutLeadingTitle(paragraphs: readonly string[], title: string | undefined): string[] {
  const shown = normalizeParagraph(title ?? '');
  let start = 0;
  while (shown !== '' && start < paragraphs.length && paragraphs[start] === shown) start++;
  return paragraphs.slice(start);
}

/**
 * Levenshtein distance over code points, or `limit + 1` as soon as it must exceed `limit`
 * (a band of width 2·limit + 1 around the diagonal keeps long paragraphs cheap).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  const outside = limit + 1;
  let previous = new Array<number>(y.length + 1).fill(outside);
  for (let j = 0; j <= Math.min(y.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= x.length; i++) {
    const current = new Array<number>(y.length + 1).fill(outside);
    if (i <= limit) current[0] = i;
    const from = Math.max(1, i - limit);
    const to = Math.min(y.length, i + limit);
    let best = current[0];
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1, outside);
      best = Math.min(best, current[j]);
    }
    if (best > limit) return outside;
    previous = current;
  }
  return Math.min(previous[y.length], outside);
}

/** 1 − distance / longer length, or 0 when it is certainly below `atLeast`. */
export function editSimilarity(a: string, b: string, atLeast = 0): number {
  const longer = Math.max([...a].length, [...b].length);
  if (longer === 0) return 1;
  const limit = Math.floor((1 - atLeast) * longer + 1e-9);
  const distance = boundedEditDistance(a, b, limit);
  return distance > limit ? 0 : 1 - distance / longer;
}

/** Scores normalised paragraph sequences (see `paragraphsOf`). */
export function scoreParagraphs(ours: readonly string[], gold: readonly string[], options: ScoreOptions = {}): ParagraphScore {
  const threshold = options.nearSimilarity ?? DEFAULT_NEAR_SIMILARITY;
  const kind = (a: string, b: string): 0 | 1 | 2 => (a === b ? 2 : threshold < 1 && editSimilarity(a, b, threshold) >= threshold ? 1 : 0);
  // LCS table over (ours, gold); ties prefer exact matches by weighting them slightly higher.
  const rows = ours.length + 1;
  const cols = gold.length + 1;
  const length = new Float64Array(rows * cols);
  const pairKind = new Uint8Array(rows * cols);
  const EXACT_BONUS = 1e-6;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const k = kind(ours[i - 1], gold[j - 1]);
      pairKind[i * cols + j] = k;
      const diagonal = k === 0 ? -1 : length[(i - 1) * cols + (j - 1)] + 1 + (k === 2 ? EXACT_BONUS : 0);
      length[i * cols + j] = Math.max(diagonal, length[(i - 1) * cols + j], length[i * cols + (j - 1)]);
    }
  }
  let matched = 0;
  let near = 0;
  for (let i = ours.length, j = gold.length; i > 0 && j > 0; ) {
    const here = length[i * cols + j];
    const k = pairKind[i * cols + j];
    if (k !== 0 && here === length[(i - 1) * cols + (j - 1)] + 1 + (k === 2 ? EXACT_BONUS : 0)) {
      matched++;
      if (k === 1) near++;
      i--;
      j--;
    } else if (here === length[(i - 1) * cols + j]) i--;
    else j--;
  }
  const recall = gold.length === 0 ? (ours.length === 0 ? 1 : 0) : matched / gold.length;
  const precision = ours.length === 0 ? (gold.length === 0 ? 1 : 0) : matched / ours.length;
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return { gold: gold.length, ours: ours.length, matched, near, recall, precision, f1 };
}

/** Scores texts (one paragraph per line) after normalising both. */
export function scoreText(ours: string, gold: string, options: ScoreOptions = {}): ParagraphScore {
  return scoreParagraphs(paragraphsOf(ours), paragraphsOf(gold), options);
}

/** Whether the title a system shows equals the gold title after normalisation. */
export function titleShown(shown: string | undefined, gold: string): boolean {
  const expected = normalizeParagraph(gold);
  return expected !== '' && normalizeParagraph(shown ?? '') === expected;
}

/** Occurrences of each markup fragment in the shown text (title and body), and their total. */
export function markupFragments(text: string): { total: number; byFragment: Record<string, number> } {
  const byFragment: Record<string, number> = {};
  let total = 0;
  for (const fragment of MARKUP_FRAGMENTS) {
    let count = 0;
    for (let at = text.indexOf(fragment); at !== -1; at = text.indexOf(fragment, at + fragment.length)) count++;
    if (count > 0) byFragment[fragment] = count;
    total += count;
  }
  return { total, byFragment };
}

/** Sums paragraph counts over documents (micro average: every paragraph weighs the same). */
export function pooledScore(scores: readonly ParagraphScore[]): ParagraphScore {
  const sum = (pick: (score: ParagraphScore) => number) => scores.reduce((total, score) => total + pick(score), 0);
  const gold = sum((s) => s.gold);
  const ours = sum((s) => s.ours);
  const matched = sum((s) => s.matched);
  const recall = gold === 0 ? (ours === 0 ? 1 : 0) : matched / gold;
  const precision = ours === 0 ? (gold === 0 ? 1 : 0) : matched / ours;
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return { gold, ours, matched, near: sum((s) => s.near), recall, precision, f1 };
}
