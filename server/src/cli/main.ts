import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { createLanguageService } from '../service';
import type { Locale } from '../service/types';
import { envLocale, parseCommandLine, type CliOptions } from './args';
import { checkFile, type FileResult } from './check';
import { clean } from './clean';
import { collectFiles } from './files';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { text, UsageError } from './messages';
import { displayPath, loadProject } from './project';

const EXIT_CLEAN = 0;
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

/** The folder of the rule pages, found from the bundle's place in the package (server/out → root). */
function findDocsFolder(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function docsUriFinder(): (ruleId: string) => string | undefined {
  const folder = findDocsFolder();
  return (ruleId) => {
    const page = folder && path.join(folder, `${ruleId}.md`);
    return page && fs.existsSync(page) ? pathToFileURL(page).href : undefined;
  };
}

function check(options: CliOptions, cwd: string): { output: string; exitCode: number } {
  const docsUri = docsUriFinder();
  const service = createLanguageService({ locale: options.locale, docsUri, logError: (message) => process.stderr.write(`policydoc: ${message}\n`) });
  const project = loadProject(service, cwd, options.config);
  service.configure({ root: project.root, config: project.config, locale: options.locale });
  const files = collectFiles(options.paths, cwd, project, service);
  let results: FileResult[] = files.map((file) => checkFile(service, file, displayPath(cwd, file), options.fix));
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

function main(argv: string[]): number {
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
    const { output, exitCode } = options.command === 'clean' ? clean(options, process.cwd()) : check(options, process.cwd());
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

// exitCode rather than exit(): stdout may be a pipe still being written.
process.exitCode = main(process.argv.slice(2));
