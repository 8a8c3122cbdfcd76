import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BLANK_FIRST, BROKEN_YAML, CLEAN, cli, json, SEED, workspace } from './helpers';

const SEVERITIES = ['error', 'warning', 'info', 'hint'];

function assertPosition(value: unknown): void {
  assert.deepEqual(Object.keys(value as object).sort(), ['character', 'line']);
  const { line, character } = value as { line: number; character: number };
  assert.ok(Number.isInteger(line) && line >= 0);
  assert.ok(Number.isInteger(character) && character >= 0);
}

test('json: one entry per checked file, exactly the documented keys and types', () => {
  const dir = workspace({ 'broken.md': BROKEN_YAML, 'clean.md': CLEAN });
  const run = cli(['check', '--format', 'json'], dir);
  assert.equal(run.status, 1, run.stderr);
  const entries = json(run);
  assert.deepEqual(entries.map((e) => e.file).sort(), ['000_680b3455c651966d.md', '001_23dc74ad63b58a12.md', '002_5b2f985364582157.md', '003_3f3e0725406a3fc4.txt', '004_c3879432c9c75c10.md', 'broken.md', 'clean.md']);
  for (const entry of entries) {
    assert.deepEqual(Object.keys(entry).sort(), ['diagnostics', 'file', 'profile']);
    assert.equal(typeof entry.profile, 'string');
    assert.ok(Array.isArray(entry.diagnostics));
    for (const d of entry.diagnostics) {
      assert.deepEqual(Object.keys(d).sort(), ['fixable', 'message', 'range', 'rule', 'severity']);
      assert.equal(typeof d.rule, 'string');
      assert.ok(SEVERITIES.includes(d.severity), d.severity);
      assert.equal(typeof d.message, 'string');
      assert.ok(d.message.length > 0);
      assert.equal(typeof d.fixable, 'boolean');
      assert.deepEqual(Object.keys(d.range).sort(), ['end', 'start']);
      assertPosition(d.range.start);
      assertPosition(d.range.end);
    }
  }
  const byFile = new Map(entries.map((e) => [e.file, e]));
  assert.equal(byFile.get(SEED.jekyll)?.profile, 'jekyll');
  assert.equal(byFile.get(SEED.pkulaw)?.profile, 'pkulaw');
  assert.equal(byFile.get(SEED.hexo)?.profile, 'hexo');
  assert.deepEqual(byFile.get('clean.md')?.diagnostics, [], 'clean files have an entry too');
});

test('json: positions are 0-based LSP positions', () => {
  const run = cli(['check', '--format', 'json', SEED.hexo, 'broken.md'], workspace({ 'broken.md': BROKEN_YAML }));
  const [seed, broken] = json(run);
  const position = seed.diagnostics.find((d) => d.rule === 'front-matter-position');
  assert.ok(position);
  assert.equal(position.severity, 'warning');
  assert.equal(position.fixable, true);
  // The blank first line is removed by the fix: the range covers line 0 up to the `---` on line 1.
  assert.deepEqual(position.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  const yaml = broken.diagnostics.find((d) => d.rule === 'yaml-syntax');
  assert.ok(yaml);
  assert.equal(yaml.severity, 'error');
  assert.equal(yaml.fixable, false);
  assert.ok(yaml.range.start.line >= 1 && yaml.range.start.line <= 2, JSON.stringify(yaml.range));
});

test('json: files are shown relative to the current folder with forward slashes', () => {
  const dir = workspace({ 'a/b/c.md': '---\ntitle: x\n---\n' }, false);
  const entries = json(cli(['check', '--all', '--format', 'json', './a'], dir));
  assert.deepEqual(entries.map((e) => e.file), ['a/b/c.md']);
});

test('json goes to stdout only, nothing else is printed', () => {
  const run = cli(['check', '--format', 'json', '--fix', SEED.hexo], workspace());
  assert.equal(run.stderr, '');
  assert.doesNotThrow(() => JSON.parse(run.stdout));
});

test('--lang zh gives Chinese rule messages, --lang en English ones', () => {
  const dir = workspace();
  const zh = json(cli(['check', '--format', 'json', '--lang', 'zh', SEED.hexo], dir))[0].diagnostics[0];
  const en = json(cli(['check', '--format', 'json', '--lang', 'en', SEED.hexo], dir))[0].diagnostics[0];
  assert.match(zh.message, /[\u4e00-\u9fff]/);
  assert.doesNotMatch(en.message, /[\u4e00-\u9fff]/);
  assert.equal(zh.rule, en.rule);
});

test('the language defaults to LANG, and LC_ALL wins over it', () => {
  const dir = workspace();
  const fromLang = json(cli(['check', '--format', 'json', SEED.hexo], dir, { LANG: 'zh_CN.UTF-8' }))[0].diagnostics[0];
  assert.match(fromLang.message, /[\u4e00-\u9fff]/);
  const fromLcAll = json(cli(['check', '--format', 'json', SEED.hexo], dir, { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }))[0].diagnostics[0];
  assert.doesNotMatch(fromLcAll.message, /[\u4e00-\u9fff]/);
});

test('--lang zh also translates the CLI texts (stylish summary, usage errors)', () => {
  const dir = workspace({ 'blank.md': BLANK_FIRST }, false);
  const stylish = cli(['check', '--lang', 'zh', 'blank.md'], dir);
  assert.match(stylish.stdout, /1 个问题（0 个错误，1 个警告，0 个提示信息）/);
  assert.match(stylish.stdout, /警告/);
  const usage = cli(['check', '--lang', 'zh', '--bogus'], dir);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /未知选项/);
});
