// The workspace index at scale (issue 14 §5): 20,000 documents generated from the real corpus
// (bench/workspace/generate.ts), indexed cold by the parallel builder (server/src/indexing/build.ts)
// with one worker per core and with one worker, a warm start from the cache the cold run wrote, and
// one-file edits (update + the cross-document rules on the documents the edit affects). Each
// measurement runs in a fresh process, so its peak RSS (main thread and workers: one process) is its own.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildEntries, indexService, type IndexFile } from '../server/src/indexing/build';
import { checkWorkspace } from '../server/src/service/workspace/rules';
import { WorkspaceIndex } from '../server/src/service/workspace/workspaceIndex';
import { documentFiles } from '../scripts/workspace/files';
import { DEFAULT_COUNT, generateCollection, type GeneratedCollection } from './workspace/generate';

export const WORKSPACE_HEADING = '## The workspace index at 20,000 documents';
const TARGETS = { coldS: 20, rssMb: 600, warmS: 3, editMs: 50 };
const EDITS = 30;
/** The workers run the CLI bundle, as they do for `policydoc` (from source, each worker would compile the TypeScript again). */
const CLI_BUNDLE = path.join(__dirname, '..', 'server', 'out', 'cli.js');

interface Cold {
  threads: number;
  seconds: number;
  /** CPU time of the process, all threads: what the run costs whatever else the machine does. */
  cpuS: number;
  documents: number;
  failed: number;
  peakRssMb: number;
  cacheMb: number;
}

interface Warm {
  readS: number;
  loadS: number;
  statS: number;
  seconds: number;
  documents: number;
  peakRssMb: number;
  editMs: number[];
  affected: number[];
}

const setup = { locale: 'en' as const };
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function filesOf(dir: string): IndexFile[] {
  return documentFiles(dir).map((file) => ({ uri: pathToFileURL(file).href, path: file }));
}

async function cold(dir: string, threads: number, cache: string | undefined): Promise<Cold> {
  const files = filesOf(dir);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const index = new WorkspaceIndex(indexService(setup).parse);
  const { entries, failed } = await buildEntries(files, setup, { threads, workerScript: CLI_BUNDLE });
  for (const { stamp, ...entry } of entries) index.add(entry, stamp);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  let cacheMb = 0;
  if (cache) {
    const json = JSON.stringify(index.toJSON());
    fs.writeFileSync(cache, json);
    cacheMb = Buffer.byteLength(json) / 1048576;
  }
  return { threads, seconds, cpuS, documents: index.size, failed: failed.length, peakRssMb: peakRssMb(), cacheMb };
}

function warm(cache: string): Warm {
  const started = performance.now();
  const text = fs.readFileSync(cache, 'utf8');
  const read = performance.now();
  const service = indexService(setup);
  const index = WorkspaceIndex.fromJSON(JSON.parse(text), service.parse)!;
  const loaded = performance.now();
  // What a start does next: compare each file's stamp with the cache's to find the files to read again.
  let changed = 0;
  for (const entry of index.documents()) {
    const stat = fs.statSync(new URL(entry.uri), { throwIfNoEntry: false });
    if (!stat || `${Math.trunc(stat.mtimeMs)}:${stat.size}` !== index.stamp(entry.uri)) changed++;
  }
  const statted = performance.now();
  if (changed > 0) throw new Error(`${changed} files changed since the cache was written`);
  // Edits: documents that others cite, each given one more citation, then the rules on what the edit affects.
  const cited = [...index.documents()].filter((entry) => entry.number && index.references(entry.uri).length > 0);
  const editMs: number[] = [];
  const affected: number[] = [];
  for (let i = 0; i < EDITS && cited.length > 0; i++) {
    const entry = cited[Math.floor((i * cited.length) / EDITS)];
    const source = fs.readFileSync(new URL(entry.uri), 'utf8') + `\n\n根据${cited[(i * 7 + 3) % cited.length].number}文件精神执行。\n`;
    const at = performance.now();
    const before = index.references(entry.uri).map((reference) => reference.uri);
    const updated = index.update(entry.uri, source);
    const uris = new Set([entry.uri, ...before, ...index.references(entry.uri).map((reference) => reference.uri), ...index.similar(entry.uri).map((found) => found.uri)]);
    for (const citation of updated.citations) for (const target of index.resolve(citation, entry.uri)) uris.add(target.uri);
    if (updated.number) for (const same of index.byDocNumber(updated.number)) uris.add(same.uri);
    checkWorkspace(index, { uris: [...uris] });
    editMs.push(performance.now() - at);
    affected.push(uris.size);
  }
  return {
    readS: (read - started) / 1000,
    loadS: (loaded - read) / 1000,
    statS: (statted - loaded) / 1000,
    seconds: (statted - started) / 1000,
    documents: index.size,
    peakRssMb: peakRssMb(),
    editMs,
    affected,
  };
}

/** Runs one measurement in a fresh process (this file with `--measure`). */
function inChild<T>(args: string[]): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--measure', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`bench/workspace.ts --measure ${args.join(' ')} exited with ${run.status}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as T;
}

export interface WorkspaceBench {
  section: string;
  failed: string[];
}

export function workspaceBench(corpus: string, progress: (line: string) => void): WorkspaceBench {
  const out = path.join(os.tmpdir(), 'policydoc-bench-workspace');
  progress(`workspace: generating ${DEFAULT_COUNT} documents from ${corpus} into ${out} (reused when there)…`);
  const made = generateCollection(corpus, out, DEFAULT_COUNT);
  const cache = path.join(os.tmpdir(), 'policydoc-bench-workspace-cache.json');
  const cores = os.availableParallelism();
  progress(`workspace: cold index, ${cores} workers…`);
  const parallel = inChild<Cold>(['cold', out, String(cores), cache]);
  progress('workspace: cold index, 1 worker…');
  const single = inChild<Cold>(['cold', out, '1']);
  progress('workspace: warm start and edits…');
  const warmed = inChild<Warm>(['warm', out, cache]);
  return report(made, corpus, parallel, single, warmed);
}

function report(made: GeneratedCollection, corpus: string, parallel: Cold, single: Cold, warmed: Warm): WorkspaceBench {
  const sorted = [...warmed.editMs].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const failed: string[] = [];
  const check = (name: string, ok: boolean) => {
    if (!ok) failed.push(name);
    return verdict(ok);
  };
  const cpus = os.cpus();
  const sources = Object.entries(made.sources).sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', ');
  const perDoc = (cold: Cold) => ((cold.seconds * 1000) / cold.documents).toFixed(2);
  const section = `${WORKSPACE_HEADING}

Written by \`npm run bench\` (bench/workspace.ts). ${made.files} documents (${(made.bytes / 1048576).toFixed(0)} MB) made by
bench/workspace/generate.ts from the real corpus in \`${corpus}\` (sources as they occur there: ${sources}), with
${made.edits.cites} closing paragraphs citing others by real 《title》（发文字号）, ${made.edits.bareNumbers} citing a bare 发文字号,
${made.edits.wrongTitles} with a wrong title, ${made.edits.repeals} repeal statements and ${made.edits.copies} copies of another document.
Each measurement in a fresh process; peak RSS is the process's (the main thread and its workers).

- Machine: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores, ${(os.totalmem() / 1073741824).toFixed(0)} GiB RAM, Node ${process.version}
- Load average at the end (1/5/15 min): ${os.loadavg().map((n) => n.toFixed(2)).join(' / ')} (other work on the machine slows the cold runs)

| measurement | value | target |
|---|---|---|
| cold index, ${parallel.threads} workers (read, parse, extract, index) | ${parallel.seconds.toFixed(1)} s (${perDoc(parallel)} ms a document; CPU ${parallel.cpuS.toFixed(1)} s), ${parallel.documents} documents, ${parallel.failed} failed | ≤ ${TARGETS.coldS} s: ${check('workspace cold index', parallel.seconds <= TARGETS.coldS)} |
| peak RSS of that run | ${parallel.peakRssMb.toFixed(0)} MB | ≤ ${TARGETS.rssMb} MB: ${check('workspace peak RSS', parallel.peakRssMb <= TARGETS.rssMb)} |
| cold index, 1 worker | ${single.seconds.toFixed(1)} s (${perDoc(single)} ms a document; CPU ${single.cpuS.toFixed(1)} s), peak RSS ${single.peakRssMb.toFixed(0)} MB | — |
| cache file (\`toJSON\`) | ${parallel.cacheMb.toFixed(1)} MB | — |
| warm start: read the cache + JSON.parse + fromJSON + stat every file | ${warmed.seconds.toFixed(2)} s (read ${warmed.readS.toFixed(2)}, parse + fromJSON ${warmed.loadS.toFixed(2)}, stat ${warmed.statS.toFixed(2)}), peak RSS ${warmed.peakRssMb.toFixed(0)} MB | ≤ ${TARGETS.warmS} s: ${check('workspace warm start', warmed.seconds <= TARGETS.warmS)} |
| one-file edit: update + checkWorkspace on the affected documents (${warmed.editMs.length} edits, ${Math.min(...warmed.affected)}–${Math.max(...warmed.affected)} documents affected) | p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms | ≤ ${TARGETS.editMs} ms (p95): ${check('workspace edit', p(0.95) <= TARGETS.editMs)} |
`;
  return { section, failed };
}

async function measure(args: string[]): Promise<void> {
  const [kind, dir, third, fourth] = args;
  const result = kind === 'cold' ? await cold(dir, Number(third), fourth) : warm(third);
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') void measure(args.slice(1));
  else {
    const corpus = args[0] ?? '/work/corpus';
    const { section, failed } = workspaceBench(path.resolve(corpus), (line) => console.error(line));
    console.log(section);
    if (failed.length > 0) console.error(`Over target: ${failed.join(', ')}`);
  }
}
