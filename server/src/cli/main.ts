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
import { checkInPool, cliService, runWorker, workerCount } from './pool';
import { applyProject, displayPath, loadProject } from './project';

const EXIT_CLEAN = 0;
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

async function check(options: CliOptions, cwd: string): Promise<{ output: string; exitCode: number }> {
  const docsUri = docsUriFinder();
  const service = cliService(options.locale, docsUri);
  const project = loadProject(service, cwd, options.config);
  applyProject(service, project, cwd, (line) => process.stderr.write(`policydoc: ${line}\n`));
  const files = collectFiles(options.paths, cwd, project, service);
  const workers = workerCount(files.length);
  let results: FileResult[] =
    workers > 0
      ? await checkInPool(files.map((file) => ({ file, shown: displayPath(cwd, file) })), { locale: options.locale, project, fix: options.fix }, workers)
      : files.map((file) => checkFile(service, file, displayPath(cwd, file), options.fix));
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

// The same bundle is the worker of the pool. exitCode rather than exit(): stdout may be a pipe still being written.
if (isMainThread) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
} else {
  runWorker();
}
