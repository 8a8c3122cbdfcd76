import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cli, json, workspace } from './helpers';

const files = {
  'latin1.md': Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'),
  'binary.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0x0a]),
  'empty.md': '',
  'ok.md': '---\ntitle: x\n---\n',
};

test('an invalid UTF-8 file is reported as an error (rule encoding), without crashing the run', () => {
  const dir = workspace(files, false);
  const run = cli(['check', '--all', '--format', 'json'], dir);
  assert.equal(run.status, 1, run.stderr);
  const entries = json(run);
  assert.deepEqual(entries.map((e) => e.file).sort(), ['binary.md', 'empty.md', 'latin1.md', 'ok.md']);
  const latin1 = entries.find((e) => e.file === 'latin1.md');
  assert.equal(latin1?.profile, null);
  assert.deepEqual(latin1?.diagnostics.map((d) => [d.rule, d.severity, d.fixable]), [['encoding', 'error', false]]);
  assert.match(latin1?.diagnostics[0].message ?? '', /UTF-8/);
});

test('a file with NUL bytes gets the service\'s binary-file warning', () => {
  const dir = workspace(files, false);
  const entries = json(cli(['check', '--format', 'json', 'binary.md'], dir));
  assert.deepEqual(entries[0].diagnostics.map((d) => [d.rule, d.severity]), [['binary-file', 'warning']]);
});

test('--fix never writes an unreadable or binary file', () => {
  const dir = workspace(files, false);
  const run = cli(['check', '--fix'], dir);
  assert.equal(run.status, 1);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'latin1.md')), files['latin1.md']);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'binary.md')), files['binary.md']);
});

test('stylish lists the unreadable file and exits 1', () => {
  const run = cli(['check', 'latin1.md'], workspace(files, false));
  assert.equal(run.status, 1);
  assert.match(run.stdout, /latin1\.md\n\s+1:1\s+error\s+.*UTF-8.*encoding/);
});
