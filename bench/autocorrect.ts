// `policydoc check` on one thread vs AutoCorrect (autocorrect-node, a Rust CJK linter) over the same
// folder of 3,000 real documents, side by side in one run: wall time, CPU time, peak RSS and each
// tool's findings. The folder is built from a folder of real documents: the committed sample
// (test/corpus/docs), copied until there are enough, or a bigger corpus (`--corpus DIR`) sampled evenly.
// Alone: node --import tsx bench/autocorrect.ts [--corpus DIR]
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../server/src/service/rules';
import { ROOT } from './corpus';
import { medianRun, runProcess, type ProcessRun, type Tool } from './cli';

export const SAMPLE = path.join(ROOT, 'test/corpus/docs');
export const FOLDER_DOCUMENTS = 3_000;
/** policydoc's wall time over AutoCorrect's, at most. */
export const RATIO_TARGET = 1.0;
const DOCUMENT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

export interface RealFolder {
  dir: string;
  source: string;
  files: number;
  bytes: number;
  /** Distinct source documents in it (fewer than `files` when the source was copied to fill it). */
  originals: number;
  /** Documents per top-level folder of the source (one per source collection in the sample). */
  kinds: Record<string, number>;
}

/** The source's documents, relative paths in the order `policydoc check` walks them. */
function listDocuments(source: string, folder = ''): string[] {
  const entries = fs.readdirSync(path.join(source, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === '.git' ? [] : listDocuments(source, relative);
    return entry.isFile() && DOCUMENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) ? [relative] : [];
  });
}

/**
 * `count` documents from `source` in a temp folder (cached by the source's listing): an even spread
 * over a bigger source, so every collection in it is represented; a smaller one whole, then copied
 * again under copy-2/, copy-3/… until there are enough.
 */
export function buildFolder(source: string, count: number): RealFolder {
  const documents = listDocuments(source);
  if (documents.length === 0) throw new Error(`${source} holds no .md, .markdown or .txt documents`);
  const hash = createHash('sha256').update(fs.readFileSync(__filename)).update(path.resolve(source)).update(String(count));
  for (const relative of documents) {
    const stat = fs.statSync(path.join(source, relative));
    hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  const dir = path.join(os.tmpdir(), `policydoc-bench-real-${hash.digest('hex').slice(0, 16)}`);
  const manifest = path.join(dir, '.folder.json');
  if (fs.existsSync(manifest)) return { dir, ...(JSON.parse(fs.readFileSync(manifest, 'utf8')) as Omit<RealFolder, 'dir'>) };

  const partial = `${dir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  const picked = documents.length >= count ? Array.from({ length: count }, (_, i) => documents[Math.floor((i * documents.length) / count)]) : documents;
  const kinds: Record<string, number> = {};
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const relative = picked[i % picked.length];
    const round = Math.floor(i / picked.length);
    const target = path.join(partial, round === 0 ? relative : path.join(`copy-${round + 1}`, relative));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(source, relative), target);
    bytes += fs.statSync(target).size;
    const kind = relative.includes(path.sep) ? relative.slice(0, relative.indexOf(path.sep)) : '(top level)';
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  const info: Omit<RealFolder, 'dir'> = { source: path.resolve(source), files: count, bytes, originals: picked.length, kinds };
  fs.writeFileSync(path.join(partial, '.folder.json'), JSON.stringify(info));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(partial, dir);
  return { dir, ...info };
}

interface Findings {
  total: number;
  files: number;
}

interface Contender extends Tool {
  /** Threads that lint, as configured for this comparison. */
  threads: string;
  findings: (output: string) => Findings;
}

export interface ContenderResult {
  tool: Contender;
  runs: ProcessRun[];
  median: ProcessRun;
  findings: Findings;
}

export interface AutocorrectResult {
  folder: RealFolder;
  results: ContenderResult[];
  /** policydoc's median wall time over AutoCorrect's. */
  ratio: number;
  failed: string[];
}

function contenders(): Contender[] {
  const node = process.execPath;
  return [
    {
      name: 'policydoc check --format json (every rule, POLICYDOC_WORKERS=0)',
      threads: '1 (the main thread)',
      command: [node, path.join(ROOT, 'server/out/cli.js'), 'check', '.', '--all', '--format', 'json'],
      env: { POLICYDOC_WORKERS: '0' },
      findings: (output) => {
        const files = JSON.parse(output) as { diagnostics: unknown[] }[];
        return { total: files.reduce((sum, file) => sum + file.diagnostics.length, 0), files: files.filter((file) => file.diagnostics.length > 0).length };
      },
    },
    {
      name: `AutoCorrect ${readVersion('autocorrect-node')} (autocorrect-node lintFor, file after file)`,
      threads: '1 (synchronous N-API call)',
      command: [node, path.join(ROOT, 'bench/autocorrect-lint.mjs'), '.'],
      findings: (output) => {
        const files = JSON.parse(output) as { lines: unknown[]; error: string }[];
        return { total: files.reduce((sum, file) => sum + file.lines.length, 0), files: files.filter((file) => file.lines.length > 0).length };
      },
    },
  ];
}

export async function autocorrectBench(source: string, count: number, runs: number, log: (line: string) => void): Promise<AutocorrectResult> {
  const folder = buildFolder(source, count);
  const tools = contenders();
  for (const tool of tools) if (!fs.existsSync(tool.command[1])) throw new Error(`${tool.command[1]} is missing: run npm install and npm run build`);
  if (!fs.existsSync(path.join(ROOT, 'node_modules/autocorrect-node'))) throw new Error('autocorrect-node is missing: run npm install');
  const outputs = tools.map((_, i) => path.join(os.tmpdir(), `policydoc-bench-autocorrect-${process.pid}-${i}.json`));
  const all = tools.map(() => [] as ProcessRun[]);
  // One unmeasured run of each: the page cache and the compile caches are warm for both.
  for (let round = -1; round < runs; round++) {
    for (const [i, tool] of tools.entries()) {
      const run = await runProcess(tool.command, folder.dir, tool.env, outputs[i]);
      // Both exit 1 when they find something, 0 when not.
      if (run.status !== 0 && run.status !== 1) throw new Error(`${tool.name} exited with ${run.status} on ${folder.dir}`);
      if (round < 0) continue;
      all[i].push(run);
      log(`  ${tool.name}: ${(run.wallMs / 1000).toFixed(2)} s`);
    }
  }
  const results = tools.map((tool, i) => ({ tool, runs: all[i], median: medianRun(all[i]), findings: tool.findings(fs.readFileSync(outputs[i], 'utf8')) }));
  for (const output of outputs) fs.rmSync(output, { force: true });
  const ratio = results[0].median.wallMs / results[1].median.wallMs;
  const failed = ratio > RATIO_TARGET ? [`policydoc check takes ${ratio.toFixed(2)}× AutoCorrect's time (target ≤ ${RATIO_TARGET.toFixed(1)}×)`] : [];
  return { folder, results, ratio, failed };
}

export function autocorrectTable(result: AutocorrectResult): string {
  const theirs = result.results[1].median.wallMs;
  const lines = [
    '| tool | lint threads | runs | wall s (median) | CPU s (user+sys) | peak RSS MB | findings | files with findings | wall vs AutoCorrect |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { tool, runs, median: m, findings } of result.results) {
    const cpu = m.cpuMs === undefined ? '—' : (m.cpuMs / 1000).toFixed(2);
    const rss = m.peakRssKb === undefined ? '—' : (m.peakRssKb / 1024).toFixed(0);
    lines.push(`| ${tool.name} | ${tool.threads} | ${runs.length} | ${(m.wallMs / 1000).toFixed(2)} | ${cpu} | ${rss} | ${findings.total} | ${findings.files} | ${(m.wallMs / theirs).toFixed(2)}× |`);
  }
  return lines.join('\n');
}

/** One line on what the folder holds and where it came from. */
export function describeFolder(folder: RealFolder): string {
  const source = path.relative(ROOT, folder.source).startsWith('..') ? folder.source : path.relative(ROOT, folder.source);
  const kinds = Object.entries(folder.kinds)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const origin = folder.originals < folder.files ? `the ${folder.originals} documents of \`${source}\`, copied until there are ${folder.files}` : `${folder.files} of the documents in \`${source}\`, spread evenly over it`;
  return `${folder.files} documents (${(folder.bytes / 1024 / 1024).toFixed(1)} MB): ${origin}; by folder: ${kinds}`;
}

function readVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '(not installed)';
  }
}

/** `--corpus DIR` on the command line, if given. */
export function corpusArgument(argv: string[]): string | undefined {
  const at = argv.indexOf('--corpus');
  return at >= 0 ? argv[at + 1] : undefined;
}

const HEADING = `## \`policydoc check\` on one thread vs AutoCorrect over ${FOLDER_DOCUMENTS} real documents`;

/** BENCHMARKS.md's section: its heading, how it is measured, then each folder's table. */
export function autocorrectSection(results: AutocorrectResult[], runs: number): string {
  const folders = results.map((result) => {
    const cpuRatio = result.results[0].median.cpuMs !== undefined && result.results[1].median.cpuMs !== undefined ? `; CPU time ${(result.results[0].median.cpuMs / result.results[1].median.cpuMs).toFixed(2)}×` : '';
    const verdict = `${result.ratio.toFixed(2)}×: ${result.ratio <= RATIO_TARGET ? 'pass' : 'FAIL'}`;
    return `### ${describeFolder(result.folder)}\n\npolicydoc's wall time over AutoCorrect's: **${verdict}**${cpuRatio}.\n\n${autocorrectTable(result)}`;
  });
  return `${HEADING}

Both tools as processes over the same folder in one run, ${runs} alternating rounds after one
unmeasured run of each; wall time, CPU time (user+sys) and peak RSS as for markdownlint-cli2 above;
Node start-up and reading the files count for both.

- policydoc: \`policydoc check . --format json\` with all ${RULES.length} rules on (a rule's default severity
  is never off, and there is no config) and \`POLICYDOC_WORKERS=0\`: every file is checked on the main thread.
- AutoCorrect: bench/autocorrect-lint.mjs reads each file and calls autocorrect-node's
  \`lintFor(text, path)\`, file after file: a synchronous N-API call into the Rust library, with no
  thread pool, on the main thread. It prints the results as JSON too.
- Both processes also have Node's helper threads (V8's garbage collector and compiler, so CPU time may
  exceed wall time); autocorrect-node also starts two tokio threads, which stay idle here.
- Findings: counted in the last round's output. They are of different kinds (AutoCorrect: spaces
  between CJK and Latin letters or digits, and half-width punctuation, one finding per line to
  rewrite; policydoc: its rules), so the counts say how much each reports, not who is right.
- The folder of ${FOLDER_DOCUMENTS} documents is built by bench/autocorrect.ts in a temp folder from real
  documents: the committed sample (\`test/corpus/docs\`) copied until there are enough, and with
  \`npm run bench -- --corpus DIR\` also an even spread over a bigger corpus.

Target: policydoc on one thread ≤ ${RATIO_TARGET.toFixed(1)}× AutoCorrect's wall time.

${folders.length > 0 ? folders.join('\n\n') : `_No folder of real documents: ${path.relative(ROOT, SAMPLE)} is missing._`}`;
}

/** Puts the section in place of the one in BENCHMARKS.md, or else right after markdownlint-cli2's. */
function writeSection(section: string): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const report = fs.readFileSync(file, 'utf8');
  const start = report.indexOf(HEADING);
  const from = start >= 0 ? start : report.indexOf('\n## ', report.indexOf('markdownlint-cli2 over')) + 1;
  const next = report.indexOf('\n## ', from + 1);
  const end = start < 0 ? from : next >= 0 ? next + 1 : report.length;
  fs.writeFileSync(file, `${report.slice(0, from)}${section.trimEnd()}\n\n${report.slice(end)}`);
}

// Alone: the same section as in `npm run bench`, and with --write it replaces that section of BENCHMARKS.md.
if (require.main === module) {
  void (async () => {
    const runs = 3;
    const load = os.loadavg();
    const results: AutocorrectResult[] = [];
    for (const source of [SAMPLE, corpusArgument(process.argv)].filter((dir): dir is string => dir !== undefined && fs.existsSync(dir))) {
      results.push(await autocorrectBench(source, FOLDER_DOCUMENTS, runs, (line) => console.error(line)));
    }
    const loads = (values: number[]) => values.map((n) => n.toFixed(2)).join(' / ');
    const note = `_This section alone (\`node --import tsx bench/autocorrect.ts --write\`) on ${new Date().toISOString()}, Node ${process.version}; load average (1/5/15 min) at the start ${loads(load)}, at the end ${loads(os.loadavg())}._`;
    const section = `${autocorrectSection(results, runs)}\n\n${note}`;
    console.log(section);
    if (process.argv.includes('--write')) writeSection(section);
  })();
}
