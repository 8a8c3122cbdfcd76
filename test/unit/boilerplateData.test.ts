import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const DATA_DIR = join(ROOT, 'server', 'data', 'boilerplate');
const CORPUS_DIR = join(ROOT, 'test', 'corpus', 'docs');
const KINDS = ['share', 'qr', 'editor', 'navigation', 'footer', 'disclaimer', 'promotion', 'banner', 'conversion', 'stray-markup'];
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
];

function isKnownBoilerplate(doc: string, line: string): boolean {
  return REAL_BOILERPLATE_LINES.some((known) => known.doc === doc && line.startsWith(known.lineStart));
}

interface Pattern {
  kind: string;
  pattern: string;
  example: string;
  seen: string;
  inline?: boolean;
}

interface SourceFile {
  file: string;
  source: string;
  patterns: Pattern[];
}

function loadSources(): SourceFile[] {
  return readdirSync(DATA_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, ...(parse(readFileSync(join(DATA_DIR, file), 'utf8')) as Omit<SourceFile, 'file'>) }));
}

function* corpusFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* corpusFiles(path);
    else if (/\.(md|txt)$/.test(name)) yield path;
  }
}

const sources = loadSources();

test('boilerplate data: one file per source, at least twelve sources', () => {
  assert.ok(sources.length >= MIN_SOURCES, `${sources.length} files`);
  const names = sources.map((s) => s.source);
  assert.equal(new Set(names).size, names.length, 'two files name the same source');
});

for (const { file, source, patterns } of sources) {
  test(`boilerplate data ${file}: every pattern compiles, has a known kind, a real example it matches and where it was seen`, () => {
    assert.equal(typeof source, 'string', 'source');
    assert.ok(source.trim() !== '', 'source');
    assert.ok(Array.isArray(patterns) && patterns.length > 0, 'patterns');
    for (const entry of patterns) {
      const label = `${file}: ${entry.pattern}`;
      assert.ok(KINDS.includes(entry.kind), `${label}: kind ${entry.kind}`);
      const regex = new RegExp(entry.pattern, 'u');
      assert.equal(typeof entry.example, 'string', `${label}: example`);
      assert.ok(entry.example.trim() !== '', `${label}: example`);
      assert.equal(typeof entry.seen, 'string', `${label}: seen`);
      assert.ok(/^https?:\/\//.test(entry.seen), `${label}: seen is a URL`);
      // A whole-paragraph pattern is tested against the trimmed paragraph; an inline one finds its fragment anywhere.
      const subject = entry.inline ? entry.example : entry.example.trim();
      assert.ok(regex.test(subject), `${label}: does not match its example ${JSON.stringify(entry.example)}`);
      if (!entry.inline) assert.ok(entry.pattern.startsWith('^') && entry.pattern.endsWith('$'), `${label}: whole-paragraph patterns are anchored`);
    }
  });
}

test('boilerplate data: no pattern matches a line of article text in the real-document sample', () => {
  const compiled = sources.flatMap(({ file, patterns }) => patterns.map((p) => ({ file, entry: p, regex: new RegExp(p.pattern, 'u') })));
  const hits: string[] = [];
  for (const path of corpusFiles(CORPUS_DIR)) {
    const doc = path.slice(CORPUS_DIR.length + 1);
    for (const raw of readFileSync(path, 'utf8').split(/\r\n|\r|\n/)) {
      const line = raw.trim();
      if (line === '' || isKnownBoilerplate(doc, line)) continue;
      for (const { file, entry, regex } of compiled) {
        // Stray markup is never article text; it is checked by its own test below.
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
