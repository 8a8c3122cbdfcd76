import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnosticsOf, doc, findings, fixOf, makeService } from './bodyRuleHelpers';

const RULE = 'agency-name';
/** A Jekyll post of a given date with one body line. */
const post = (date: string, body: string) => doc('---', 'layout: post', 'title: "标题"', `date: ${date}`, '---', body);

test('agency-name: an informal name is flagged on any date, with a fix to the formal name', () => {
  const text = post('2015-01-01', '国家发改委印发通知。');
  assert.deepEqual(findings(text, RULE), [`${RULE}@5:0-5:5`]);
  const [diagnostic] = diagnosticsOf(text, RULE);
  assert.equal(diagnostic.severity, 3);
  assert.equal(diagnostic.message, '"国家发改委" is an informal name: the formal name is "国家发展改革委".');
  assert.equal(applyFix(text, RULE), post('2015-01-01', '国家发展改革委印发通知。'));
  assert.equal(applyFix('国家财政部和国家工信部', RULE), '财政部和国家工信部');
  assert.equal(applyFix('国家发展改革委员会', RULE), '国家发展和改革委员会');
});

test('agency-name: formal names, local commissions and "national departments" are silent', () => {
  assert.deepEqual(findings('国家发展改革委、省发改委、市发改委、发改委、国家发展和改革委员会、国家财政部门、国家教育部门、工业和信息化部。', RULE), []);
});

test('agency-name: the front-matter title is checked too', () => {
  const text = doc('---', "title: '国家发改委召开会议'", 'date: 2021-06-15', '---', '正文。');
  assert.deepEqual(findings(text, RULE), [`${RULE}@1:8-1:13`]);
  assert.equal(applyFix(text, RULE), doc('---', "title: '国家发展改革委召开会议'", 'date: 2021-06-15', '---', '正文。'));
});

test('agency-name: 国务院扶贫办 is right before 2021-02-25 and renamed from that day', () => {
  assert.deepEqual(findings(post('2021-02-24', '国务院扶贫办召开会议。'), RULE), []);
  const renamed = post('2021-02-25', '国务院扶贫办召开会议。');
  assert.deepEqual(findings(renamed, RULE), [`${RULE}@5:0-5:6`]);
  assert.equal(diagnosticsOf(renamed, RULE)[0].message, '国务院扶贫办 was renamed 国家乡村振兴局 on 2021-02-25; this document is dated 2021-02-25.');
  assert.equal(applyFix(post('2022-05-01', '国务院扶贫开发领导小组办公室发布。'), RULE), post('2022-05-01', '国家乡村振兴局发布。'));
});

test('agency-name: after 2023 the rename is no longer a pure rename, so no fix', () => {
  const [diagnostic] = diagnosticsOf(post('2024-01-10', '国务院扶贫办召开会议。'), RULE);
  assert.equal(diagnostic.message, '国务院扶贫办 was renamed 国家乡村振兴局 on 2021-02-25, which has not been a separate agency since 2023-03-10: its duties passed to 农业农村部; this document is dated 2024-01-10.');
  assert.equal(fixOf(diagnostic), undefined);
  const [merged] = diagnosticsOf(post('2023-06-01', '国家乡村振兴局召开会议。'), RULE, makeService('zh'));
  assert.equal(merged.message, '国家乡村振兴局自 2023-03-10 起不再单设，职责划入农业农村部；本文日期为 2023-06-01。');
  assert.equal(fixOf(merged), undefined);
  assert.deepEqual(findings(post('2022-03-24', '国家乡村振兴局召开会议。'), RULE), []);
});

test('agency-name: an old name is never flagged without a known date', () => {
  assert.deepEqual(findings('国务院扶贫办召开会议。', RULE), []);
});

test('agency-name: the date may come from the 成文日期 at the end', () => {
  const text = doc('关于做好帮扶工作的通知', '', '国务院扶贫办要求各地做好工作。', '', '某某部', '', '2021年6月1日');
  assert.deepEqual(findings(text, RULE), [`${RULE}@2:0-2:6`]);
});

test('agency-name: history, former agencies and past years keep the old name', () => {
  const silent = [
    '原国务院扶贫办主任出席。',
    '时任国务院扶贫办主任刘永富出席。',
    '国务院扶贫办正式更名为国家乡村振兴局。',
    '2020年，国务院扶贫办等部门开展消费扶贫行动。',
    '落实国务院扶贫办等部门《关于开展消费扶贫行动的通知》（国开办发〔2020〕4号）要求。',
    '农业农村部（国家乡村振兴局）召开会议。',
    '原国务院扶贫开发领导小组副组长单位。',
  ];
  for (const body of silent) assert.deepEqual(findings(post('2024-01-10', body), RULE), [], body);
});

test('agency-name: a name inside an HTML body is found at its source position', () => {
  assert.deepEqual(findings(doc('<p class="x">　　国家发改委</p>'), RULE), [`${RULE}@0:15-0:20`]);
});
