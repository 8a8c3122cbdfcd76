import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const seed = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const NOW = new Date('2026-03-01T04:00:00Z');
const service = () => createLanguageService({ locale: 'zh', now: () => NOW });

/** Completes at the `|` of a text. */
function complete(text: string, uri = 'file:///ws/doc.md', svc = service()) {
  const offset = text.indexOf('|');
  const source = text.slice(0, offset) + text.slice(offset + 1);
  const before = source.slice(0, offset).split('\n');
  const doc = svc.parse(uri, source);
  return svc.getCompletions(doc, { line: before.length - 1, character: before[before.length - 1].length });
}
const labels = (items: CompletionItem[]) => items.map((item) => item.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;

test('completion: swb in the author value of seed 000 offers 商务部 first, replacing the typed letters', () => {
  const text = seed('000_680b3455c651966d.md').replace('author: 新浪财经', 'author: swb|');
  const list = complete(text);
  const [first] = list.items;
  assert.equal(first.label, '商务部');
  assert.equal(first.detail, '国务院组成部门');
  assert.deepEqual(edit(first), { range: { start: { line: 8, character: 8 }, end: { line: 8, character: 11 } }, newText: '商务部' });
  assert.match((first.documentation as { value: string }).value, /国务院组成部门/);
});

test('completion: fgw and fagaiwei in a body offer 国家发展改革委 (the informal 发改委 resolves to it)', () => {
  for (const typed of ['fgw', 'fagaiwei', 'FGW']) {
    const [first] = complete(`<p>　　会议由${typed}|主持。</p>`).items;
    assert.equal(first.label, '国家发展改革委', typed);
    assert.equal(edit(first).newText, '国家发展改革委');
    assert.equal(first.labelDetails?.detail, ' ← 发改委');
  }
});

test('completion: CJK characters typed at the end of a sentence complete to a name, replacing only them', () => {
  const list = complete('会议指出，退役军|');
  assert.equal(list.items[0].label, '退役军人事务部');
  assert.deepEqual(edit(list.items[0]).range, { start: { line: 0, character: 5 }, end: { line: 0, character: 8 } });
  assert.deepEqual(complete('会议指出|').items, []);
});

test('completion: the issuing-organ line of seed 003 completes the full name by its initials', () => {
  const text = seed('003_3f3e0725406a3fc4.txt').replace('中华人民共和国商务部\n', 'zhrmghgswb|\n');
  assert.equal(complete(text, 'file:///ws/003.txt').items[0].label, '中华人民共和国商务部');
});

test('completion: a former organ comes after current ones and is tagged deprecated', () => {
  const items = complete('<p>fupinban|</p>').items;
  assert.equal(items[0].label, '国务院扶贫办');
  assert.deepEqual(items[0].tags, [1]);
});

test('completion: nothing inside an HTML tag or a URL', () => {
  assert.deepEqual(complete('<p class="swb|">').items, []);
  assert.deepEqual(complete('see https://example.com/swb|').items, []);
});

test('completion: front-matter keys of the profile, missing ones only, as snippets', () => {
  const list = complete('---\ntitle: 标题\ncomments: false\n|\n---\n正文');
  const keys = labels(list.items);
  assert.ok(keys.includes('date') && keys.includes('categories') && keys.includes('headimg'));
  assert.ok(!keys.includes('title') && !keys.includes('comments'));
  const byKey = (key: string) => list.items.find((item) => item.label === key)!;
  assert.equal(edit(byKey('date')).newText, 'date: ${1:2026-03-01 12:00:00}');
  assert.equal(edit(byKey('categories')).newText, 'categories:\n  - $1');
  assert.equal(byKey('toc').textEdit && edit(byKey('toc')).newText, 'toc: ${1|true,false|}');
  assert.ok(byKey('date').sortText! < byKey('toc').sortText!, 'required keys first');
  const jekyll = complete('---\nlayout: post\nda|\n---\n');
  const date = jekyll.items.find((item) => item.label === 'date')!;
  assert.equal(edit(date).newText, 'date: ${1:2026-03-01 12:00:00 +0800}');
  assert.deepEqual(edit(date).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
});

test('completion: enumerated values (booleans, layout)', () => {
  assert.deepEqual(labels(complete('---\ntitle: t\ncomments: |\nheadimg: x\n---\n').items), ['true', 'false']);
  assert.deepEqual(labels(complete('---\ntitle: t\ncomments: f|\nheadimg: x\n---\n').items), ['false']);
  assert.deepEqual(labels(complete('---\nlayout: |\n---\n').items), ['post', 'page']);
});

test('completion: categories and tags values seen in parsed documents, most used first', () => {
  const svc = service();
  svc.recordDocument(svc.parse('file:///ws/a.md', seed('000_680b3455c651966d.md')));
  svc.recordDocument(svc.parse('file:///ws/b.md', seed('001_23dc74ad63b58a12.md')));
  svc.recordDocument(svc.parse('file:///ws/c.md', seed('004_c3879432c9c75c10.md')));
  const list = complete('---\ntitle: t\ncomments: false\ncategories:\n - 新浪|\n---\n', 'file:///ws/new.md', svc);
  assert.deepEqual(labels(list.items), ['新浪财经', '新浪财经－国內']);
  assert.deepEqual(edit(list.items[0]).range, { start: { line: 4, character: 3 }, end: { line: 4, character: 5 } });
  assert.deepEqual(labels(complete('---\nlayout: post\ntags: |\n---\n', 'file:///ws/new.md', svc).items), ['商务部网站新闻']);
});

test('completion: after 〔 the current year (Beijing time) and the one before, closing the bracket', () => {
  const list = complete('（商财函〔|）');
  assert.deepEqual(list.items.map((item) => edit(item).newText), ['2026〕', '2025〕']);
  assert.deepEqual(complete('国发〔20|〕').items.map((item) => edit(item).newText), ['2026', '2025']);
});

test('completion: at a 发文字号 position the known 代字', () => {
  const list = complete('（国开|〔2020〕4号）');
  // Codes of the registry first, the more often seen in real documents first (doc-codes.json).
  assert.deepEqual(labels(list.items).filter((label) => label.startsWith('国开')).slice(0, 3), ['国开办发', '国开发', '国开办函']);
  const item = list.items.find((candidate) => candidate.label === '国开办发')!;
  assert.equal(item.detail, '国务院扶贫办');
  assert.equal(edit(item).newText, '国开办发');
  const fresh = complete('（国办|').items.find((candidate) => candidate.label === '国办发')!;
  assert.equal(edit(fresh).newText, '国办发〔2026〕$1号');
});

test('completion: results are capped and then marked incomplete', () => {
  const list = complete('<p>g|</p>');
  assert.equal(list.items.length, 50);
  assert.equal(list.isIncomplete, true);
  assert.equal(complete('<p>swb|</p>').isIncomplete, false);
});

test('completion: initials from inside a name find it (国家 left out): nyj → 国家能源局, xczxj → 国家乡村振兴局', () => {
  assert.equal(complete('<p>　　会议由nyj|主持。</p>').items[0].label, '国家能源局');
  assert.equal(complete('<p>　　会议由xczxj|主持。</p>').items[0].label, '国家乡村振兴局');
});

test('completion: a new or still unclosed front matter (no profile yet) offers the Hexo and Jekyll keys', () => {
  for (const text of ['---\n|\n---\n正文', '---\nti|']) {
    const keys = labels(complete(text).items);
    for (const key of ['title', 'date', 'categories', 'tags', 'layout', 'headimg']) assert.ok(keys.includes(key), `${key} in ${JSON.stringify(text)}`);
  }
});

test('completion: keys added to a profile in .policydocrc.json are offered', () => {
  const svc = service();
  svc.configure({ config: { profiles: { jekyll: { keys: { source: 'string' } } } } });
  assert.ok(labels(complete('---\nlayout: post\n|\n---\n正文', 'file:///ws/doc.md', svc).items).includes('source'));
  assert.ok(!labels(complete('---\nlayout: post\n|\n---\n正文').items).includes('source'));
});

test('completion: rmyh offers both 人民银行 and 中国人民银行 (the short and the formal name)', () => {
  const offered = complete('<p>rmyh|</p>').items.map((item) => edit(item).newText);
  assert.ok(offered.includes('人民银行'), offered.join(' '));
  assert.ok(offered.includes('中国人民银行'), offered.join(' '));
});
