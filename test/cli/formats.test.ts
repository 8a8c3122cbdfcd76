import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BLANK_FIRST, BROKEN_YAML, CLEAN, cli, SEED, workspace } from './helpers';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
    }[];
  }[];
}

test('sarif is valid SARIF 2.1.0 JSON with 1-based regions', () => {
  const dir = workspace({ 'broken.md': BROKEN_YAML });
  const run = cli(['check', '--format', 'sarif'], dir);
  assert.equal(run.status, 1, run.stderr);
  const log = JSON.parse(run.stdout) as SarifLog;
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const { driver } = log.runs[0].tool;
  assert.equal(driver.name, 'policydoc');
  const results = log.runs[0].results;
  const position = results.find((r) => r.ruleId === 'front-matter-position' && r.locations[0].physicalLocation.artifactLocation.uri === SEED.hexo);
  assert.ok(position);
  assert.equal(position.level, 'warning');
  assert.deepEqual(position.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 2, endColumn: 1 });
  const yaml = results.find((r) => r.ruleId === 'yaml-syntax');
  assert.equal(yaml?.level, 'error');
  for (const result of results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
});

test('stylish: file, then line:col severity message rule (1-based), then a summary', () => {
  const run = cli(['check', 'blank.md', 'clean.md'], workspace({ 'blank.md': BLANK_FIRST, 'clean.md': CLEAN }, false));
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], 'blank.md');
  assert.match(lines[1], /^ {2}1:1 {2}warning {2}Front matter .+ {2}front-matter-position$/);
  assert.ok(!run.stdout.includes('clean.md'), 'clean files are not listed');
  assert.match(run.stdout, /✖ 1 problem \(0 errors, 1 warning, 0 infos\)/);
  assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colours when stdout is not a TTY');
});

test('stylish on clean files says so', () => {
  const run = cli(['check', 'a.md', 'b.md'], workspace({ 'a.md': CLEAN, 'b.md': CLEAN }, false));
  assert.equal(run.status, 0);
  assert.equal(run.stdout, '✔ No problems in 2 files\n');
});
