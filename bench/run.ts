// `npm run bench`: validation time per document through the language service, and `policydoc check` as a process.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/service';
import { cleanBench } from './clean';
import { largeDocument, ROOT, seeds, type BenchDocument } from './corpus';
import { measure, summarize, type Summary } from './stats';

interface Row {
  name: string;
  summary: Summary;
  /** p99 target in ms, when there is one. */
  target?: number;
}

const SEED_TARGET_MS = 2;
const LARGE_TARGET_MS = 100;

// A fixed clock, so date rules behave the same on every run.
const service = createLanguageService({ locale: 'en', now: () => new Date('2026-01-01T00:00:00Z') });

function validate(doc: BenchDocument): void {
  service.getDiagnostics(service.parse(`file:///bench/${doc.name.replace(/\s+/g, '-')}`, doc.text));
}

function validationTime(doc: BenchDocument, warmup: number, iterations: number, target: number): Row {
  return { name: doc.name, summary: summarize(measure(() => validate(doc), warmup, iterations)), target };
}

function cliTime(runs: number): Row | undefined {
  const cli = path.join(ROOT, 'server/out/cli.js');
  if (!fs.existsSync(cli)) return undefined;
  const once = () => {
    const result = spawnSync(process.execPath, [cli, 'check', 'samples', '--format', 'json'], { cwd: ROOT, stdio: 'ignore' });
    if (result.status !== 0 && result.status !== 1) throw new Error(`policydoc check samples exited with ${result.status}`);
  };
  const files = fs.readdirSync(path.join(ROOT, 'samples')).filter((name) => /\.(md|markdown|txt)$/.test(name)).length;
  return { name: `policydoc check samples (process, ${files} files)`, summary: summarize(measure(once, 1, runs)) };
}

const ms = (value: number) => value.toFixed(3);

function table(rows: Row[]): string {
  const lines = ['| document | n | p50 ms | p95 ms | p99 ms | max ms | target (p99) |', '|---|---:|---:|---:|---:|---:|---|'];
  for (const { name, summary: s, target } of rows) {
    const verdict = target === undefined ? '—' : `< ${target} ms: ${s.p99 < target ? 'pass' : 'FAIL'}`;
    lines.push(`| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${verdict} |`);
  }
  return lines.join('\n');
}

function main(): void {
  // Warm up on every seed in turn, so the JIT has seen all the code paths before the first seed is measured.
  const docs = seeds();
  for (let round = 0; round < 200; round++) docs.forEach(validate);
  const rows = docs.map((seed) => validationTime(seed, 50, 500, SEED_TARGET_MS));
  rows.push(validationTime(largeDocument(1024 * 1024), 3, 30, LARGE_TARGET_MS));
  const cli = cliTime(10);

  const cpus = os.cpus();
  const machine = [
    `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'} (${cpus.length} cores)`,
    `- Node: ${process.version} on ${os.platform()} ${os.arch()}`,
    `- Date: ${new Date().toISOString()}`,
    // Other work on the machine shows up in the tail percentiles; the load tells the reader how quiet it was.
    `- Load average (1 min) at the end: ${os.loadavg()[0].toFixed(2)}`,
  ].join('\n');
  const validation = table(rows);
  const process_ = cli ? table([cli]) : '_server/out/cli.js not built: run `npm run build` first._';
  const failed = rows.filter((row) => row.target !== undefined && row.summary.p99 >= row.target);

  const clean = cleanBench();
  console.log(`${machine}\n\nValidation (parse + getDiagnostics):\n${validation}\n\nCLI:\n${process_}\n\nCleaner vs Readability:\n${clean.table}`);
  const report = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); figures from the machine below.

${machine}

## Validation through the language service (parse + getDiagnostics)

Seeds: 200 warm-up rounds over all seeds, then per seed 50 warm-up runs, then 500 measured; the generated document: 3 warm-up runs, then 30.

${validation}

## \`policydoc check samples\` as a process (Node start-up included)

${process_}

## Cleaner vs @mozilla/readability on jsdom (same seeds, same run)

Time: p50 of parse + cleanDocument (200 runs) vs JSDOM + Readability.parse (20 runs). F1: over the
non-space characters of the output against the hand-written gold text (test/gold/). Targets: at
least 20× faster on average, and a higher F1.

${clean.table}
`;
  fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), report);
  const missed = [...failed.map((row) => row.name), ...clean.failed];
  if (missed.length > 0) {
    console.error(`Over target: ${missed.join(', ')}`);
    process.exitCode = 1;
  }
}

main();
