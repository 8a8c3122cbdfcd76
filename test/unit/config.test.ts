import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { diagnose, doc, findings, frontMatterOnly, makeService, span, summary } from './helpers';

const text = doc('---', 'title: t', 'date: 2021-05-20', 'categories: x', 'toc: "no"', 'tgas: y', '---');

describe('per-rule configuration', () => {
  test('off', () => {
    const service = makeService();
    service.configure({ config: { rules: { 'key-type': 'off' } } });
    assert.deepEqual(summary(diagnose(text, { service })), ['unknown-key@5:0-5:4']);
  });

  test('severity, as a string or an object', () => {
    const service = makeService();
    service.configure({ config: { rules: { 'key-type': 'hint', 'unknown-key': { severity: 'error' } } } });
    assert.deepEqual(diagnose(text, { service }).map((d) => [d.code, d.severity]), [['key-type', 4], ['unknown-key', 1]]);
  });

  test('editor settings override the project config', () => {
    const service = makeService();
    service.configure({ config: { rules: { 'key-type': 'off' } }, editorRules: { 'key-type': 'info' } });
    assert.deepEqual(diagnose(text, { service }).map((d) => [d.code, d.severity]), [['key-type', 3], ['unknown-key', 2]]);
  });

  test('options', () => {
    const service = makeService();
    service.configure({ config: { rules: { 'date-range': { options: { earliest: '2022-01-01' } } } } });
    assert.deepEqual(findings(text, 'date-range', { service }), ['date-range@2:6-2:16']);
  });

  test('messages follow the locale', () => {
    const service = makeService('zh');
    assert.deepEqual(diagnose(text, { service }).map((d) => d.message), [
      '“toc”应为布尔值 false，而不是文本 "no"：Hexo 会把任何非空文本当作 true。',
      '未知的键“tgas”：是否应为“tags”？',
    ]);
  });
});

describe('profiles from configuration', () => {
  const root = path.resolve('/project');
  const uri = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  const markdown = doc('---', 'title: t', 'permalnk: /x', '---');

  test('overrides force a profile per glob', () => {
    const service = makeService();
    service.configure({ root, config: { overrides: [{ files: ['x/**'], profile: 'jekyll' }] } });
    const forced = service.parse(uri('x/a.md'), markdown);
    assert.deepEqual(service.getDocumentInfo(forced), { profile: 'jekyll', profileForced: true });
    assert.deepEqual(summary(frontMatterOnly(service.getDiagnostics(forced))), ['unknown-key@2:0-2:8']);
    const other = service.parse(uri('y/a.md'), markdown);
    assert.deepEqual(service.getDocumentInfo(other), { profile: 'markdown', profileForced: false });
    assert.deepEqual(summary(frontMatterOnly(service.getDiagnostics(other))), []);
  });

  test('overrides change rules per glob', () => {
    const service = makeService();
    service.configure({ root, config: { overrides: [{ files: 'drafts/**', rules: { 'key-type': 'off' } }] } });
    assert.deepEqual(findings(text, 'key-type', { service, uri: uri('drafts/a.md') }), []);
    assert.deepEqual(findings(text, 'key-type', { service, uri: uri('posts/a.md') }), ['key-type@4:5-4:9']);
  });

  test('profile adjustments: keys added, retyped and removed; required keys', () => {
    const service = makeService();
    service.configure({ config: { profiles: { hexo: { keys: { toc: 'any', source: 'string', tags: null }, required: ['title', 'source'] } } } });
    const diagnostics = diagnose(text, { service });
    assert.deepEqual(summary(diagnostics), ['required-key@0:0-0:3']);
    assert.match(diagnostics[0].message, /"source" is missing/);
  });
});

describe('checkConfig', () => {
  const service = makeService();
  const problems = (config: string) => service.checkConfig(config).diagnostics.map((d) => `${span(d.range)} ${d.message}`);

  test('broken JSON: one problem, defaults used', () => {
    const result = service.checkConfig('{\n  "rules": {\n    "key-type": "off",\n  \n');
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0].range.start.line, 4);
    assert.deepEqual(result.config, {});
  });

  test('unknown rule ids and wrong severities, at their positions', () => {
    const config = '{\n  "rules": {\n    "key-typ": "off",\n    "url-format": "loud",\n    "date-range": { "severity": "warn" },\n    "unknown-key": "error"\n  }\n}';
    assert.deepEqual(problems(config), [
      '2:4-2:13 Unknown rule "key-typ".',
      '3:18-3:24 Severity must be one of off, hint, info, warning, error.',
      '4:32-4:38 Severity must be one of off, hint, info, warning, error.',
    ]);
    assert.deepEqual(service.checkConfig(config).config.rules?.['unknown-key'], 'error');
  });

  test('every rule id is known to the config', () => {
    const ids = ['front-matter-position', 'front-matter-unclosed', 'yaml-syntax', 'duplicate-key', 'required-key', 'key-type', 'date-format', 'date-weekday', 'date-range', 'url-format', 'unknown-key', 'empty-title', 'title-mismatch'];
    const config = JSON.stringify({ rules: Object.fromEntries(ids.map((id) => [id, 'warning'])) });
    assert.deepEqual(problems(config), []);
  });
});
