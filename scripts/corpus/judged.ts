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
