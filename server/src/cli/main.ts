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
import { applyProject, displayPath, loadProject } from './project';

const EXIT_CLEAN = 0;
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

async function check(options: CliOptions, cwd: string): Promise<{ output: string; exitCode: number }> {
  const docsUri = docsUriFinder();
  const service = cliService(options.locale, docsUri);
  const project = loadProject(service, cwd, options.config);
  applyProject(service, project, cwd, (line) => process.stderr.write(`policydoc: ${line}\n`));
  // Scope as in the editor: without a project config, a document found by walking a folder or a
  // glob is checked only when it looks like a policy document; a file named on its own always is.
  const jobs: Job[] = collectFiles(options.paths, cwd, project, service).map(({ file, named }) => ({
    file,
    shown: displayPath(cwd, file),
    onlyPolicy: !named && !options.all && !project.configured,
  }));
  const workers = workerCount(jobs.length);
  const checked =
    workers > 0
      ? await checkInPool(jobs, { locale: options.locale, project, fix: options.fix }, workers)
      : jobs.map((job) => checkFile(service, job.file, job.shown, options.fix, job.onlyPolicy));
  let results = checked.filter((result): result is FileResult => result !== null);
  const skipped = checked.length - results.length;
  if (skipped > 0) process.stderr.write(`policydoc: ${text(options.locale, 'skippedNotPolicy', { count: String(skipped) })}
`);
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
    const { output, exitCode } = options.command === 'clean' ? clean(options, process.cwd()) : await check(options, process.cwd());
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
