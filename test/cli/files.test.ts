import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, json, workspace } from './helpers';

const DOC = '---\ntitle: x\n---\n正文\n';

/** The files a check reads, every document found (`--all`: these toy documents are not policy documents). */
function filesChecked(args: string[], dir: string): string[] {
  const run = cli(['check', '--all', '--format', 'json', ...args], dir);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return json(run).map((entry) => entry.file).sort();
}

const tree = {
  'a.md': DOC,
  'b.markdown': DOC,
  'c.txt': '正文\n',
  'notes.html': '<p>x</p>',
  'image.png': 'not a document',
  'posts/2021/d.md': DOC,
  'posts/e.MD': DOC,
  'node_modules/pkg/readme.md': DOC,
  '.git/x.md': DOC,
  'drafts/f.md': DOC,
};

test('a folder is walked for .md, .markdown and .txt, skipping node_modules and .git', () => {
  const dir = workspace(tree, false);
  assert.deepEqual(filesChecked([], dir), ['a.md', 'b.markdown', 'c.txt', 'drafts/f.md', 'posts/2021/d.md']);
  assert.deepEqual(filesChecked(['posts'], dir), ['posts/2021/d.md']);
});

test('a plain file is always checked, whatever its extension', () => {
  const dir = workspace(tree, false);
  assert.deepEqual(filesChecked(['notes.html', 'a.md'], dir), ['a.md', 'notes.html']);
});

test('globs are expanded with tinyglobby; duplicates are checked once', () => {
  const dir = workspace(tree, false);
  assert.deepEqual(filesChecked(['posts/**/*.md'], dir), ['posts/2021/d.md']);
  assert.deepEqual(filesChecked(['*.{md,txt}', 'a.md'], dir), ['a.md', 'c.txt']);
  assert.deepEqual(filesChecked(['**/*.md'], dir), ['a.md', 'drafts/f.md', 'posts/2021/d.md']);
});

test('the config decides what a folder walk includes and excludes', () => {
  const dir = workspace({ ...tree, '.policydocrc.json': JSON.stringify({ include: ['**/*.md', '**/*.html'], exclude: ['drafts/**'] }) }, false);
  assert.deepEqual(filesChecked([], dir), ['a.md', 'notes.html', 'posts/2021/d.md']);
  assert.deepEqual(filesChecked(['**/*.md'], dir), ['a.md', 'posts/2021/d.md'], 'globs honour exclude too');
});

test('with --config, globs are relative to the config file\'s folder', () => {
  const dir = workspace({ ...tree, 'project/.policydocrc.json': '{}', 'project/p.md': DOC }, false);
  assert.deepEqual(filesChecked(['--config', 'project/.policydocrc.json', '*.md'], dir), ['project/p.md']);
});

test('config overrides force a profile per glob', () => {
  const dir = workspace({ 'a.md': DOC, '.policydocrc.json': JSON.stringify({ overrides: [{ files: 'a.md', profile: 'jekyll' }] }) }, false);
  const run = cli(['check', '--format', 'json'], dir);
  assert.equal(json(run)[0].profile, 'jekyll');
});

test('a folder with no documents is a usage error', () => {
  const dir = workspace({ 'only.html': '<p>x</p>' }, false);
  const run = cli(['check', '.'], dir);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /No files matched "\."/);
});
