// Scope in the CLI, as in the editor: without a .policydocrc.json, a folder walk checks the policy
// documents only; real Chinese READMEs and notes (test/fixtures/scope/negative) are skipped and
// counted on stderr. Files named one by one, `--all` and a project config check everything.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cli, FIXTURES, json, SEED, workspace } from './helpers';

const NEGATIVE = path.join(FIXTURES, 'scope/negative');
const READMES = fs.readdirSync(NEGATIVE).filter((name) => name.endsWith('.md'));
const SEEDS = Object.values(SEED).sort();

function withReadmes(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { ...extra };
  for (const name of READMES) files[`notes/${name}`] = fs.readFileSync(path.join(NEGATIVE, name), 'utf8');
  return workspace(files);
}

const checked = (args: string[], dir: string, env: Record<string, string> = {}) => {
  const run = cli(['check', '--format', 'json', ...args], dir, env);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return { files: json(run).map((entry) => entry.file).sort(), stderr: run.stderr };
};

test('without a config, a folder walk checks the five seeds and skips every real README and note, saying how many', () => {
  const dir = withReadmes();
  for (const workers of ['0', '2']) {
    const { files, stderr } = checked([], dir, { POLICYDOC_WORKERS: workers });
    assert.deepEqual(files, SEEDS, `POLICYDOC_WORKERS=${workers}`);
    assert.match(stderr, new RegExp(`Skipped ${READMES.length} file\\(s\\) that do not look like policy documents.*--all`));
  }
  const zh = cli(['check', '--lang', 'zh', '--format', 'json'], dir);
  assert.match(zh.stderr, new RegExp(`跳过了 ${READMES.length} 个看起来不是政策文件的文档.*--all`));
});

test('a README named on the command line is checked; so is every file with --all', () => {
  const dir = withReadmes();
  const named = `notes/${READMES[0]}`;
  assert.deepEqual(checked([named], dir).files, [named]);
  const all = checked(['--all'], dir);
  assert.equal(all.files.length, SEEDS.length + READMES.length);
  assert.equal(all.stderr, '');
});

test('with a .policydocrc.json every included file is checked, as in the editor', () => {
  const dir = withReadmes({ '.policydocrc.json': '{}' });
  const { files, stderr } = checked([], dir);
  assert.equal(files.length, SEEDS.length + READMES.length);
  assert.equal(stderr, '');
});

test('a post whose front matter does not parse is still checked, so its YAML error is shown', () => {
  const dir = workspace({ 'draft.md': '---\ntitle: [unclosed\ndate: 2021-12-29\n---\n正文\n' }, false);
  const run = cli(['check', '--format', 'json'], dir);
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(json(run).map((entry) => entry.file), ['draft.md']);
});
