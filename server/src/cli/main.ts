import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { version } from '../../../package.json';
import type { Locale } from '../service/types';
import { envLocale, parseCommandLine, type CliOptions } from './args';
import { checkFile, type FileResult } from './check';
import { clean } from './clean';
import { collectFiles } from './files';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { text, UsageError } from './messages';
import { docsUriFinder } from '../docsLinks';
import { checkInPool, cliService, runWorker, workerCount, type Job } from './pool';
import { isIndexWorker, runIndexWorker } from '../indexing/build';
import { displayPath, Projects } from './project';
import { collectionStats, formatStatsJson, formatStatsText } from './stats';
import { indexOf, inShard, readIndexFile, serializeIndex, withWorkspaceFindings } from './workspace';

const EXIT_CLEAN = 0;
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

/** The projects and files of a `check` or `index` run, as the arguments name them: each file with its own project's service. */
function setUp(options: CliOptions, cwd: string) {
  const docsUri = docsUriFinder();
  const projects = new Projects({ cwd, config: options.config, locale: options.locale, makeService: () => cliService(options.locale, docsUri), warn });
  // Scope as in the editor: without a project config, a document found by walking a folder or a
  // glob is checked only when it looks like a policy document; a file named on its own always is.
  const jobs: Job[] = collectFiles(options.paths, cwd, projects, options.locale).map(({ file, named }) => {
    const { id, project } = projects.of(file);
    return { file, shown: displayPath(cwd, file), project: id, onlyPolicy: !named && !options.all && !project.configured };
  });
  return { docsUri, projects, jobs };
}

function warn(line: string): void {
  process.stderr.write(`policydoc: ${line}\n`);
}

/** Reads (and checks, with `report`) the files on every core; the files out of scope are counted on stderr. */
async function run(jobs: Job[], { projects }: ReturnType<typeof setUp>, options: CliOptions, report: boolean): Promise<FileResult[]> {
  const workers = workerCount(jobs.length);
  const settings = { fix: options.fix, report };
  const runs = projects.all();
  const checked =
    workers > 0
      ? await checkInPool(jobs, { locale: options.locale, projects: runs.map((entry) => entry.project), ...settings }, workers)
      : jobs.map((job) => checkFile(runs[job.project].service, job.file, job.shown, { ...settings, onlyPolicy: job.onlyPolicy }));
  const results = checked.filter((result): result is FileResult => result !== null);
  const skipped = checked.length - results.length;
  if (skipped > 0) warn(text(options.locale, 'skippedNotPolicy', { count: String(skipped) }));
  return results;
}

async function check(options: CliOptions, cwd: string): Promise<{ output: string; exitCode: number }> {
  const setup = setUp(options, cwd);
  const { docsUri, projects, jobs } = setup;
  if (options.shard && options.index === undefined) warn(text(options.locale, 'shardWithoutIndex'));
  // Read before the checks: --fix may change files the index file describes.
  const collection = options.index === undefined ? undefined : readIndexFile(options.index, cwd, projects, jobs);
  const checked = await run(options.shard ? inShard(jobs, options.shard, projects.base.project.root) : jobs, setup, options, true);
  let results = withWorkspaceFindings(checked, indexOf(checked, collection), projects, cwd, options.locale, docsUri);
  if (options.quiet) results = results.map((result) => ({ ...result, diagnostics: result.diagnostics.filter((d) => d.severity === 1) }));
  const hasErrors = results.some((result) => result.diagnostics.some((d) => d.severity === 1));
  const output =
    options.format === 'json'
      ? formatJson(results)
      : options.format === 'sarif'
        ? formatSarif(results, options.locale, { version, helpUri: docsUri })
        : formatStylish(results, options.locale, { color: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined });
  return { output, exitCode: hasErrors ? EXIT_ERRORS : EXIT_CLEAN };
}

/** `policydoc index`: the collection's index as JSON (to stdout or `-o`), or its figures with `--stats`. */
async function index(options: CliOptions, cwd: string): Promise<{ output: string; exitCode: number }> {
  const setup = setUp(options, cwd);
  const collection = indexOf(await run(setup.jobs, setup, options, false));
  const serialized = serializeIndex(collection, setup.projects.base.project.root);
  if (options.output !== undefined) fs.writeFileSync(path.resolve(cwd, options.output), serialized);
  if (!options.stats) return { output: options.output === undefined ? serialized : '', exitCode: EXIT_CLEAN };
  const stats = collectionStats(collection, cwd);
  return { output: options.format === 'json' ? formatStatsJson(stats) : formatStatsText(stats, options.locale), exitCode: EXIT_CLEAN };
}

async function main(argv: string[]): Promise<number> {
  let locale: Locale = envLocale(process.env);
  try {
    const options = parseCommandLine(argv, process.env);
    locale = options.locale;
    if (options.command === 'help') {
      process.stdout.write(text(locale, 'usage') + '\n');
      return EXIT_CLEAN;
    }
    if (options.command === 'version') {
      process.stdout.write(version + '\n');
      return EXIT_CLEAN;
    }
    const command = { clean, index, check }[options.command];
    const { output, exitCode } = await command(options, process.cwd());
    process.stdout.write(output);
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`policydoc: ${error.message}\n`);
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      process.stderr.write(`policydoc: ${text(locale, 'internalError', { detail })}\n`);
      if (process.env.POLICYDOC_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    }
    return EXIT_USAGE;
  }
}

// The same bundle is the worker of the pool and of the index builder (server/src/indexing/build.ts). exitCode rather than exit(): stdout may be a pipe still being written.
if (isMainThread) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
} else if (isIndexWorker()) {
  runIndexWorker();
} else {
  runWorker();
}
