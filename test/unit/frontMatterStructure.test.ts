import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, diagnose, doc, findings, fixAll, summary } from './helpers';

const HEXO = ['title: 标题', 'date: 2021-05-20 10:00:00', 'categories: 新闻', 'comments: false'];

describe('front-matter-position', () => {
  test('blank lines before the front matter', () => {
    const text = doc('', '', '---', ...HEXO, '---', 'body');
    assert.deepEqual(findings(text, 'front-matter-position'), ['front-matter-position@0:0-2:0']);
    const fixed = applyFix(text, 'front-matter-position');
    assert.equal(fixed, doc('---', ...HEXO, '---', 'body'));
    assert.deepEqual(summary(diagnose(fixed)), []);
  });

  test('stray text before the front matter', () => {
    const text = doc('downloaded from x', '---', ...HEXO, '---');
    const [diagnostic] = diagnose(text).filter((d) => d.code === 'front-matter-position');
    assert.match(diagnostic.message, /text before/);
    assert.equal(diagnose(applyFix(text, 'front-matter-position')).length, 0);
  });

  test('front matter on line 1, or none at all', () => {
    assert.deepEqual(findings(doc('---', ...HEXO, '---'), 'front-matter-position'), []);
    assert.deepEqual(findings(doc('', '# heading', '', 'text'), 'front-matter-position'), []);
    // A `---` rule line further down with no keys after it is not a front matter.
    assert.deepEqual(findings(doc('intro', '---', '', 'more'), 'front-matter-position'), []);
  });
});

describe('front-matter-unclosed', () => {
  test('reports the opening line', () => {
    const text = doc('---', 'title: a', 'date: 2021-05-20', 'body text');
    assert.deepEqual(summary(diagnose(text)), ['front-matter-unclosed@0:0-0:3']);
  });

  test('opening line after blank lines', () => {
    assert.deepEqual(findings(doc('', '---', 'title: a'), 'front-matter-unclosed'), ['front-matter-unclosed@1:0-1:3']);
  });

  test('closed with --- or ...', () => {
    assert.deepEqual(findings(doc('---', 'title: a', '---'), 'front-matter-unclosed'), []);
    assert.deepEqual(findings(doc('---', 'title: a', '...'), 'front-matter-unclosed'), []);
  });
});

describe('yaml-syntax', () => {
  test('points an unclosed flow list or quote at the value that opens it, not at the closing ---', () => {
    assert.deepEqual(findings(doc('---', 'title: x', 'tags: [a, b', '---'), 'yaml-syntax'), ['yaml-syntax@2:6-2:7']);
    assert.deepEqual(findings(doc('---', 'title: "abc', 'x: 1', '---'), 'yaml-syntax'), ['yaml-syntax@1:7-1:8']);
  });

  test('exact position of the error', () => {
    const text = doc('---', 'title: a', 'tags: [a, b', 'x: 1', '---');
    const result = findings(text, 'yaml-syntax');
    assert.ok(result.length >= 1);
    assert.ok(result.every((r) => /@[2-4]:/.test(r)), result.join());
  });

  test('a compact nested mapping is reported where YAML sees it', () => {
    assert.deepEqual(findings(doc('---', 'title: a: b', '---'), 'yaml-syntax'), ['yaml-syntax@1:7-1:8']);
  });

  test('not a mapping', () => {
    assert.deepEqual(findings(doc('---', 'just text', '---'), 'yaml-syntax'), ['yaml-syntax@1:0-2:0']);
  });

  test('tabs as indentation', () => {
    assert.deepEqual(findings(doc('---', 'title: a', '\tdate: 2021-01-01', '---'), 'yaml-syntax'), ['yaml-syntax@2:0-2:1']);
  });

  test('an alias without anchor is named as such, not as an alias bomb', () => {
    const [diagnostic] = diagnose(doc('---', 'title: *nothing', '---')).filter((d) => d.code === 'yaml-syntax');
    assert.equal(diagnostic.message, 'YAML syntax error: "title" uses an alias whose anchor is not defined before it');
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 15 } });
  });

  test('a list is not a front matter', () => {
    assert.deepEqual(findings(doc('---', '- a', '- b', '---'), 'yaml-syntax'), ['yaml-syntax@1:0-3:0']);
  });

  test('valid YAML gives nothing', () => {
    assert.deepEqual(findings(doc('---', 'title: "a: b"', 'tags:', '  - x', '---'), 'yaml-syntax'), []);
  });
});

describe('duplicate-key', () => {
  test('reports later occurrences, naming the first line', () => {
    const text = doc('---', 'title: a', 'tags: x', 'title: b', 'title: c', '---');
    const diagnostics = diagnose(text).filter((d) => d.code === 'duplicate-key');
    assert.deepEqual(summary(diagnostics), ['duplicate-key@3:0-3:5', 'duplicate-key@4:0-4:5']);
    assert.match(diagnostics[0].message, /"title" is already given on line 2/);
  });

  test('same key in nested mappings is not a duplicate', () => {
    assert.deepEqual(findings(doc('---', 'a:', '  x: 1', 'b:', '  x: 2', '---'), 'duplicate-key'), []);
  });
});

describe('fix-all', () => {
  test('applying every fix twice equals once', () => {
    const text = doc('', '---', 'title: a', 'date: Fri, 20 May 2021 03:12:16 GMT', 'categories: x', 'comments: "false"', 'tgas: y', 'headimg: htps://a.cn/x.png', 'toc: no', '---', 'body');
    const once = fixAll(text);
    assert.notEqual(once, text);
    assert.equal(fixAll(once), once);
    assert.deepEqual(summary(diagnose(once)), []);
  });
});
