import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, diagnose, doc, findings, fixOf } from './helpers';

/** A complete Hexo front matter with one line replaced or added. */
const hexo = (...extra: string[]) => doc('---', 'title: 标题', 'date: 2021-05-20 10:00:00', 'categories: 新闻', 'comments: false', ...extra, '---', '正文');

describe('required-key', () => {
  test('missing keys are reported on the opening line', () => {
    const text = doc('---', 'title: 标题', 'comments: false', '---');
    const diagnostics = diagnose(text).filter((d) => d.code === 'required-key');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.end.character, d.message]), [
      [0, 3, 'Required key "date" is missing (hexo front matter).'],
      [0, 3, 'Required key "categories" is missing (hexo front matter).'],
    ]);
  });

  test('a null value is reported on the key', () => {
    assert.deepEqual(findings(hexo().replace('categories: 新闻', 'categories:'), 'required-key'), ['required-key@3:0-3:10']);
    assert.deepEqual(findings(hexo().replace('categories: 新闻', 'categories: ~'), 'required-key'), ['required-key@3:0-3:10']);
  });

  test('Jekyll requires only the title', () => {
    assert.deepEqual(findings(doc('---', 'layout: post', '---'), 'required-key'), ['required-key@0:0-0:3']);
    assert.deepEqual(findings(doc('---', 'layout: post', 'title: t', '---'), 'required-key'), []);
  });

  test('complete front matter, and profiles that require nothing', () => {
    assert.deepEqual(findings(hexo(), 'required-key'), []);
    assert.deepEqual(findings(doc('---', 'shortTitle: x', '---'), 'required-key'), []);
  });

  test('silent while the YAML is broken or the front matter unclosed', () => {
    assert.deepEqual(findings(doc('---', 'comments: false', 'title: [', '---'), 'required-key'), []);
    assert.deepEqual(findings(doc('---', 'comments: false'), 'required-key'), []);
  });
});

describe('key-type', () => {
  test('quoted boolean: fixed to the boolean', () => {
    const text = hexo().replace('comments: false', 'comments: "false"');
    const [diagnostic] = diagnose(text).filter((d) => d.code === 'key-type');
    assert.equal(diagnostic.range.start.line, 4);
    assert.deepEqual([diagnostic.range.start.character, diagnostic.range.end.character], [10, 17]);
    assert.equal(fixOf(diagnostic)?.title, 'Write false');
    const fixed = applyFix(text, 'key-type');
    assert.equal(fixed, hexo());
    assert.deepEqual(findings(fixed, 'key-type'), []);
  });

  test('yes/no/on/off are text in YAML 1.2: fixed to true/false', () => {
    assert.equal(applyFix(hexo('toc: yes'), 'key-type'), hexo('toc: true'));
    assert.equal(applyFix(hexo("published: 'Off'"), 'key-type'), hexo('published: false'));
    assert.deepEqual(findings(hexo('toc: no # hide it'), 'key-type'), ['key-type@5:5-5:7']);
    assert.equal(applyFix(hexo('toc: no # hide it'), 'key-type'), hexo('toc: false # hide it'));
  });

  test('quoted number where a number or boolean is expected', () => {
    assert.equal(applyFix(hexo("top: '10'"), 'key-type'), hexo('top: 10'));
    assert.equal(applyFix(hexo('sticky: "true"'), 'key-type'), hexo('sticky: true'));
  });

  test('values that are not of the type, without fix', () => {
    const cases: [string, string][] = [
      ['comments: maybe', 'key-type@4:10-4:15'],
      ['comments: 0', 'key-type@4:10-4:11'],
    ];
    for (const [line, expected] of cases) {
      const text = hexo().replace('comments: false', line);
      const diagnostics = diagnose(text).filter((d) => d.code === 'key-type');
      assert.deepEqual(diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`), [expected], line);
      assert.equal(fixOf(diagnostics[0]), undefined, line);
    }
  });

  test('categories as a number or a mapping; title as a list', () => {
    assert.deepEqual(findings(hexo().replace('categories: 新闻', 'categories: 123'), 'key-type'), ['key-type@3:12-3:15']);
    assert.deepEqual(findings(hexo().replace('categories: 新闻', 'categories:\n  a: 1\n  b: 2'), 'key-type'), ['key-type@4:2-5:6']);
    assert.deepEqual(findings(hexo().replace('title: 标题', 'title: [a, b]'), 'key-type'), ['key-type@1:7-1:13']);
  });

  test('a number where text is expected: fixed by quoting', () => {
    const text = hexo().replace('title: 标题', 'title: 2021');
    const [diagnostic] = diagnose(text).filter((d) => d.code === 'key-type');
    assert.match(diagnostic.message, /must be text/);
    assert.equal(applyFix(text, 'key-type'), hexo().replace('title: 标题', "title: '2021'"));
  });

  test('dates and URLs must be text; their format is another rule\'s job', () => {
    assert.deepEqual(findings(hexo().replace('date: 2021-05-20 10:00:00', 'date: 20210520'), 'key-type'), ['key-type@2:6-2:14']);
    assert.deepEqual(findings(hexo().replace('date: 2021-05-20 10:00:00', 'date: [2021]'), 'key-type'), ['key-type@2:6-2:12']);
    assert.deepEqual(findings(hexo('headimg: 12'), 'key-type'), ['key-type@5:9-5:11']);
    assert.deepEqual(findings(hexo('headimg: not a url'), 'key-type'), []);
  });

  test('valid values of every type', () => {
    const text = hexo('tags: [a, b]', 'keywords: 政策', 'top: 3', 'sticky: true', 'photos:', '  - /a.png', '  - /b.png', 'author: 新华社', 'toc: true', 'extra: [1, {x: 2}]');
    assert.deepEqual(findings(text, 'key-type'), []);
    assert.deepEqual(findings(hexo().replace('categories: 新闻', 'categories:\n  - [政策, 解读]\n  - 新闻'), 'key-type'), []);
  });

  test('null values are not a type problem', () => {
    assert.deepEqual(findings(hexo('toc:', 'author: ~'), 'key-type'), []);
  });

  test('Jekyll types', () => {
    assert.deepEqual(findings(doc('---', 'layout: post', 'title: t', 'published: "no"', 'category: [a, b]', '---'), 'key-type'), ['key-type@3:11-3:15', 'key-type@4:10-4:16']);
  });
});

describe('unknown-key', () => {
  test('near misses of known keys, with a rename fix', () => {
    const text = hexo('catagory: x', 'tgas: y', 'athor: z');
    assert.deepEqual(findings(text, 'unknown-key'), ['unknown-key@6:0-6:4', 'unknown-key@7:0-7:5']);
    const [tags] = diagnose(text).filter((d) => d.code === 'unknown-key');
    assert.equal(tags.message, 'Unknown key "tgas": did you mean "tags"?');
    const fixed = applyFix(text, 'unknown-key');
    assert.equal(fixed, hexo('catagory: x', 'tags: y', 'athor: z'));
    assert.deepEqual(findings(fixed, 'unknown-key'), ['unknown-key@7:0-7:5']);
  });

  test('catagories → categories, reported but not renamed when categories exists', () => {
    const [diagnostic] = diagnose(hexo('catagories: x')).filter((d) => d.code === 'unknown-key');
    assert.match(diagnostic.message, /did you mean "categories"/);
    assert.equal(fixOf(diagnostic), undefined);
    const withoutCategories = doc('---', 'title: t', 'date: 2021-05-20', 'catagories: x', 'toc: true', '---');
    assert.equal(applyFix(withoutCategories, 'unknown-key'), withoutCategories.replace('catagories', 'categories'));
  });

  test('two keys suggesting the same key are not renamed (that would make a duplicate)', () => {
    const text = doc('---', 'title: t', 'date: 2021-05-20', 'categories: x', 'toc: true', 'tag: a', 'tgas: b', '---');
    const diagnostics = diagnose(text).filter((d) => d.code === 'unknown-key');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, fixOf(d)]), [[5, undefined], [6, undefined]]);
  });

  test('case-only differences are near misses', () => {
    assert.deepEqual(findings(hexo('Author: x'), 'unknown-key'), ['unknown-key@5:0-5:6']);
  });

  test('short keys: distance 1 only', () => {
    assert.deepEqual(findings(hexo('tag: x'), 'unknown-key'), ['unknown-key@5:0-5:3']);
    assert.deepEqual(findings(hexo('icon: x', 'mode: y', 'sort: 1'), 'unknown-key'), []);
  });

  test('keys known to the profile or theme keys far from any known key are fine', () => {
    assert.deepEqual(findings(hexo('tags: [a]', 'updated: 2021-05-21', 'banner: /b.png', 'mathjax: true', 'sidebar: none'), 'unknown-key'), []);
  });

  test('never in profiles without a key list', () => {
    assert.deepEqual(findings(doc('---', 'titel: t', 'tgas: x', '---'), 'unknown-key'), []);
  });

  test('Jekyll keys', () => {
    assert.deepEqual(findings(doc('---', 'layout: post', 'title: t', 'categroy: a', 'permalnk: /x', '---'), 'unknown-key'), ['unknown-key@3:0-3:8', 'unknown-key@4:0-4:8']);
  });
});

describe('empty-title', () => {
  test('empty or whitespace-only titles', () => {
    assert.deepEqual(findings(hexo().replace('title: 标题', "title: ''"), 'empty-title'), ['empty-title@1:0-1:9']);
    assert.deepEqual(findings(hexo().replace('title: 标题', "title: '　 '"), 'empty-title'), ['empty-title@1:0-1:11']);
  });

  test('a null title is required-key\'s where the profile requires it, empty-title elsewhere', () => {
    const hexoNull = hexo().replace('title: 标题', 'title:');
    assert.deepEqual(findings(hexoNull, 'empty-title'), []);
    assert.deepEqual(findings(hexoNull, 'required-key'), ['required-key@1:0-1:5']);
    assert.deepEqual(findings(doc('---', 'title:', 'icon: x', '---'), 'empty-title'), ['empty-title@1:0-1:6']);
  });

  test('a title with text', () => {
    assert.deepEqual(findings(hexo(), 'empty-title'), []);
    assert.deepEqual(findings(doc('---', 'icon: x', '---'), 'empty-title'), []);
  });
});
