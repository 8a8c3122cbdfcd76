// Scope: which files look like policy documents. Real policy documents (the seeds, the corpus sample)
// are in; real Chinese READMEs and notes from GitHub (test/fixtures/scope/SOURCES.md) are out.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { createLanguageService, inScope } from '../../server/src/service';
import { shipped } from '../../server/src/service/knowledge';
import { parseDocument } from '../../server/src/service/parse/document';
import { policySignals } from '../../server/src/service/scope';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const NEGATIVE = join(FIXTURES, 'scope', 'negative');
const CORPUS = join(import.meta.dirname, '..', 'corpus');
const knowledge = shipped();
const signalsOf = (file: string) => policySignals(parseDocument(pathToFileURL(file).href, readFileSync(file, 'utf8')), knowledge);

test('scope: every real README and note of test/fixtures/scope is out of scope', () => {
  const files = readdirSync(NEGATIVE);
  assert.ok(files.length >= 20, `${files.length} fixtures`);
  const inScopeFiles = files.filter((name) => signalsOf(join(NEGATIVE, name)).length > 0);
  assert.deepEqual(inScopeFiles, []);
});

test('scope: the seeds are in, each for what marks its format', () => {
  const expected: Record<string, string> = {
    '000_680b3455c651966d.md': 'post-front-matter',
    '001_23dc74ad63b58a12.md': 'post-front-matter',
    '002_5b2f985364582157.md': 'post-front-matter',
    '003_3f3e0725406a3fc4.txt': 'pkulaw',
    '004_c3879432c9c75c10.md': 'post-front-matter',
  };
  for (const [name, signal] of Object.entries(expected)) assert.ok(signalsOf(join(FIXTURES, name)).includes(signal as never), `${name}: ${signalsOf(join(FIXTURES, name))}`);
  const pkulaw = signalsOf(join(FIXTURES, '003_3f3e0725406a3fc4.txt'));
  for (const signal of ['doc-number', 'sections', 'addressee'] as const) assert.ok(pkulaw.includes(signal), `003: ${pkulaw}`);
});

test('scope: at least 95% of the corpus sample (485 real policy documents) is in scope', () => {
  const files = (JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as { file: string }[]).map((entry) => entry.file);
  const out = files.filter((file) => signalsOf(join(CORPUS, file)).length === 0);
  assert.ok(out.length <= files.length * 0.05, `${out.length} of ${files.length} out of scope:\n${out.join('\n')}`);
});

test('scope: a title is a signal when an agency heads a document or a news item, not a crawler project', () => {
  const signals = (text: string) => policySignals(parseDocument('file:///ws/a.md', text), knowledge);
  assert.ok(signals('# 商务部关于做好2020年消费扶贫工作的通知\n\n正文。\n').includes('agency-title'));
  assert.ok(signals('# 商务部召开乡村振兴工作领导小组会议\n').includes('agency-title'));
  assert.deepEqual(signals('# 国家统计局数据抓取器\n\n数据来自国家统计局的国家数据网站。\n'), []);
  assert.deepEqual(signals('# 学习方法\n\n## 一、预习\n\n## 二、复习\n'), []);
});

test('scope: policydoc.enable and .policydocrc.json decide before the signals do', () => {
  const never = () => assert.fail('the signals are not read');
  assert.equal(inScope('never', true, never), false);
  assert.equal(inScope('always', false, never), true);
  assert.equal(inScope('auto', true, never), true);
  assert.equal(inScope('auto', false, () => false), false);
  assert.equal(inScope('auto', false, () => true), true);
});

test('scope: the service answers once per parse, and parse records nothing for completion', () => {
  const service = createLanguageService();
  const post = service.parse('file:///ws/post.md', readFileSync(join(FIXTURES, '000_680b3455c651966d.md'), 'utf8'));
  assert.equal(service.isPolicyDocument(post), true);
  assert.equal(service.isPolicyDocument(service.parse('file:///ws/README.md', readFileSync(join(NEGATIVE, 'national-data.readme.md'), 'utf8'))), false);
  const categories = (svc: typeof service) => svc.getCompletions(svc.parse('file:///ws/new.md', '---\ntitle: t\ncomments: false\ncategories:\n - 新浪\n---\n'), { line: 4, character: 5 }).items.map((item) => item.label);
  assert.deepEqual(categories(service), []);
  service.recordDocument(post);
  assert.ok(categories(service).includes('新浪财经'));
});
