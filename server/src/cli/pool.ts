// Checking many files on every core: the CLI bundle itself runs as the worker (see main.ts), each
// worker with its own language service per project, configured like the main thread's.
import * as os from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { createLanguageService, type LanguageService } from '../service';
import type { Locale } from '../service/types';
import { docsUriFinder } from '../docsLinks';
import { checkFile, type FileResult } from './check';
import { applyProject, type Project } from './project';

/** Below this many files a pool costs more (a service per worker) than it saves. */
export const POOL_THRESHOLD = 200;

/** What a worker needs to build the same services as the main thread. */
export interface WorkerSetup {
  locale: Locale;
  /** The projects of the run, by id (`Projects.all()`). */
  projects: Project[];
  fix: boolean;
  /** False for `policydoc index`: index entries only. */
  report: boolean;
}

export interface Job {
  file: string;
  shown: string;
  /** The id of the file's project. */
  project: number;
  /** Check it only if it looks like a policy document. */
  onlyPolicy: boolean;
}

type Reply = { results: { index: number; result: FileResult | null }[] } | { error: string };

export function cliService(locale: Locale, docsUri = docsUriFinder()): LanguageService {
  return createLanguageService({ locale, docsUri, logError: (message) => process.stderr.write(`policydoc: ${message}\n`) });
}

/**
 * How many workers to use: `POLICYDOC_WORKERS` when set (0 or 1 means none), else one per core
 * once there are enough files to pay for them.
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.POLICYDOC_WORKERS === undefined || env.POLICYDOC_WORKERS === '' ? NaN : Number(env.POLICYDOC_WORKERS);
  const wanted = Number.isInteger(forced) && forced >= 0 ? forced : files > POOL_THRESHOLD ? os.availableParallelism() : 0;
  return Math.min(wanted, files) > 1 ? Math.min(wanted, files) : 0;
}

/**
 * Checks the files in `workers` threads and returns the results in the order of `files`. Files
 * are handed out in small batches as workers finish, so one slow file does not hold up a whole share.
 */
export function checkInPool(files: Job[], setup: WorkerSetup, workers: number): Promise<(FileResult | null)[]> {
  const results: (FileResult | null)[] = new Array(files.length);
  const batchSize = Math.max(1, Math.min(64, Math.ceil(files.length / (workers * 8))));
  let next = 0;
  const take = (): (Job & { index: number })[] => {
    const batch = files.slice(next, next + batchSize).map((entry, offset) => ({ index: next + offset, ...entry }));
    next += batch.length;
    return batch;
  };
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const first = take();
      if (first.length === 0) return resolve();
      const worker = new Worker(__filename, { workerData: setup });
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        if (error) reject(error);
        else resolve();
      };
      worker.on('message', (reply: Reply) => {
        if ('error' in reply) return finish(new Error(reply.error));
        for (const { index, result } of reply.results) results[index] = result;
        const batch = take();
        if (batch.length === 0) finish();
        else worker.postMessage(batch);
      });
      worker.once('error', finish);
      worker.once('exit', (code) => finish(new Error(`worker exited with code ${code}`)));
      worker.postMessage(first);
    });
  return Promise.all(Array.from({ length: workers }, run)).then(() => results);
}

/** The worker side: check each batch the main thread sends and send the results back, index entries included. */
export function runWorker(): void {
  const setup = workerData as WorkerSetup;
  const services: LanguageService[] = [];
  const serviceOf = (id: number): LanguageService => {
    if (!services[id]) {
      services[id] = cliService(setup.locale);
      // The main thread has already reported any problems of the project's files.
      applyProject(services[id], setup.projects[id], setup.projects[id].root);
    }
    return services[id];
  };
  parentPort!.on('message', (batch: (Job & { index: number })[]) => {
    try {
      const results = batch.map((job) => ({ index: job.index, result: checkFile(serviceOf(job.project), job.file, job.shown, { fix: setup.fix, report: setup.report, onlyPolicy: job.onlyPolicy }) }));
      parentPort!.postMessage({ results } satisfies Reply);
    } catch (error) {
      parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies Reply);
    }
  });
}
