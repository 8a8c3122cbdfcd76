import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { Locale } from '../service/types';
import { text, UsageError } from './messages';
import { insideRoot, type Projects } from './project';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const DOCUMENT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

/** A file to check; `named` when the command line names it (not found by walking a folder or a glob). */
export interface FoundFile {
  file: string;
  named: boolean;
}

/**
 * Resolves the command-line paths to absolute file paths, in a stable order without duplicates:
 * a file is always checked, a folder is walked for the documents each file's project includes,
 * anything else is a glob relative to the base project's root (the config's folder, else the current
 * folder's project), less what each file's project excludes. A path that yields no file is a usage error.
 */
export function collectFiles(args: string[], cwd: string, projects: Projects, locale: Locale): FoundFile[] {
  const files = new Map<string, boolean>();
  for (const arg of args.length > 0 ? args : ['.']) {
    const absolute = path.resolve(cwd, arg);
    const stat = fs.statSync(absolute, { throwIfNoEntry: false });
    let found: string[];
    if (stat?.isFile()) found = [absolute];
    else if (stat?.isDirectory()) found = walk(absolute, (file) => isDocument(file, projects));
    else if (isDynamicPattern(arg)) found = glob(arg, projects);
    else throw new UsageError(text(locale, 'noSuchPath', { path: arg }));
    if (found.length === 0) throw new UsageError(text(locale, 'noMatch', { path: arg }));
    const named = stat?.isFile() === true;
    for (const file of found) files.set(file, named || files.get(file) === true);
  }
  return [...files].map(([file, named]) => ({ file, named }));
}

/** Inside its project the config's include/exclude decide; outside it (under no project), the document extensions do. */
function isDocument(file: string, projects: Projects): boolean {
  const { project, service } = projects.of(file);
  if (insideRoot(project.root, file) === undefined) return DOCUMENT_EXTENSIONS.has(path.extname(file).toLowerCase());
  return service.isIncluded(pathToFileURL(file).href);
}

function walk(folder: string, accept: (file: string) => boolean): string[] {
  const found: string[] = [];
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...walk(full, accept));
    } else if (entry.isFile() && accept(full)) {
      found.push(full);
    }
  }
  return found;
}

function glob(pattern: string, projects: Projects): string[] {
  return globSync(pattern, { cwd: projects.base.project.root, ignore: ['**/node_modules/**', '**/.git/**'], absolute: true, onlyFiles: true, dot: true })
    .map((file) => path.resolve(file))
    .filter((file) => !isExcluded(file, projects))
    .sort();
}

function isExcluded(file: string, projects: Projects): boolean {
  const { project, config } = projects.of(file);
  const relative = insideRoot(project.root, file);
  return relative !== undefined && config.excludes(relative);
}
