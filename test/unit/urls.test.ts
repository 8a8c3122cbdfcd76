import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkUrl } from '../../server/src/service/rules/url-format';
import { applyFix, diagnose, doc, findings, fixOf, makeService } from './helpers';

const withHeadimg = (value: string) => doc('---', 'title: 标题', 'date: 2021-05-20', 'categories: 新闻', `headimg: ${value}`, '---');

describe('checkUrl', () => {
  test('well-formed URLs and paths', () => {
    for (const url of ['https://n.sinaimg.cn/finance/a.png', 'http://www.gov.cn/', 'https://[::1]:8080/x', '//n.sinaimg.cn/a.png', '/img/a.png', 'img/a.png', 'a.png', '']) {
      assert.equal(checkUrl(url), null, url);
    }
  });

  test('problems', () => {
    const cases: [string, string][] = [
      ['htps://a.cn/x', 'misspeltScheme'],
      ['htp://a.cn/x', 'misspeltScheme'],
      ['http:/a.cn/x', 'missingSlashes'],
      ['https:a.cn', 'missingSlashes'],
      ['http//a.cn/x', 'missingColon'],
      ['https:///x.png', 'noHost'],
      ['https://', 'noHost'],
      ['//', 'noHost'],
      ['javascript:alert(1)', 'badScheme'],
      ['ftp://a.cn/x', 'badScheme'],
      ['https://a.cn/a b.png', 'whitespace'],
      [' https://a.cn/x', 'whitespace'],
      ['n.sinaimg.cn/finance/x.png', 'missingScheme'],
      ['www.gov.cn', 'missingScheme'],
      ['www.gov.cn:8080/a', 'missingScheme'],
      ['https://a.cn:99999/', 'malformed'],
    ];
    for (const [url, messageId] of cases) assert.equal(checkUrl(url)?.messageId, messageId, url);
  });

  test('which problems have fixes', () => {
    assert.ok(checkUrl('htps://a.cn')?.fix);
    assert.ok(checkUrl(' https://a.cn ')?.fix);
    assert.equal(checkUrl('https://a.cn/a b')?.fix, undefined);
    assert.equal(checkUrl('javascript:x')?.fix, undefined);
  });
});

describe('url-format', () => {
  test('missing scheme in a quoted value: range includes the quotes, fix edits inside', () => {
    const text = withHeadimg("'n.sinaimg.cn/finance/x.png'");
    const [diagnostic] = diagnose(text).filter((d) => d.code === 'url-format');
    assert.deepEqual(diagnostic.range, { start: { line: 4, character: 9 }, end: { line: 4, character: 37 } });
    assert.equal(fixOf(diagnostic)?.title, 'Add "https://"');
    const fixed = applyFix(text, 'url-format');
    assert.equal(fixed, withHeadimg("'https://n.sinaimg.cn/finance/x.png'"));
    assert.deepEqual(findings(fixed, 'url-format'), []);
  });

  test('each fixable problem round-trips', () => {
    const cases: [string, string][] = [
      ['htps://a.cn/x.png', 'https://a.cn/x.png'],
      ['"htp:/a.cn/x.png"', '"http://a.cn/x.png"'],
      ['http:/a.cn/x.png', 'http://a.cn/x.png'],
      ['http//a.cn/x.png', 'http://a.cn/x.png'],
      ["' https://a.cn/x.png '", "'https://a.cn/x.png'"],
    ];
    for (const [value, expected] of cases) {
      const fixed = applyFix(withHeadimg(value), 'url-format');
      assert.equal(fixed, withHeadimg(expected), value);
      assert.deepEqual(findings(fixed, 'url-format'), [], value);
    }
  });

  test('unfixable problems', () => {
    const [diagnostic] = diagnose(withHeadimg('javascript:alert(1)')).filter((d) => d.code === 'url-format');
    assert.equal(diagnostic.message, '"headimg" must be an http(s) URL or a path on the site, not a "javascript:" URL: javascript:alert(1)');
    assert.deepEqual(diagnostic.range, { start: { line: 4, character: 9 }, end: { line: 4, character: 28 } });
    assert.equal(fixOf(diagnostic), undefined);
  });

  test('URL lists: each item is checked at its own position', () => {
    const text = doc('---', 'title: t', 'date: 2021-05-20', 'categories: x', 'photos:', '  - https://a.cn/1.png', '  - htps://a.cn/2.png', '  - /3.png', '---');
    assert.deepEqual(findings(text, 'url-format'), ['url-format@6:4-6:21']);
  });

  test('in every profile: thumbnail, cover, image, banner', () => {
    assert.deepEqual(findings(doc('---', 'icon: x', 'banner: http//a.cn/b.png', '---'), 'url-format'), ['url-format@2:8-2:24']);
    assert.deepEqual(findings(doc('---', 'layout: post', 'title: t', 'image: htps://a.cn/b.png', '---'), 'url-format'), ['url-format@3:7-3:24']);
  });

  test('profile keys declared as URLs in config are checked', () => {
    const service = makeService();
    service.configure({ config: { profiles: { hexo: { keys: { source_url: 'url' } } } } });
    const text = doc('---', 'title: t', 'date: 2021-05-20', 'categories: x', 'toc: true', 'source_url: htps://a.cn', '---');
    assert.deepEqual(findings(text, 'url-format', { service }), ['url-format@5:12-5:23']);
    assert.deepEqual(findings(text, 'url-format'), []);
  });

  test('the seeds\' image URLs are fine', () => {
    assert.deepEqual(findings(withHeadimg("'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'"), 'url-format'), []);
  });
});
