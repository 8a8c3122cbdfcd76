import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnosticsOf, doc, findings, fixAll, makeService } from './bodyRuleHelpers';

const PAIRS = 'unbalanced-pairs';
const HALF = 'halfwidth-punctuation';

test('unbalanced-pairs: an unclosed opener and a stray closer, one character each', () => {
  assert.deepEqual(findings('正文《通知》和《意见。', PAIRS), [`${PAIRS}@0:7-0:8`]);
  assert.deepEqual(findings('他说》很好（见上文', PAIRS), [`${PAIRS}@0:5-0:6`, `${PAIRS}@0:2-0:3`].sort());
  assert.deepEqual(findings(doc('依据〔2020〕号文。', '‘三农问题。', '【注意'), PAIRS), [`${PAIRS}@1:0-1:1`, `${PAIRS}@2:0-2:1`]);
});

test('unbalanced-pairs: the message names both characters, in Chinese too', () => {
  const [diagnostic] = diagnosticsOf('正文《通知', PAIRS, makeService('zh'));
  assert.equal(diagnostic.message, '《 未闭合：本段中没有与之配对的 》。');
  assert.equal(diagnostic.severity, 2);
});

test('unbalanced-pairs: balanced and nested pairs are silent', () => {
  assert.deepEqual(findings('增强“四个意识”，落实《关于开展消费扶贫行动的通知》（国开办发〔2020〕4号）【重要】‘’', PAIRS), []);
  assert.deepEqual(findings('他说：“要做到‘两个维护’。”', PAIRS), []);
});

test('unbalanced-pairs: a pair is judged within one paragraph, or across a line break that cut it', () => {
  assert.deepEqual(findings(doc('<p>《通知。</p>', '<p>其他。</p>', '<p>其他。</p>', '<p>》的要求。</p>'), PAIRS), [`${PAIRS}@0:3-0:4`, `${PAIRS}@3:3-3:4`]);
  assert.deepEqual(findings(doc('<p>关于印发《通知</p>', '<p>》的要求</p>'), PAIRS), []);
});

test('unbalanced-pairs: apostrophes in English text are not closing quotes', () => {
  assert.deepEqual(findings('“I don’t know,” he said; the students’ books are here.', PAIRS), []);
  assert.deepEqual(findings('It’s ‘fine’ and we’re done.', PAIRS), []);
});

test('unbalanced-pairs: list enumerators 1） a） 一） are not stray closers', () => {
  assert.deepEqual(findings(doc('1）提高认识；', '　　a）加强领导。', '主要有：1）甲；2）乙；一）丙。'), PAIRS), []);
  assert.deepEqual(findings('会议强调）要落实。', PAIRS), [`${PAIRS}@0:4-0:5`]);
});

test('unbalanced-pairs: a quotation over several paragraphs opens each with “ and closes at its end', () => {
  assert.deepEqual(findings(doc('<p>　　“第一段，继续。</p>', '<p>　　“第二段，继续。</p>', '<p>　　“第三段结束。”</p>'), PAIRS), []);
  assert.deepEqual(findings(doc('“第一段没有结束。', '第二段不是引文。'), PAIRS), [`${PAIRS}@0:0-0:1`]);
});

test('unbalanced-pairs: code, tags, attributes and front matter are not prose', () => {
  assert.deepEqual(findings(doc('---', "title: '《标题'", '---', '正文`《代码`和<span title="《">文字</span>。'), PAIRS), []);
});

test('halfwidth-punctuation: parentheses around Chinese text become full width, both in one fix', () => {
  const text = '各省(区、市)、计划单列市参加。';
  assert.deepEqual(findings(text, HALF), [`${HALF}@0:2-0:7`]);
  assert.equal(applyFix(text, HALF), '各省（区、市）、计划单列市参加。');
});

test('halfwidth-punctuation: , ; : ? ! right after a Chinese character', () => {
  assert.deepEqual(findings('附件:名单', HALF), [`${HALF}@0:2-0:3`]);
  assert.equal(applyFix('附件:名单', HALF), '附件：名单');
  assert.equal(fixAll('要求如下:(一)加强领导'), '要求如下：（一）加强领导');
  assert.deepEqual(findings('第一,第二;是否?好!《通知》,English', HALF), [`${HALF}@0:2-0:3`, `${HALF}@0:5-0:6`, `${HALF}@0:8-0:9`, `${HALF}@0:10-0:11`, `${HALF}@0:15-0:16`]);
  assert.equal(fixAll('第一,第二;是否?好!《通知》,English'), '第一，第二；是否？好！《通知》，English');
});

test('halfwidth-punctuation: Latin content in parentheses after Chinese is Chinese text too', () => {
  assert.equal(applyFix('《区域全面经济伙伴关系协定》(RCEP)正式生效。', HALF), '《区域全面经济伙伴关系协定》（RCEP）正式生效。');
  assert.equal(applyFix('协定(RCEP)生效', HALF), '协定（RCEP）生效');
});

test('halfwidth-punctuation: numbers, URLs, links, code, attributes and English text are left alone', () => {
  const silent = [
    '共1,000元，上午9:30开会，比分3:2。',
    '详见https://example.com/a?b=1,2&c=3，或者//example.cn/x?y=1。',
    '见[通知,附件](https://example.com/a)和![图片](a.png)。',
    '运行`中文,代码`即可。',
    '<p title="中文,中文(注)">正文内容。</p>',
    'Li Keqiang (李克强), premier of China, said: this is fine (really)!',
    '使用Python (v3)运行。',
    '表情:)和1)编号',
    '---\ntitle: 中文,标题(一)\n---\n正文。',
  ];
  for (const text of silent) assert.deepEqual(findings(text, HALF), [], text);
});

test('halfwidth-punctuation: an entity is never edited', () => {
  assert.deepEqual(findings('<p>中文&#44;中文</p>', HALF), []);
});

test('punctuation fixes applied twice equal applied once', () => {
  const text = doc('各省(区、市),附件:名单', '<p>会议(扩大)召开?</p>');
  const once = fixAll(text);
  assert.equal(once, doc('各省（区、市），附件：名单', '<p>会议（扩大）召开？</p>'));
  assert.equal(fixAll(once), once);
});

test('halfwidth-punctuation leaves the half-width brackets of a 发文字号 to doc-number-bracket', () => {
  const service = makeService();
  const doc = service.parse('file:///a.txt', '根据《通知》（国办发(2021)3号）要求，各地(区)要落实。\n');
  const codes = service.getDiagnostics(doc).map((d) => `${d.code}@${d.range.start.character}`);
  assert.deepEqual(codes, ['doc-number-bracket@10', 'halfwidth-punctuation@24']);
});
