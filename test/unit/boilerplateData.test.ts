import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { boilerplateJson, BOILERPLATE_JSON, readBoilerplateSources } from '../../scripts/boilerplateData.mjs';
import { compilePattern, PATTERN_KINDS, type PatternEntry } from '../../server/src/service/parse/boilerplate/patterns';

const ROOT = join(__dirname, '..', '..');
const CORPUS_DIR = join(ROOT, 'test', 'corpus', 'docs');
const MIN_SOURCES = 12;

/**
 * Lines of the sample corpus that hold real boilerplate, read and judged one by one: a pattern may
 * match these (by document and the line's start; a crawled document may be one long line). Any other
 * corpus line a pattern matches is article text, and the test fails.
 */
const REAL_BOILERPLATE_LINES: { doc: string; lineStart: string }[] = [
  // University notice reposted on a Jekyll blog: the CMS header (view counter, font-size switch) and footer toolbar.
  { doc: 'mybolgfor/_posts/2024-6-15-CAU-notice-KaiTi.md', lineStart: '发布日期：2024-06-12 信息来源：经管学院 浏览次数：453 字号：[ 大 中 小 ]' },
  { doc: 'mybolgfor/_posts/2024-6-15-CAU-notice-KaiTi.md', lineStart: '打印本页关闭窗口' },
  { doc: 'mybolgfor/_posts/2024-6-15-CAU-notice-ShuQIAnQuan copy.md', lineStart: '浏览次数：100' },
  // The whole crawled page is one line; the match is the portal header's empty counter "浏览次数： -" before 粤府办〔2006〕46号.
  { doc: 'ranxi-policy/挑战杯数据T20230308/policy/关于做好被征地农民就业培训和社会保障工作的通知.txt', lineStart: '关于做好被征地农民就业培训和社会保障工作的通知 发文机构：广东省人民政府办公厅' },
  // A folder (ending in /) stands for each of its documents: the same generator or site writes the same line in every one.
  // 新闻联播 transcripts (a script's Markdown): the 查看原文 link after each item, the update timestamp, the "undefined" placeholder.
  { doc: 'xwlb/news/', lineStart: '[查看原文](https://tv.cctv.com/' },
  { doc: 'xwlb/news/', lineStart: '(更新时间戳: ' },
  { doc: 'xwlb/news/', lineStart: 'undefined' },
  { doc: 'xwlb/news/', lineStart: '### undefined' },
  // Wind 陆家嘴财经早餐 reposts: the app's page chrome at the top, its disclaimers at the end.
  { doc: 'mybolgfor/_posts/', lineStart: 'EnRA+A-' },
  { doc: 'mybolgfor/_posts/', lineStart: '（本期视频由Wind AI提供技术支持）' },
  { doc: 'mybolgfor/_posts/', lineStart: '风险提示：市场有风险，投资需谨慎。' },
  { doc: 'mybolgfor/_posts/', lineStart: '版权声明：未经万得书面授权许可' },
  { doc: 'mybolgfor/_posts/', lineStart: '免责声明：本文所引述机构或个人的观点' },
  { doc: 'mybolgfor/_posts/', lineStart: '免责声明：本页面展示内容可支持Wind AI在线翻译' },
  // The cee VuePress site's banner above each embedded PDF.
  { doc: 'cee-vuepress/docs/posts/', lineStart: '本文使用PDF预览窗口' },
];

function isKnownBoilerplate(doc: string, line: string): boolean {
  return REAL_BOILERPLATE_LINES.some((known) => (known.doc.endsWith('/') ? doc.startsWith(known.doc) : known.doc === doc) && line.startsWith(known.lineStart));
}

const sources = readBoilerplateSources() as unknown as { file: string; source: string; url: string; patterns: PatternEntry[] }[];

function examplesOf(entry: PatternEntry): string[] {
  return [...(entry.example !== undefined ? [entry.example] : []), ...(entry.examples ?? [])];
}

function* corpusFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* corpusFiles(path);
    else if (/\.(md|txt)$/.test(name)) yield path;
  }
}


test('boilerplate data: one file per source, at least twelve sources', () => {
  assert.ok(sources.length >= MIN_SOURCES, `${sources.length} files`);
  const names = sources.map((s) => s.source);
  assert.equal(new Set(names).size, names.length, 'two files name the same source');
});

test('boilerplate data: server/data/boilerplate.json is generated from the YAML files (run npm run build)', () => {
  assert.equal(readFileSync(BOILERPLATE_JSON, 'utf8'), boilerplateJson());
});

for (const { file, source, patterns } of sources) {
  test(`boilerplate data ${file}: every pattern compiles, has a known kind, real examples it matches and where each was seen`, () => {
    assert.equal(typeof source, 'string', 'source');
    assert.ok(source.trim() !== '', 'source');
    assert.ok(Array.isArray(patterns) && patterns.length > 0, 'patterns');
    const keys = new Set<string>();
    for (const entry of patterns) {
      const label = `${file}: ${entry.pattern}`;
      assert.ok((PATTERN_KINDS as readonly string[]).includes(entry.kind), `${label}: kind ${entry.kind}`);
      const compiled = compilePattern(entry);
      assert.ok('pattern' in compiled, `${label}: ${'problem' in compiled ? compiled.problem.en : ''}`);
      const examples = examplesOf(entry);
      const seen = typeof entry.seen === 'string' ? examples.map(() => entry.seen as string) : entry.seen;
      assert.ok(Array.isArray(seen) && seen.length === examples.length, `${label}: one "seen" for all examples, or one for each`);
      for (const url of seen) assert.ok(/^https?:\/\//.test(url), `${label}: seen is a URL`);
      // The same pattern is written once, with all its examples.
      const key = `${entry.kind} ${entry.inline === true} ${entry.pattern}`;
      assert.ok(!keys.has(key), `${label}: written twice; give its examples as a list`);
      keys.add(key);
    }
  });
}

test('boilerplate data: no pattern matches a line of article text in the real-document sample', () => {
  // Template comments are not lines of text; stray markup is checked by its own test below.
  const compiled = sources.flatMap(({ file, patterns }) => patterns.filter((p) => p.kind !== 'comment').map((p) => ({ file, entry: p, regex: new RegExp(p.pattern, 'u') })));
  const hits: string[] = [];
  for (const path of corpusFiles(CORPUS_DIR)) {
    const doc = path.slice(CORPUS_DIR.length + 1);
    for (const raw of readFileSync(path, 'utf8').split(/\r\n|\r|\n/)) {
      const line = raw.trim();
      if (line === '' || isKnownBoilerplate(doc, line)) continue;
      for (const { file, entry, regex } of compiled) {
        if (entry.kind === 'stray-markup') continue;
        if (regex.test(line)) hits.push(`${file} ${entry.pattern} ← ${doc}: ${line.slice(0, 160)}`);
      }
    }
  }
  assert.deepEqual([...new Set(hits)], []);
});

test('boilerplate data: stray-markup patterns only match markup', () => {
  const prose = ['　　各市、县人民政府，省政府各部门、各直属机构：', '第一条 为了规范……，制定本办法。', 'BRT 快速公交线路 BR 段', '比较 a<b 与 b>r 的大小'];
  for (const { file, patterns } of sources) {
    for (const entry of patterns.filter((p) => p.kind === 'stray-markup')) {
      const regex = new RegExp(entry.pattern, 'u');
      for (const line of prose) assert.ok(!regex.test(line), `${file}: ${entry.pattern} matches ${line}`);
    }
  }
});
