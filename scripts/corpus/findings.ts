// Runs `policydoc check` as a process over a folder of real documents and flattens its JSON output,
// for the corpus report (scripts/corpus/report.ts) and the precision test (test/corpus/).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
/** The CLI under test; POLICYDOC_CLI points elsewhere, e.g. at an older build for a before/after comparison. */
const CLI = process.env.POLICYDOC_CLI ?? path.join(ROOT, 'server/out/cli.js');

interface Position {
  line: number;
  character: number;
}

export interface CorpusFinding {
  /** Path relative to the checked folder, with forward slashes. */
  file: string;
  rule: string;
  severity: string;
  message: string;
  range: { start: Position; end: Position };
}

export interface CheckedFile {
  file: string;
  profile: string | null;
  diagnostics: Omit<CorpusFinding, 'file'>[];
  truncated?: Record<string, number>;
}

export interface CheckRun {
  files: CheckedFile[];
  milliseconds: number;
  workers: string;
  /** What the CLI wrote to stderr: a rule that threw is logged there and skipped. */
  stderr: string;
}

/** `policydoc check DIR --format json`, run from DIR so paths come out relative to it. */
export function checkFolder(dir: string, workers?: number): CheckRun {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' };
  if (workers !== undefined) env.POLICYDOC_WORKERS = String(workers);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CLI, 'check', '.', '--all', '--format', 'json', '--lang', 'en'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    maxBuffer: 2 ** 31 - 1,
  });
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`policydoc check exited with ${run.status}: ${run.stderr}`);
  return { files: JSON.parse(run.stdout) as CheckedFile[], milliseconds, workers: env.POLICYDOC_WORKERS ?? 'default (one per core above 200 files)', stderr: run.stderr };
}

export function flatten(files: CheckedFile[]): CorpusFinding[] {
  return files.flatMap((entry) => entry.diagnostics.map((diagnostic) => ({ file: entry.file, ...diagnostic })));
}

/** Identifies a finding across runs: where it is and which rule made it (the message may be reworded). */
export function keyOf(finding: Pick<CorpusFinding, 'file' | 'rule' | 'range'>): string {
  const { start, end } = finding.range;
  return `${finding.file}|${finding.rule}|${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** Rules with at most this many findings are judged in full; above it, a fixed sample of SAMPLE_SIZE. */
export const JUDGE_ALL_UP_TO = 250;
export const SAMPLE_SIZE = 200;

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The findings of each rule that must be judged: all of them, or a fixed pseudo-random sample ordered by the hash of their key. */
export function sampleForJudging(findings: CorpusFinding[]): Map<string, CorpusFinding[]> {
  const byRule = new Map<string, CorpusFinding[]>();
  for (const finding of findings) {
    const list = byRule.get(finding.rule) ?? [];
    list.push(finding);
    byRule.set(finding.rule, list);
  }
  for (const [rule, list] of byRule) {
    if (list.length <= JUDGE_ALL_UP_TO) continue;
    byRule.set(rule, list.map((finding) => ({ finding, order: hash(keyOf(finding)) })).sort((a, b) => (a.order < b.order ? -1 : 1)).slice(0, SAMPLE_SIZE).map(({ finding }) => finding));
  }
  return byRule;
}

const LINE_BREAK = /\r\n?|\n/;
const CONTEXT = 60;

/** The finding's line with the reported range marked ⟦…⟧, cut to about CONTEXT characters on each side. */
export function excerpt(dir: string, finding: CorpusFinding, cache = new Map<string, string[]>()): string {
  let lines = cache.get(finding.file);
  if (!lines) cache.set(finding.file, (lines = fs.readFileSync(path.join(dir, finding.file), 'utf8').split(LINE_BREAK)));
  const { start, end } = finding.range;
  const line = lines[start.line] ?? '';
  const stop = end.line === start.line ? end.character : line.length;
  const before = line.slice(Math.max(0, start.character - CONTEXT), start.character);
  const after = line.slice(stop, stop + CONTEXT);
  return `${before}⟦${line.slice(start.character, stop)}⟧${after}`;
}
