// The 500-findings-per-rule cap is visible in every CLI format: JSON `truncated`, one stylish line, a SARIF notification.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN, cli, workspace } from './helpers';

/** 512 lines with a NUL each: control-character stops at 500 and leaves 12 out. */
const FLOOD = `---\nlayout: post\ntitle: "会议"\n---\n${'商务部\0办公厅召开网上例行新闻发布会，介绍有关情况。\n'.repeat(512)}`;

test('json: truncated {rule: count} on the file that hit the cap, absent elsewhere', () => {
  const run = cli(['check', '--format', 'json', 'flood.md', 'clean.md'], workspace({ 'flood.md': FLOOD, 'clean.md': CLEAN }, false));
  const [flood, clean] = JSON.parse(run.stdout) as { file: string; diagnostics: { rule: string }[]; truncated?: Record<string, number> }[];
  assert.deepEqual(flood.truncated, { 'control-character': 12 });
  assert.equal(flood.diagnostics.filter((d) => d.rule === 'control-character').length, 500);
  assert.ok(!flood.diagnostics.some((d) => d.rule === 'findings-cap'), 'the cap is a field, not a diagnostic');
  assert.equal('truncated' in clean, false);
});

test('stylish: one line under the file, in the chosen language', () => {
  const dir = workspace({ 'flood.md': FLOOD }, false);
  const en = cli(['check', 'flood.md'], dir).stdout.split('\n');
  assert.deepEqual(en.filter((line) => /findings of a rule are shown/.test(line)), ['  Only the first 500 findings of a rule are shown; not shown: control-character 12 more.']);
  const zh = cli(['check', 'flood.md', '--lang', 'zh'], dir).stdout;
  assert.match(zh, /每条规则最多显示 500 个问题；未显示：control-character 另有 12 个。/);
});

test('sarif: a notification of the run names the file and the counts', () => {
  const run = cli(['check', '--format', 'sarif', 'flood.md'], workspace({ 'flood.md': FLOOD }, false));
  const [sarifRun] = JSON.parse(run.stdout).runs;
  const [notification, ...rest] = sarifRun.invocations[0].toolExecutionNotifications;
  assert.deepEqual(rest, []);
  assert.equal(sarifRun.invocations[0].executionSuccessful, true);
  assert.equal(notification.descriptor.id, 'findings-cap');
  assert.equal(notification.locations[0].physicalLocation.artifactLocation.uri, 'flood.md');
  assert.deepEqual(notification.properties.truncated, { 'control-character': 12 });
});

test('sarif without a truncated file has no invocations', () => {
  const run = cli(['check', '--format', 'sarif', 'clean.md'], workspace({ 'clean.md': CLEAN }, false));
  assert.equal('invocations' in JSON.parse(run.stdout).runs[0], false);
});
