// `policydoc clean FILE [--to html|md|text] [-o OUT]`: the cleaner of the preview, from the command line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../service';
import { standalonePage } from '../../../common/src/page';
import type { CliOptions } from './args';
import { text, UsageError } from './messages';
import { Projects } from './project';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The preview stylesheet, found from the bundle's place in the package (server/out → media/). */
function previewCss(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'media', 'preview.css');
    if (fs.existsSync(candidate)) return fs.readFileSync(candidate, 'utf8');
    if (path.dirname(dir) === dir) return '';
  }
}

export function clean(options: CliOptions, cwd: string): { output: string; exitCode: number } {
  const file = path.resolve(cwd, options.paths[0]);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(text(options.locale, 'noSuchPath', { path: options.paths[0] }));
  // The file's own project: its config and .policydoc/ files (the boilerplate patterns the cleaner removes).
  const projects = new Projects({ cwd, config: options.config, locale: options.locale, makeService: () => createLanguageService({ locale: options.locale }), warn: (line) => process.stderr.write(`policydoc: ${line}\n`) });
  const { service } = projects.of(file);
  let source: string;
  try {
    source = decoder.decode(fs.readFileSync(file));
  } catch {
    throw new UsageError(text(options.locale, 'notUtf8'));
  }
  const result = service.cleanDocument(service.parse(pathToFileURL(file).href, source), { markdown: options.to === 'md' });
  const output =
    options.to === 'html' ? standalonePage(result.html, result.meta.title ?? path.basename(file), previewCss()) : options.to === 'md' ? result.markdown! : result.text;
  if (options.output === undefined) return { output, exitCode: 0 };
  fs.writeFileSync(path.resolve(cwd, options.output), output);
  return { output: '', exitCode: 0 };
}
