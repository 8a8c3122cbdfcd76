// The judged findings of the committed sample (test/corpus/judged.json): each finding read in its
// document and judged true (a real fault) or false, with a one-line reason.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { keyOf, ROOT, type CorpusFinding } from './findings';

export const JUDGED_FILE = path.join(ROOT, 'test/corpus/judged.json');
export const SAMPLE_DIR = path.join(ROOT, 'test/corpus/docs');

export interface Judgement extends Pick<CorpusFinding, 'file' | 'rule' | 'range'> {
  excerpt: string;
  verdict: boolean;
  reason: string;
}

export function loadJudgements(file = JUDGED_FILE): Map<string, Judgement> {
  if (!fs.existsSync(file)) return new Map();
  const { judgements } = JSON.parse(fs.readFileSync(file, 'utf8')) as { judgements: Judgement[] };
  return new Map(judgements.map((judgement) => [keyOf(judgement), judgement]));
}

const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/**
 * The findings judged true that the rules no longer report: no finding of the same rule in the same
 * file covers the judged range (a rule that now reports a whole line instead of each character on it
 * still covers them). Findings judged false may go: that is a false alarm fixed.
 */
export function lostTrueFindings(judgements: Iterable<Judgement>, findings: CorpusFinding[]): Judgement[] {
  const byFileRule = new Map<string, CorpusFinding[]>();
  for (const finding of findings) {
    const key = `${finding.file}|${finding.rule}`;
    const list = byFileRule.get(key) ?? [];
    list.push(finding);
    byFileRule.set(key, list);
  }
  return [...judgements].filter(
    (judged) =>
      judged.verdict &&
      !(byFileRule.get(`${judged.file}|${judged.rule}`) ?? []).some((finding) => before(finding.range.start, judged.range.start) && before(judged.range.end, finding.range.end)),
  );
}
