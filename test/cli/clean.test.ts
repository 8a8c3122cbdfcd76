// `policydoc clean` as a process: text, html and md output, -o, usage errors.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cli, FIXTURES, ROOT, SEED, workspace } from './helpers';

const gold = (seed: string) => fs.readFileSync(path.join(ROOT, 'test/gold', seed.replace(/\.\w+$/, '.txt')), 'utf8');

test('clean prints the cleaned text by default, exactly the gold text', () => {
  for (const seed of Object.values(SEED)) {
    const run = cli(['clean', path.join(FIXTURES, seed)], ROOT);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, gold(seed));
  }
});

test('clean --to html writes a stand-alone page with the stylesheet and no script', () => {
  const dir = workspace();
  const run = cli(['clean', SEED.pkulaw, '--to', 'html', '-o', 'out.html'], dir);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  const html = fs.readFileSync(path.join(dir, 'out.html'), 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
  assert.match(html, /\.pd-official \.pd-date/);
  assert.match(html, /<p class="pd-date" data-line="47">2020年3月11日<\/p>/);
  assert.ok(!/<script/i.test(html));
});

test('clean --to md gives front matter and Markdown paragraphs', () => {
  const run = cli(['clean', path.join(FIXTURES, SEED.jekyll), '--to', 'md'], ROOT);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^---\ntitle: 商务部：提升传统消费能级 加快新型消费发展\ndate: 2021-12-29 18:26:21\n/);
  assert.ok(!run.stdout.includes('返回首页'));
});

test('clean usage errors exit 2 with a message in the chosen language', () => {
  const bad = cli(['clean', path.join(FIXTURES, SEED.hexo), '--to', 'pdf', '--lang', 'zh'], ROOT);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--to 的值“pdf”无效/);
  const two = cli(['clean', 'a.md', 'b.md'], ROOT);
  assert.equal(two.status, 2);
  assert.match(two.stderr, /exactly one file/);
  const missing = cli(['clean', 'nope.md'], ROOT);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /No such file/);
});
