import assert from 'node:assert/strict';
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
