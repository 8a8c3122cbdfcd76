import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnosticsOf, doc, findings, fixOf, makeService } from './bodyRuleHelpers';

const RULE = 'agency-name';
/** A Jekyll post of a given date with one body line. */
const post = (date: string, body: string) => doc('---', 'layout: post', 'title: "标题"', `date: ${date}`, '---', body);

test('agency-name: an informal name is flagged on any date, with a fix to the preferred name', () => {
  const text = post('2015-01-01', '国家发改委印发通知。');
  assert.deepEqual(findings(text, RULE), [`${RULE}@5:0-5:5`]);
  const [diagnostic] = diagnosticsOf(text, RULE);
  assert.equal(diagnostic.severity, 3);
  assert.equal(diagnostic.message, '"国家发改委" is an informal name: the formal name is "国家发展改革委".');
  assert.equal(applyFix(text, RULE), post('2015-01-01', '国家发展改革委印发通知。'));
  assert.equal(applyFix('国家财政部和国家工信部', RULE), '财政部和国家工信部');
  assert.equal(applyFix('国家发展改革委员会', RULE), '国家发展改革委');
  assert.equal(applyFix('住建部印发通知。', RULE), '住房城乡建设部印发通知。');
  assert.equal(applyFix('国家卫健委印发通知。', RULE), '国家卫生健康委印发通知。');
});

test('agency-name: formal and short names, local commissions and "national departments" are silent', () => {
  assert.deepEqual(findings('国家发展改革委、省发改委、市发改委、发改委、国家发展和改革委员会、国家财政部门、国家教育部门、工业和信息化部。', RULE), []);
  assert.deepEqual(findings('县扶贫办、市卫健委、省统计局、市国资委、县医保局、省药监局、人民银行、证监会、中国证监会。', RULE), []);
});

test('agency-name: a name that is part of a longer word or of a 发文字号 is not a name', () => {
  const silent = [
    '加强党的建设部署。',
    '各级人事部门和劳动保障部门。',
    '《关于印发〈人力资源社会保障部门规章〉的通知》（人社部发〔2019〕1号）',
    '按照工信部联规〔2019〕83号文件要求。',
    '根据国办发〔2020〕1号文件精神。',
    '中办发〔2019〕5号',
  ];
  for (const body of silent) assert.deepEqual(findings(post('2024-01-10', body), RULE), [], body);
});

test('agency-name: the front-matter title is checked too', () => {
  const text = doc('---', "title: '国家发改委召开会议'", 'date: 2021-06-15', '---', '正文。');
  assert.deepEqual(findings(text, RULE), [`${RULE}@1:8-1:13`]);
  assert.equal(applyFix(text, RULE), doc('---', "title: '国家发展改革委召开会议'", 'date: 2021-06-15', '---', '正文。'));
});

test('agency-name: 国务院扶贫办 is right before 2021-02-25 and outdated from that day, with a fix while the successor is current', () => {
  assert.deepEqual(findings(post('2021-02-24', '国务院扶贫办召开会议。'), RULE), []);
  const renamed = post('2021-02-25', '国务院扶贫办召开会议。');
  assert.deepEqual(findings(renamed, RULE), [`${RULE}@5:0-5:6`]);
  assert.equal(diagnosticsOf(renamed, RULE)[0].message, '国务院扶贫办 was renamed or merged as of 2021-02-25: 国家乡村振兴局 took over. This document is dated 2021-02-25.');
  assert.equal(applyFix(post('2022-05-01', '国务院扶贫开发领导小组办公室发布。'), RULE), post('2022-05-01', '国家乡村振兴局发布。'));
});

test('agency-name: after 2023 the chain goes on to 农业农村部, which was not made from it: no fix', () => {
  const [diagnostic] = diagnosticsOf(post('2024-01-10', '国务院扶贫办召开会议。'), RULE);
  assert.equal(diagnostic.message, '国务院扶贫办 was renamed or merged as of 2021-02-25; its successors: 2021-02-25 国家乡村振兴局 → 2023 农业农村部. This document is dated 2024-01-10.');
  assert.equal(fixOf(diagnostic), undefined);
  const [merged] = diagnosticsOf(post('2024-06-01', '国家乡村振兴局召开会议。'), RULE, makeService('zh'));
  assert.equal(merged.message, '国家乡村振兴局自 2023 起已撤销或更名，由农业农村部承接；本文日期为 2024-06-01。');
  assert.equal(fixOf(merged), undefined);
  assert.deepEqual(findings(post('2023-06-01', '国家乡村振兴局召开会议。'), RULE), [], 'the year of the change itself is not judged');
  assert.deepEqual(findings(post('2022-03-24', '国家乡村振兴局召开会议。'), RULE), []);
});

test('agency-name: a former organ without one successor is reported as abolished', () => {
  const [diagnostic] = diagnosticsOf(post('2010-05-01', '国家经贸委召开会议。'), RULE);
  assert.equal(diagnostic.message, '国家经贸委 was abolished as of 2003-03. This document is dated 2010-05-01.');
  assert.equal(fixOf(diagnostic), undefined);
});

test('agency-name: an old name is never flagged without a known date', () => {
  assert.deepEqual(findings('国务院扶贫办召开会议。', RULE), []);
});

test('agency-name: the date is the 成文日期 at the end, before the front-matter date', () => {
  const text = doc('关于做好帮扶工作的通知', '', '国务院扶贫办要求各地做好工作。', '', '某某部', '', '2021年6月1日');
  assert.deepEqual(findings(text, RULE), [`${RULE}@2:0-2:6`]);
  // A post of 2024 that reprints a notice of 2020: the names are those of 2020.
  const reprint = doc('---', 'layout: post', 'title: "转载"', 'date: 2024-03-01', '---', '国务院扶贫办要求各地做好工作。', '', '国务院扶贫办', '', '2020年3月11日');
  assert.deepEqual(findings(reprint, RULE), []);
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
    '根据《劳动和社会保障部关于确立劳动关系有关事项的通知》（劳社部发〔2005〕12号）认定。',
    '在机构改革中，国土资源部的职责整合到自然资源部。',
  ];
  for (const body of silent) assert.deepEqual(findings(post('2024-01-10', body), RULE), [], body);
});

test('agency-name: a name inside an HTML body is found at its source position', () => {
  assert.deepEqual(findings(doc('<p class="x">　　国家发改委</p>'), RULE), [`${RULE}@0:15-0:20`]);
});

test('agency-name: the user\'s .policydoc/agencies.yaml extends the names the rule knows', () => {
  const service = makeService();
  const text = post('2024-01-10', '杭州市府办印发通知。');
  assert.deepEqual(findings(text, RULE, service), []);
  service.setUserKnowledge('agencies', 'file:///ws/.policydoc/agencies.yaml', [
    '- name: 杭州市人民政府办公厅',
    '  short: [杭州市政府办公厅]',
    '  informal: [杭州市府办]',
    '  kind: 地级市人民政府办公厅',
    '- name: 杭州市旅游委员会',
    '  kind: 地级市人民政府工作部门',
    '  until: 2019-01',
    '  successor: 杭州市文化广电旅游局',
    '- name: 杭州市文化广电旅游局',
    '  kind: 地级市人民政府工作部门',
    '  founded: 2019-01',
  ].join('\n'));
  const [informal] = diagnosticsOf(text, RULE, service);
  assert.equal(informal.message, '"杭州市府办" is an informal name: the formal name is "杭州市政府办公厅".');
  assert.equal(applyFix(text, RULE, service), post('2024-01-10', '杭州市政府办公厅印发通知。'));
  assert.deepEqual(findings(post('2020-01-10', '杭州市旅游委员会发布。'), RULE, service), [`${RULE}@5:0-5:8`]);
  assert.deepEqual(findings(post('2018-01-10', '杭州市旅游委员会发布。'), RULE, service), []);
  service.setUserKnowledge('agencies', 'file:///ws/.policydoc/agencies.yaml', null);
  assert.deepEqual(findings(text, RULE, service), []);
});

test('agency-name: foreign organs, departments of another organ, case numbers and names shared with other organs are silent', () => {
  const silent = [
    '美国农业部发布报告。',
    '苏丹卫生部数据显示。',
    '广州军区联勤部卫生部副部长。',
    '欧洲央行宣布下调利率。',
    '美国最高法院裁定。',
    '（2019）最高法民终123号',
    '县扶贫办、市卫健委、省统计局负责。',
    '建立“人在格中走、事在网中办”的长效机制。',
  ];
  for (const body of silent) assert.deepEqual(findings(post('2020-06-01', body), RULE), [], body);
});

test('agency-name: a name broken over two lines is not its last part', () => {
  assert.deepEqual(findings(post('2019-06-01', '中华人民共和国住房和\n城乡建设部办公厅'), RULE), []);
});

test('agency-name: an outdated name that cites a document of its own time, or names one of its offices, is history', () => {
  const silent = [
    '按照建设部、民政部《老年人建筑设计规范》执行。',
    '《医疗广告管理办法》（工商总局、卫生部令第26号修正）。',
    '转制科研机构试点办法由科技部会同国家经贸委等部门关于深化改革的意见执行。',
    '韦建桦　教授、中央编译局原局长',
    '银监会海南监管局、保监会海南监管局。',
  ];
  for (const body of silent) assert.deepEqual(findings(post('2019-06-01', body), RULE), [], body);
  assert.equal(findings(post('2019-06-01', '按照建设部的要求执行。'), RULE).length, 1);
});

test('agency-name: the date of a cited document\'s 落款 (Chinese numerals too) makes its names history', () => {
  const text = doc('关于转制科研机构的意见', '', '国务院体改办　科技部　财政部　国家经贸委', '二○○二年十二月十日', '', '某某单位', '2003年7月11日');
  assert.deepEqual(findings(text, RULE), []);
  assert.deepEqual(findings(post('2019-06-01', '2017年３月，国家卫生计生委印发通知。'), RULE), [], 'a full-width date before the change');
});

test('agency-name: a document that forwards another (转发, 批转) is not judged by date', () => {
  const text = doc('---', 'title: 转发国务院办公厅转发国务院体改办等部门关于深化转制科研机构产权制度改革若干意见的通知', 'date: 2003-07-11', '---', '国务院体改办等部门的意见已经国务院同意。');
  assert.deepEqual(findings(text, RULE), []);
});

test('agency-name: an institution named after a former organ keeps its name', () => {
  assert.deepEqual(findings(post('2019-06-01', '委托农业部植物新品种测试中心完成测试。'), RULE), []);
});
