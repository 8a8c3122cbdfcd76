// Building the workspace index's entries over many files on worker threads, for the language server
// (Node host) and the CLI alike. Each worker runs the same bundle as its parent (server.js or cli.js,
// which hand over to runIndexWorker() when isIndexWorker()), builds a language service set up like
// the parent's (root, config, the project's knowledge files), reads and parses its files and sends
// their entries back in batches, so the parent's thread stays free to answer the editor. Node only:
// the pure service never imports this.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createLanguageService, type KnowledgeKind, type LanguageService, type Locale, type PolicydocConfig } from '../service';
import { readEntry } from '../service/workspace/extract';
import type { DocumentEntry } from '../service/workspace/types';

export interface IndexFile {
  uri: string;
  /** Where to read it. */
  path: string;
}

/** What a worker needs to parse like the parent's service: the workspace folder's root, config and knowledge files. */
export interface IndexSetup {
  root?: string;
  config?: PolicydocConfig;
  userKnowledge?: { kind: KnowledgeKind; uri: string; text: string }[];
  locale: Locale;
}

export interface BuildOptions {
  /** Worker threads; 0 reads the files on the calling thread (a few files, or tests). */
  threads: number;
  /** After every batch: files done (read, or failed) of all. */
  onProgress?(done: number, total: number): void;
  /** Polled while building; once true, the workers are stopped and what is done so far is returned. */
  isCancelled?(): boolean;
  /** The script the workers run (one that calls runIndexWorker() when isIndexWorker()); by default the running bundle itself. */
  workerScript?: string;
}

export type StampedEntry = DocumentEntry & { stamp: string };

export interface BuildResult {
  /** In the order of the files given; files that failed or were not reached are missing. */
  entries: StampedEntry[];
  /** The uris of files that vanished or could not be read. */
  failed: string[];
  cancelled: boolean;
}

const WORKER_KIND = 'policydoc-index-worker';
/** Files a worker is handed at a time: small enough to spread the work and keep each reply short. */
const BATCH = 32;
/** How often cancellation is polled while workers are busy. */
const CANCEL_POLL_MS = 25;

interface WorkerInput {
  kind: typeof WORKER_KIND;
  setup: IndexSetup;
}

type Job = IndexFile & { index: number };
type Reply = { done: { index: number; entry: StampedEntry | null }[] } | { error: string };

/** The cache's stamp of a file: its modification time and size; a file whose stamp is unchanged need not be read again. */
export function fileStamp(stat: fs.Stats): string {
  return `${Math.trunc(stat.mtimeMs)}:${stat.size}`;
}

/** A language service that parses as the workspace folder's does. */
export function indexService(setup: IndexSetup): LanguageService {
  const service = createLanguageService({ locale: setup.locale });
  service.configure({ root: setup.root, config: setup.config ?? {}, locale: setup.locale });
  for (const file of setup.userKnowledge ?? []) service.setUserKnowledge(file.kind, file.uri, file.text);
  return service;
}

/** One file's entry with its stamp, or null when it vanished, cannot be read or cannot be parsed. */
export function readIndexEntry(service: LanguageService, file: IndexFile): StampedEntry | null {
  try {
    const stat = fs.statSync(file.path);
    if (!stat.isFile()) return null;
    const text = fs.readFileSync(file.path, 'utf8');
    return { ...readEntry(service.parse(file.uri, text)), stamp: fileStamp(stat) };
  } catch {
    return null;
  }
}

/** A worker running this bundle (server.js or cli.js), or worker.ts beside this file through tsx when run from source (tests, bench). */
function startWorker(input: WorkerInput, script: string | undefined): Worker {
  if (script !== undefined || !__filename.endsWith('.ts')) return new Worker(script ?? __filename, { workerData: input });
  const load = (file: string) => `require(${JSON.stringify(file)});`;
  return new Worker(load(createRequire(__filename).resolve('tsx/cjs')) + load(path.join(__dirname, 'worker.ts')), { eval: true, workerData: input });
}

/**
 * Reads the files into index entries on `options.threads` worker threads, handing out small batches
 * as workers finish. Never throws for a file: one that vanishes or cannot be read is listed in `failed`.
 */
export async function buildEntries(files: readonly IndexFile[], setup: IndexSetup, options: BuildOptions): Promise<BuildResult> {
  const found: (StampedEntry | null | undefined)[] = new Array(files.length);
  let done = 0;
  const progress: Progress = {
    record(index, entry) {
      found[index] = entry;
      done++;
    },
    report: () => options.onProgress?.(done, files.length),
    cancelled: () => options.isCancelled?.() === true,
  };
  const threads = Math.min(Math.max(0, Math.floor(options.threads)), Math.ceil(files.length / BATCH));
  await (threads === 0 ? buildHere(files, setup, progress) : buildInWorkers(files, setup, threads, progress, options.workerScript));
  const entries: StampedEntry[] = [];
  const failed: string[] = [];
  found.forEach((entry, index) => {
    if (entry) entries.push(entry);
    else if (entry === null) failed.push(files[index].uri);
  });
  return { entries, failed, cancelled: done < files.length };
}

interface Progress {
  record(index: number, entry: StampedEntry | null): void;
  report(): void;
  cancelled(): boolean;
}

/** On the calling thread, a batch at a time, yielding between batches so cancellation and other work get their turn. */
function buildHere(files: readonly IndexFile[], setup: IndexSetup, progress: Progress): Promise<void> {
  const service = indexService(setup);
  return new Promise((resolve) => {
    let next = 0;
    const step = () => {
      if (progress.cancelled()) return resolve();
      for (const end = Math.min(files.length, next + BATCH); next < end; next++) progress.record(next, readIndexEntry(service, files[next]));
      progress.report();
      if (next < files.length) setImmediate(step);
      else resolve();
    };
    step();
  });
}

function buildInWorkers(files: readonly IndexFile[], setup: IndexSetup, threads: number, progress: Progress, script: string | undefined): Promise<void> {
  let next = 0;
  const take = (): Job[] => {
    const batch = files.slice(next, next + BATCH).map((file, offset) => ({ index: next + offset, uri: file.uri, path: file.path }));
    next += batch.length;
    return batch;
  };
  const workers = new Set<Worker>();
  return new Promise((resolve) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      for (const worker of workers) void worker.terminate();
      workers.clear();
      resolve();
    };
    const poll = setInterval(() => {
      if (progress.cancelled()) settle();
    }, CANCEL_POLL_MS);
    const start = () => {
      let current = take();
      if (current.length === 0) return;
      const worker = startWorker({ kind: WORKER_KIND, setup }, script);
      workers.add(worker);
      let replied = false;
      const stop = () => {
        workers.delete(worker);
        void worker.terminate();
        if (workers.size === 0) settle();
      };
      // A worker that fails loses its batch (counted as failed); one that had worked is replaced, one that never did is not.
      const lose = () => {
        if (settled || !workers.has(worker)) return;
        for (const job of current) progress.record(job.index, null);
        progress.report();
        if (replied) start();
        else if (workers.size === 1) while (next < files.length) for (const job of take()) progress.record(job.index, null);
        stop();
      };
      worker.on('message', (reply: Reply) => {
        if (settled) return;
        if ('error' in reply) return lose();
        replied = true;
        for (const { index, entry } of reply.done) progress.record(index, entry);
        progress.report();
        if (progress.cancelled()) return settle();
        current = take();
        if (current.length > 0) worker.postMessage(current);
        else stop();
      });
      worker.once('error', lose);
      worker.once('exit', lose);
      worker.postMessage(current);
    };
    if (files.length === 0 || progress.cancelled()) return settle();
    for (let i = 0; i < threads; i++) start();
  });
}

/** Whether this thread is an index worker started by buildEntries (the bundles check it at start). */
export function isIndexWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | null)?.kind === WORKER_KIND;
}

let running = false;

/** The worker side: read each batch the parent sends and send back its entries. */
export function runIndexWorker(): void {
  if (running) return;
  running = true;
  const service = indexService((workerData as WorkerInput).setup);
  parentPort!.on('message', (batch: Job[]) => {
    try {
      parentPort!.postMessage({ done: batch.map((job) => ({ index: job.index, entry: readIndexEntry(service, job) })) } satisfies Reply);
    } catch (error) {
      parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies Reply);
    }
  });
}
