import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { cli, json, workspace } from './helpers';

// The project's .policydoc/boilerplate.yaml reaches `policydoc check` (main thread and workers) and `policydoc clean`.

const FILE = [
  'patterns:',
  '  - kind: promotion',
  "    pattern: '^关注本站公众号，获取更多政策解读$'",
  "    example: '关注本站公众号，获取更多政策解读'",
  '  - kind: footer',
  "    pattern: '^打印本文$'",
  "    example: '关闭窗口'",
  '',
].join('\n');
const POST = ['---', 'title: 关于做好数据治理工作的通知', '---', '', '各区要抓好落实。', '', '关注本站公众号，获取更多政策解读', ''].join('\n');

function boilerplateFindings(dir: string, env: Record<string, string> = {}) {
  const run = cli(['check', '--format', 'json'], dir, env);
  return { run, files: json(run).flatMap((entry) => entry.diagnostics.filter((d) => d.rule === 'web-boilerplate').map(() => entry.file)).sort() };
}

test('check: the project\'s boilerplate patterns are applied; a broken one is reported on stderr', () => {
  assert.deepEqual(boilerplateFindings(workspace({ 'a.md': POST }, false)).files, []);
  const { run, files } = boilerplateFindings(workspace({ 'a.md': POST, '.policydoc/boilerplate.yaml': FILE }, false));
  assert.deepEqual(files, ['a.md']);
  assert.match(run.stderr, /\.policydoc\/boilerplate\.yaml:7:14 .*does not match its example/);
});

test('check: workers apply them too', () => {
  const files = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`d${i}.md`, POST]));
  const { files: found } = boilerplateFindings(workspace({ ...files, '.policydoc/boilerplate.yaml': FILE }, false), { POLICYDOC_WORKERS: '2' });
  assert.equal(found.length, 4);
});

test('clean: the paragraph a project pattern matches is not in the cleaned text', () => {
  const without = cli(['clean', 'a.md'], workspace({ 'a.md': POST }, false));
  assert.match(without.stdout, /关注本站公众号/);
  const run = cli(['clean', 'a.md'], workspace({ 'a.md': POST, '.policydoc/boilerplate.yaml': FILE }, false));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /各区要抓好落实/);
  assert.doesNotMatch(run.stdout, /关注本站公众号/);
});

test('clean: a file cleaned from another folder gets its own project’s patterns', () => {
  const project = workspace({ 'posts/a.md': POST, '.policydoc/boilerplate.yaml': FILE }, false);
  const run = cli(['clean', path.join(project, 'posts/a.md')], workspace({}, false));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /各区要抓好落实/);
  assert.doesNotMatch(run.stdout, /关注本站公众号/);
});
