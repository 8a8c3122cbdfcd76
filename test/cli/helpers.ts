import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'server/out/cli.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures');

export const SEED = {
  hexo: '000_680b3455c651966d.md',
  hexo2: '001_23dc74ad63b58a12.md',
  hexoTitle: '002_5b2f985364582157.md',
  pkulaw: '003_3f3e0725406a3fc4.txt',
  jekyll: '004_c3879432c9c75c10.md',
} as const;

if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests (npm test does).`);

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temp folder with writable copies of the seed fixtures (plus any extra files given). */
export function workspace(extra: Record<string, string | Buffer> = {}, seeds = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policydoc-cli-'));
  created.push(dir);
  if (seeds) {
    for (const name of fs.readdirSync(FIXTURES).filter((entry) => fs.statSync(path.join(FIXTURES, entry)).isFile())) {
      fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
      fs.chmodSync(path.join(dir, name), 0o644);
    }
  }
  for (const [name, content] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a process, in English and without colours unless the env says otherwise. */
export function cli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Run {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: undefined, NO_COLOR: '1', POLICYDOC_DEBUG: undefined, ...env },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixable: boolean;
}

export interface JsonEntry {
  file: string;
  profile: string | null;
  diagnostics: JsonDiagnostic[];
}

export function json(run: Run): JsonEntry[] {
  return JSON.parse(run.stdout) as JsonEntry[];
}

export function rulesOf(entries: JsonEntry[], file: string): string[] {
  const entry = entries.find((e) => e.file === file);
  if (!entry) throw new Error(`no result for ${file} in ${entries.map((e) => e.file).join(', ')}`);
  return entry.diagnostics.map((d) => d.rule);
}

// Small documents whose results do not change as rules are added: no body to speak of.
/** Only problem: a blank line before the front matter (front-matter-position, a fixable warning). */
export const BLANK_FIRST = '\n---\ntitle: 标题\n---\n正文\n';
export const CLEAN = '---\nlayout: post\ntitle: "标题"\n---\n正文\n';
/** A YAML syntax error (yaml-syntax is an error). */
export const BROKEN_YAML = '---\ntitle: [unclosed\ndate: 2021-12-29\n---\n正文\n';
