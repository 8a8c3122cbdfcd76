// The project's .policydoc/boilerplate.yaml: its valid patterns extend the shipped ones for every
// document parsed after it; a broken entry is skipped with a bilingual problem where it is written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadUserKnowledge } from '../../server/src/service/knowledge';
import { diagnosticsOf, makeService } from './bodyRuleHelpers';

const URI = 'file:///ws/.policydoc/boilerplate.yaml';
const FILE = [
  'patterns:',
  '  - kind: promotion',
  "    pattern: '^关注本站公众号，获取更多政策解读$'",
  "    example: '关注本站公众号，获取更多政策解读'",
  '  - kind: footer',
  '    inline: true',
  "    pattern: '【本站编辑：[^】]{1,10}】'",
  '    examples:',
  "      - '各区要抓好落实。【本站编辑：李明】'",
  '  - kind: promotion',
  "    pattern: '^([未闭合$'",
  "    example: '([未闭合'",
  '  - kind: advert',
  "    pattern: '^广告$'",
  "    example: '广告'",
  "  - pattern: '^无类别$'",
  "    example: '无类别'",
  '  - kind: footer',
  "    pattern: '^打印本文$'",
  "    example: '关闭窗口'",
  '',
].join('\n');

const TEXT = ['各区要抓好落实。【本站编辑：李明】', '', '关注本站公众号，获取更多政策解读', ''].join('\n');

test('user boilerplate: valid patterns load, each bad one is reported at its line with a bilingual message', () => {
  const loaded = loadUserKnowledge('boilerplate', FILE);
  assert.equal(loaded.kind, 'boilerplate');
  assert.deepEqual(loaded.entries.map((entry) => [entry.kind, entry.inline, entry.user]), [['promotion', false, true], ['footer', true, true]]);
  const lines = FILE.split('\n');
  const lineOf = (offset: number) => FILE.slice(0, offset).split('\n').length - 1;
  const problems = loaded.problems.map((problem) => ({ line: lines[lineOf(problem.start)].trim(), en: problem.message.en, zh: problem.message.zh }));
  assert.equal(problems.length, 4, JSON.stringify(problems));
  assert.match(problems[0].line, /\^\(\[未闭合/);
  assert.match(problems[0].en, /not a valid regular expression/);
  assert.match(problems[0].zh, /不是有效的正则表达式/);
  assert.match(problems[1].line, /kind: advert/);
  assert.match(problems[1].en, /Unknown kind "advert"/);
  assert.match(problems[1].zh, /未知类别/);
  assert.match(problems[2].en, /Missing required field "kind"/);
  assert.match(problems[3].line, /example: '关闭窗口'/);
  assert.match(problems[3].en, /does not match its example/);
  assert.match(problems[3].zh, /不能匹配其示例/);
});

test('user boilerplate: the rule finds the user\'s patterns once the file is set, and no longer when it is gone', () => {
  const service = makeService('zh');
  assert.deepEqual(diagnosticsOf(TEXT, 'web-boilerplate', service), []);
  const diagnostics = service.setUserKnowledge('boilerplate', URI, FILE);
  assert.equal(diagnostics.length, 4);
  assert.deepEqual(diagnostics.map((d) => String(d.message).slice(0, 6)), ['已跳过此网页', '已跳过此网页', '缺少必填字段', '已跳过此网页']);
  const found = diagnosticsOf(TEXT, 'web-boilerplate', service);
  // Separated only by blank lines, the two spans are one region.
  assert.deepEqual(found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.message]), [[0, 8, 3, '正文中残留网页杂项：页面页脚、网站推广语。']]);
  service.setUserKnowledge('boilerplate', URI, null);
  assert.deepEqual(diagnosticsOf(TEXT, 'web-boilerplate', service), []);
});

test('user boilerplate: a file that is not a list of patterns is one problem, never a crash', () => {
  for (const text of ['patterns: 42\n', 'patterns:\n  - 就一句话\n', ':\n  - [', '']) {
    const loaded = loadUserKnowledge('boilerplate', text);
    assert.deepEqual(loaded.entries, []);
    if (text !== '') assert.ok(loaded.problems.length > 0, text);
  }
});
