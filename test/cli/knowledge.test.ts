import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { cli, json, workspace } from './helpers';

// The project's own knowledge (.policydoc/agencies.yaml) reaches the rules in the CLI, in the main thread and in workers.

const AGENCIES = [
  'agencies:',
  '  - name: 测试市大数据管理局',
  '    kind: 市政府工作部门',
  '    informal: [测试大数据局]',
  '    codes: [测数发]',
  '  - kind: 没有名称的条目',
  '',
].join('\n');

const notice = (n: number) => ['关于开展数据治理工作的通知', '', `测树发〔2020〕${n}号`, '', '各区：', '　　测试大数据局印发了工作方案，请遵照执行。', '', '2020年5月6日', ''].join('\n');

function findings(dir: string, env: Record<string, string> = {}) {
  const run = cli(['check', '--format', 'json'], dir, env);
  return { run, rules: json(run).flatMap((entry) => entry.diagnostics.map((d) => `${entry.file} ${d.rule}`)).sort() };
}

test('a user 代字 and a user informal name reach the rules; the bad entry is reported on stderr', () => {
  const without = findings(workspace({ 'a.txt': notice(1) }, false));
  assert.deepEqual(without.rules, []);
  const dir = workspace({ 'a.txt': notice(1), '.policydoc/agencies.yaml': AGENCIES }, false);
  const { run, rules } = findings(dir);
  assert.deepEqual(rules, ['a.txt agency-name', 'a.txt doc-number-agency-code']);
  assert.match(run.stderr, /\.policydoc\/agencies\.yaml:6:5 .*name/);
});

test('workers read the project knowledge too', () => {
  const files = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`d${i}.txt`, notice(i + 1)]));
  const dir = workspace({ ...files, '.policydoc/agencies.yaml': AGENCIES }, false);
  const { rules } = findings(dir, { POLICYDOC_WORKERS: '2' });
  assert.equal(rules.filter((rule) => rule.endsWith('doc-number-agency-code')).length, 4);
  assert.equal(rules.filter((rule) => rule.endsWith('agency-name')).length, 4);
});

// Each file's project is the nearest folder above it holding .policydocrc.json or .policydoc/, as a
// workspace folder is in the editor, wherever the CLI is started from.

const elsewhere = () => workspace({}, false);
const userRules = (run: ReturnType<typeof cli>) =>
  json(run)
    .flatMap((entry) => entry.diagnostics.filter((d) => d.rule === 'agency-name' || d.rule === 'doc-number-agency-code').map((d) => `${entry.file.split('/').slice(-2).join('/')} ${d.rule} ${d.severity}`))
    .sort();

test('a file checked from another folder gets its own project’s .policydoc/ files and config', () => {
  const project = workspace({ 'notices/a.txt': notice(1), '.policydoc/agencies.yaml': AGENCIES }, false);
  const run = cli(['check', '--format', 'json', path.join(project, 'notices/a.txt')], elsewhere());
  assert.deepEqual(userRules(run), ['notices/a.txt agency-name info', 'notices/a.txt doc-number-agency-code hint']);
  const configured = workspace({ 'a.txt': notice(1), '.policydoc/agencies.yaml': AGENCIES, '.policydocrc.json': JSON.stringify({ rules: { 'agency-name': 'error' } }) }, false);
  const second = cli(['check', '--format', 'json', path.join(configured, 'a.txt')], '/');
  assert.deepEqual(userRules(second), [`${path.basename(configured)}/a.txt agency-name error`, `${path.basename(configured)}/a.txt doc-number-agency-code hint`]);
  assert.equal(second.status, 1);
});

test('files of two projects in one run: each its own knowledge and config, in the main thread and in workers', () => {
  const a = workspace({ 'a1.txt': notice(1), 'a2.txt': notice(2), '.policydoc/agencies.yaml': AGENCIES }, false);
  const b = workspace({ 'b1.txt': notice(3), 'b2.txt': notice(4), '.policydocrc.json': JSON.stringify({ rules: { 'doc-number-agency-code': 'off' } }) }, false);
  for (const workers of ['0', '2']) {
    const run = cli(['check', '--format', 'json', a, b], elsewhere(), { POLICYDOC_WORKERS: workers });
    assert.deepEqual(userRules(run), [`${path.basename(a)}/a1.txt agency-name info`, `${path.basename(a)}/a1.txt doc-number-agency-code hint`, `${path.basename(a)}/a2.txt agency-name info`, `${path.basename(a)}/a2.txt doc-number-agency-code hint`], `workers: ${workers}`);
    // b's config makes every file found there a policy document (no 'not a policy document' count on stderr for b).
    assert.equal(json(run).filter((entry) => entry.file.includes(path.basename(b))).length, 2, `workers: ${workers}`);
  }
});

test('--config makes one project of every file, wherever the files are', () => {
  const a = workspace({ 'a.txt': notice(1), '.policydoc/agencies.yaml': AGENCIES }, false);
  const config = workspace({ 'only/.policydocrc.json': JSON.stringify({ rules: { 'doc-number-agency-code': 'off' } }) }, false);
  const run = cli(['check', '--format', 'json', '-c', path.join(config, 'only/.policydocrc.json'), path.join(a, 'a.txt')], elsewhere());
  assert.deepEqual(userRules(run), []);
});
