// `policydoc check` vs `markdownlint-cli2` (default rules) over the same generated corpus, as
// processes: wall time, CPU time and peak RSS, each the median of a few alternating runs.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './corpus';
import { generateCorpus, type Corpus } from './generate';

export const CLI_SPEED_UP_TARGET = 2;
const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  wallMs: number;
  cpuMs?: number;
  peakRssKb?: number;
  status: number | null;
}

export interface Tool {
  name: string;
  command: string[];
  env?: Record<string, string>;
}

/** Peak RSS from `/proc/<pid>/status` (VmHWM), polled while the process runs: the fallback without GNU time. */
function pollPeakRss(pid: number, peak: { kb: number }): NodeJS.Timeout {
  return setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak.kb = Math.max(peak.kb, Number(match[1]));
    } catch {
      // the process has just ended
    }
  }, 20);
}

/**
 * Runs a command with its output discarded, or its stdout written to `stdoutFile`; GNU time (when
 * installed) reports CPU time and peak RSS.
 */
export function runProcess(command: string[], cwd: string, env: Record<string, string> = {}, stdoutFile?: string): Promise<ProcessRun> {
  const timed = fs.existsSync(GNU_TIME);
  const report = path.join(os.tmpdir(), `policydoc-bench-time-${process.pid}`);
  const argv = timed ? [GNU_TIME, '-o', report, '-f', '%e %U %S %M', ...command] : command;
  return new Promise((resolve, reject) => {
    const stdout = stdoutFile === undefined ? 'ignore' : fs.openSync(stdoutFile, 'w');
    const start = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['ignore', stdout, 'ignore'], env: { ...process.env, ...env } });
    if (typeof stdout === 'number') fs.closeSync(stdout);
    const peak = { kb: 0 };
    const poll = timed ? undefined : pollPeakRss(child.pid!, peak);
    child.once('error', reject);
    child.once('exit', (status) => {
      const wallMs = performance.now() - start;
      clearInterval(poll);
      if (!timed) return resolve({ wallMs, peakRssKb: peak.kb || undefined, status });
      const last = fs.readFileSync(report, 'utf8').trim().split('\n').pop()!;
      fs.rmSync(report, { force: true });
      const [, user, system, rss] = last.split(' ').map(Number);
      resolve({ wallMs, cpuMs: (user + system) * 1000, peakRssKb: rss, status });
    });
  });
}

export interface ToolResult {
  tool: Tool;
  runs: ProcessRun[];
  median: ProcessRun;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Each measure's median over the runs (taken separately), with the last run's exit status. */
export function medianRun(runs: ProcessRun[]): ProcessRun {
  const pick = (key: 'wallMs' | 'cpuMs' | 'peakRssKb') => (runs.every((run) => run[key] !== undefined) ? median(runs.map((run) => run[key]!)) : undefined);
  return { wallMs: pick('wallMs')!, cpuMs: pick('cpuMs'), peakRssKb: pick('peakRssKb'), status: runs[runs.length - 1].status };
}

export interface CliCorpusResult {
  corpus: Corpus;
  results: ToolResult[];
  /** markdownlint-cli2 median wall time over ours (pooled). */
  speedUp: number;
  failed: string[];
}

export async function cliCorpusBench(documents: number, runs: number, log: (line: string) => void): Promise<CliCorpusResult> {
  const corpus = generateCorpus(documents);
  const node = process.execPath;
  const tools: Tool[] = [
    { name: 'policydoc check (worker threads)', command: [node, path.join(ROOT, 'server/out/cli.js'), 'check', '.', '--all'] },
    { name: 'policydoc check (one thread)', command: [node, path.join(ROOT, 'server/out/cli.js'), 'check', '.', '--all'], env: { POLICYDOC_WORKERS: '0' } },
    { name: 'markdownlint-cli2 (default rules)', command: [node, path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.{md,markdown,txt}'] },
  ];
  for (const tool of tools) if (!fs.existsSync(tool.command[1])) throw new Error(`${tool.command[1]} is missing: run npm install and npm run build`);
  // Warm the page cache, so the first tool measured is not the one that reads from disk.
  await runProcess(tools[0].command, corpus.dir);
  const all = new Map<Tool, ProcessRun[]>(tools.map((tool) => [tool, []]));
  for (let round = 0; round < runs; round++) {
    for (const tool of tools) {
      const run = await runProcess(tool.command, corpus.dir, tool.env);
      // Both exit 1 when they find errors, which the injected faults make sure of.
      if (run.status !== 1) throw new Error(`${tool.name} exited with ${run.status} on the corpus`);
      all.get(tool)!.push(run);
      log(`  ${tool.name}: ${(run.wallMs / 1000).toFixed(2)} s`);
    }
  }
  const results = tools.map((tool) => ({ tool, runs: all.get(tool)!, median: medianRun(all.get(tool)!) }));
  const speedUp = results[2].median.wallMs / results[0].median.wallMs;
  const failed = speedUp < CLI_SPEED_UP_TARGET ? [`policydoc check only ${speedUp.toFixed(2)}× faster than markdownlint-cli2 (target ${CLI_SPEED_UP_TARGET}×)`] : [];
  return { corpus, results, speedUp, failed };
}

export function cliCorpusTable(result: CliCorpusResult): string {
  const ours = result.results[0].median.wallMs;
  const lines = ['| tool | runs | wall s (median) | CPU s (user+sys) | peak RSS MB | wall vs policydoc |', '|---|---:|---:|---:|---:|---:|'];
  for (const { tool, runs, median: m } of result.results) {
    const cpu = m.cpuMs === undefined ? '—' : (m.cpuMs / 1000).toFixed(2);
    const rss = m.peakRssKb === undefined ? '—' : (m.peakRssKb / 1024).toFixed(0);
    lines.push(`| ${tool.name} | ${runs.length} | ${(m.wallMs / 1000).toFixed(2)} | ${cpu} | ${rss} | ${(m.wallMs / ours).toFixed(2)}× |`);
  }
  return lines.join('\n');
}
