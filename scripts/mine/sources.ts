// The sources a corpus directory holds and what is recorded about them: the repository (from
// test/corpus/SOURCES.md) and the commit the files come from (from the corpus's _tools/commits.json).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Source {
  name: string;
  dir: string;
  repository: string | null;
  commit: string | null;
}

const ROOT = path.resolve(__dirname, '../..');
const SOURCES_TABLE = path.join(ROOT, 'test/corpus/SOURCES.md');
/** A row of the SOURCES.md table: | `name` | https://github.com/owner/repo | `commit`… */
const SOURCE_ROW = /^\|\s*`([^`]+)`\s*\|\s*https:\/\/github\.com\/([^\s|]+?)\/?\s*\|\s*`([0-9a-f]{40})`/;
/** The folder of a corpus that holds its build scripts and commits.json, not documents. */
const TOOLS_DIR = '_tools';

/**
 * The sources named on the command line: a corpus root (it has a _tools folder) stands for each of its
 * source folders, any other folder is one source named after it.
 */
export function sourcesOf(dirs: readonly string[]): Source[] {
  const recorded = recordedRepositories();
  const sources: Source[] = [];
  for (const dir of dirs.map((entry) => path.resolve(entry))) {
    const isRoot = fs.existsSync(path.join(dir, TOOLS_DIR));
    const folders = isRoot
      ? fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== TOOLS_DIR).map((entry) => path.join(dir, entry.name)).sort()
      : [dir];
    for (const folder of folders) {
      const name = path.basename(folder);
      const commits = readCommits(path.dirname(folder));
      sources.push({ name, dir: folder, repository: recorded.get(name)?.repository ?? null, commit: commits[name]?.commit ?? recorded.get(name)?.commit ?? null });
    }
  }
  return sources;
}

function readCommits(root: string): Record<string, { commit?: string }> {
  const file = path.join(root, TOOLS_DIR, 'commits.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { commit?: string }>) : {};
}

function recordedRepositories(): Map<string, { repository: string; commit: string }> {
  const recorded = new Map<string, { repository: string; commit: string }>();
  if (!fs.existsSync(SOURCES_TABLE)) return recorded;
  for (const line of fs.readFileSync(SOURCES_TABLE, 'utf8').split('\n')) {
    const row = SOURCE_ROW.exec(line);
    if (row) recorded.set(row[1], { repository: row[2], commit: row[3] });
  }
  return recorded;
}

/** Only Markdown and text files are documents (test/corpus/SOURCES.md): not a source's catalogue.json. */
const DOCUMENT = /\.(?:md|txt)$/i;

/** Every document under `dir`, as paths relative to it with forward slashes, in a stable order. */
export function filesOf(dir: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && DOCUMENT.test(entry.name)) files.push(child);
    }
  };
  walk('');
  return files.sort();
}
