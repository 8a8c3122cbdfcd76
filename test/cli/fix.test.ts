import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { BLANK_FIRST, CLEAN, cli, json, rulesOf, SEED, workspace } from './helpers';

test('--fix removes the blank line before the front matter of seed 000; a second --fix changes nothing', () => {
  const dir = workspace();
  const file = path.join(dir, SEED.hexo);
  const original = fs.readFileSync(file, 'utf8');
  assert.ok(original.startsWith('\n---\n'));

  const first = cli(['check', '--fix', '--format', 'json', SEED.hexo], dir);
  assert.equal(first.status, 0, first.stderr);
  const fixed = fs.readFileSync(file, 'utf8');
  // Other fixable rules may edit the body too; the front matter itself now opens the file, unchanged.
  const frontMatter = original.slice(1, original.indexOf('\n---\n', 4) + 5);
  assert.ok(fixed.startsWith(frontMatter), fixed.slice(0, 200));
  assert.ok(!rulesOf(json(first), SEED.hexo).includes('front-matter-position'), 'the fixed problem is not reported');

  const mtime = fs.statSync(file).mtimeMs;
  const second = cli(['check', '--fix', '--format', 'json', SEED.hexo], dir);
  assert.equal(second.status, 0);
  assert.equal(fs.readFileSync(file, 'utf8'), fixed);
  assert.equal(fs.statSync(file).mtimeMs, mtime, 'an unchanged file is not rewritten');
  assert.deepEqual(json(second), json(first));
});

test('--fix leaves clean files untouched, byte for byte', () => {
  const dir = workspace({ 'clean.md': CLEAN, 'crlf.md': CLEAN.replace(/\n/g, '\r\n') }, false);
  const before = fs.statSync(path.join(dir, 'clean.md')).mtimeMs;
  cli(['check', '--fix'], dir);
  assert.equal(fs.readFileSync(path.join(dir, 'clean.md'), 'utf8'), CLEAN);
  assert.equal(fs.readFileSync(path.join(dir, 'crlf.md'), 'utf8'), CLEAN.replace(/\n/g, '\r\n'));
  assert.equal(fs.statSync(path.join(dir, 'clean.md')).mtimeMs, before);
});

test('--fix keeps the BOM and the CRLF line endings of a file', () => {
  const crlf = BLANK_FIRST.replace(/\n/g, '\r\n');
  const dir = workspace({ 'crlf.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]) }, false);
  const run = cli(['check', '--fix', '--format', 'json', 'crlf.md'], dir);
  assert.equal(run.status, 0, run.stderr);
  const bytes = fs.readFileSync(path.join(dir, 'crlf.md'));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
  const text = bytes.subarray(3).toString('utf8');
  assert.equal(text, crlf.slice(2), 'only the blank line (CRLF) before --- removed');
  assert.doesNotMatch(text, /[^\r]\n/, 'every line still ends in CRLF');
  assert.deepEqual(rulesOf(json(run), 'crlf.md'), []);
});

test('stylish output of --fix says how many files were fixed', () => {
  const run = cli(['check', '--fix', 'a.md', 'b.md', 'c.md'], workspace({ 'a.md': BLANK_FIRST, 'b.md': BLANK_FIRST, 'c.md': CLEAN }, false));
  assert.equal(run.status, 0);
  assert.match(run.stdout, /Fixed 2 files\./);
  assert.match(run.stdout, /No problems in 3 files/);
});
