import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import { applyFix, diagnose, doc, findings, NOW, summary } from './helpers';
import { MAX_REPORTS_PER_RULE } from '../../server/src/service/validate';
import { applyEdits } from '../../server/src/service/edits';

describe('line endings, BOM and misplaced front matter', () => {
  test('CRLF and BOM: positions are still right, fixes keep CRLF', () => {
    const text = '\uFEFF---\r\ntitle: a\r\ndate: Fri, 20 May 2021 03:12:16 GMT\r\ncategories: x\r\ncomments: "false"\r\n---\r\nbody\r\n';
    assert.deepEqual(summary(diagnose(text)), ['date-weekday@2:6-2:9', 'key-type@4:10-4:17']);
    assert.equal(applyFix(text, 'key-type'), text.replace('"false"', 'false'));
    assert.equal(applyFix(text, 'date-weekday'), text.replace('Fri,', 'Thu,'));
  });

  test('BOM then blank lines: the BOM stays, the blank lines go', () => {
    const text = '\uFEFF\r\n\r\n---\r\ntitle: a\r\ndate: 2021-05-20\r\ncategories: x\r\ntoc: true\r\n---\r\n';
    assert.deepEqual(summary(diagnose(text)), ['front-matter-position@0:1-2:0']);
    assert.equal(applyFix(text, 'front-matter-position'), '\uFEFF---\r\ntitle: a\r\ndate: 2021-05-20\r\ncategories: x\r\ntoc: true\r\n---\r\n');
  });

  test('rules see the front matter after leading blank lines and after stray text', () => {
    const keys = ['title: a', 'date: 2021-05-20', 'categories: x', 'comments: "no"'];
    assert.deepEqual(summary(diagnose(doc('', '', ...['---', ...keys, '---'])).slice(1)), ['key-type@6:10-6:14']);
    assert.deepEqual(summary(diagnose(doc('saved from sina', '---', ...keys, '---')).slice(1)), ['key-type@5:10-5:14']);
  });
});

describe('text being typed never throws', () => {
  const inputs = [
    '', '\uFEFF', '-', '--', '---', '---\n', '---\nt', '---\ntitl', '---\ntitle', '---\ntitle:', '---\ntitle: ', "---\ntitle: '",
    '---\ntitle: "abc', '---\ntitle: a\n-', '---\ntitle: a\n--', '---\ntitle: a\n---', '---\n---', '---\n...', '---\n: x\n---',
    '---\n- a\n---', '---\n? [a]\n: b\n---', '---\nx: !!binary\n---', '---\ntitle: a\n  b: c\n---', '---\ndate: Fri,\n---',
    '---\nheadimg: [htps://a, {x: 1}, null]\n---', '---\ndate: Sun, 30 Feb 2021 00:00:00 GMT\n---', '---\nphotos: htps://a.cn\n---',
    '\n\n\n\n\n\n---\ntitle: a\n---', '\r', '\r\r---\r\rtitle: a\r---\r',
  ];
  for (const text of inputs) {
    test(JSON.stringify(text), () => {
      // A rule that throws is caught by the service and logged: no log means no rule failed.
      const errors: string[] = [];
      const service = createLanguageService({ now: () => NOW, logError: (message) => errors.push(message) });
      const parsed = service.parse('untitled:test.md', text);
      assert.ok(Array.isArray(service.getDiagnostics(parsed)));
      assert.ok(Array.isArray(service.getFixAllEdits(parsed)));
      assert.deepEqual(errors, []);
    });
  }

  test('half-typed keys: an unclosed front matter is reported, nothing else', () => {
    assert.deepEqual(summary(diagnose('---\ntitl')), ['front-matter-unclosed@0:0-0:3']);
    assert.deepEqual(summary(diagnose('---\ntitle:')), ['front-matter-unclosed@0:0-0:3']);
  });

  test('a key without colon inside a closed front matter is a YAML problem', () => {
    assert.deepEqual(findings(doc('---', 'titl', '---'), 'yaml-syntax'), ['yaml-syntax@1:0-2:0']);
  });
});

describe('hostile input', () => {
  test('YAML alias bomb gives yaml-syntax and returns', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const diagnostics = diagnose(doc('---', 'title: t', ...levels, '---'));
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.code === 'yaml-syntax'), summary(diagnostics).join());
    assert.ok(diagnostics.some((d) => /aliases in "i" expand too much/.test(d.message)));
  });

  test('tabs in YAML', () => {
    assert.deepEqual(summary(diagnose(doc('---', 'title: a', 'tags:', '\t- x', '---'))), ['yaml-syntax@3:0-3:1']);
    // A tab after the colon is plain whitespace.
    assert.deepEqual(summary(diagnose(doc('---', 'layout:\tpost', 'title:\tt', '---'))), []);
  });

  test('a 5 MB front matter completes with a sane result', () => {
    const keys = Array.from({ length: 120_000 }, (_, i) => `key${i}: value number ${i} with some text`);
    keys.splice(60_000, 0, 'thumbnial: /a.png');
    const text = doc('---', 'title: t', 'date: 2021-05-20', 'categories: x', 'toc: true', ...keys, '---', 'body');
    assert.ok(text.length > 5_000_000);
    assert.deepEqual(summary(diagnose(text)), ['unknown-key@60005:0-60005:9']);
  });

  test('binary text gives the single binary-file warning', () => {
    const diagnostics = diagnose(`---\ntitle: \0\0\n---\n${'\0'.repeat(100)}`);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['binary-file', 2, 0]]);
  });
});

describe('a flood of findings', () => {
  test('stops each rule at MAX_REPORTS_PER_RULE diagnostics', () => {
    const service = createLanguageService({ now: () => new Date('2026-11-23T00:00:00Z') });
    const body = '国家发改委召开会议。\n\n'.repeat(MAX_REPORTS_PER_RULE * 2);
    const doc = service.parse('file:///flood.md', `---\nlayout: post\ntitle: "会议"\ndate: 2021-06-01\n---\n${body}`);
    const agencyName = service.getDiagnostics(doc).filter((d) => d.code === 'agency-name');
    assert.equal(agencyName.length, MAX_REPORTS_PER_RULE);
  });
});

describe('old Mac line endings', () => {
  test('a front matter with lone CR line breaks is found, closed and parsed', () => {
    const service = createLanguageService({ now: () => new Date('2026-11-23T00:00:00Z') });
    const doc = service.parse('file:///cr.md', '---\rlayout: post\rtitle: "a"\r---\rbody\r');
    assert.equal(doc.profile, 'jekyll');
    assert.equal(doc.frontMatter?.closed, true);
    assert.deepEqual(service.getDiagnostics(doc), []);
  });
});

describe('fix-all on a flood of findings', () => {
  test('is not capped like the diagnostics: one pass fixes every finding', () => {
    const service = createLanguageService({ now: () => new Date('2026-11-23T00:00:00Z') });
    const body = '国家发改委召开会议。\n\n'.repeat(MAX_REPORTS_PER_RULE * 2);
    const text = `---\nlayout: post\ntitle: "会议"\ndate: 2021-06-01\n---\n${body}`;
    const doc = service.parse('file:///flood.md', text);
    const fixed = applyEdits(text, doc.lines, service.getFixAllEdits(doc));
    assert.equal(fixed.includes('国家发改委'), false);
  });
});
