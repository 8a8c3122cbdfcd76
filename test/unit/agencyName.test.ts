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

// Real lines of the corpus (/work/corpus, see test/corpus/SOURCES.md) where the outdated class was
// wrong, and the ones where it is right, each in a document of its own date.

/** An official text with a title, body lines and the 成文日期 of its 落款. */
const dated = (title: string, date: string, ...body: string[]) => {
  const [year, month, day] = date.split('-').map(Number);
  return doc(title, '', ...body, '', '某某单位', `${year}年${month}月${day}日`, '');
};

test('agency-name (corpus): outdated names the document itself writes are reported', () => {
  const told = [
    // ranxi-policy, 重庆市人民政府办公厅关于印发贯彻落实国务院办公厅2021年政务公开工作要点任务分工的通知: a future act of the ministry of 2021.
    ['2021-05-16', '4．在交通部出台公共企事业单位信息公开规定后 3个月内，制订我市实施细则，报市政府审定后印发实施。'],
    // crpd-realestate, 宁国市促进房地产市场平稳健康发展十条措施: measures carried out now, by 金融监管总局.
    ['2023-12-17', '八、落实住房信贷政策。落实好中国人民银行、银保监会支持房地产市场平稳健康发展的政策措施,落实首套住房个人住房贷款利率政策动态调整长效机制。'],
    // ranxi-policy, 福建省2011年国民经济和社会发展计划: a requirement of 2011 (the ministry was 环境保护部).
    ['2011-01-25', '精神，对列入考核范围的节能减排指标，须经国家统计局和环保总局审定后才能公布。'],
    // ranxi-policy, 福建省人民政府关于公布省级行政审批事项目录清单的通知: a rule of 2012 was 住房和城乡建设部令第12号.
    ['2014-08-26', '2.《城乡规划编制单位资质管理规定》（2012年建设部令第12号）第十七条。'],
  ];
  for (const [date, line] of told) assert.equal(findings(dated('关于做好有关工作的通知', date, line), RULE).length, 1, line);
});

test('agency-name (corpus): a biography\'s posts (历任, 兼任) and an organ\'s past approval (审议通过的) keep the old name', () => {
  // xwlb/news/20260812.md (朱镕基同志生平) and xwlb/news/20240714.md.
  const silent = [
    '担任国务院总理后，朱镕基同志还先后兼任中央专委会主任、国家经济体制改革委员会主任、国家科技教育领导小组组长等，',
    '《深化文化体制改革实施方案》是中央全面深化改革领导小组审议通过的第一个专项小组改革方案，为文化改革发展谋篇布局；',
  ];
  for (const body of silent) assert.deepEqual(findings(post('2026-08-12', body), RULE), [], body);
  assert.equal(findings(post('2026-08-12', '国家经济体制改革委员会负责解释。'), RULE).length, 1);
  assert.equal(findings(post('2024-07-14', '中央全面深化改革领导小组印发方案。'), RULE).length, 1);
});

test('agency-name (corpus): a document that narrates court cases is not judged by its date', () => {
  // lvshu 人民法院指导案例: the events of 2014 and 2016 in compilations of 2019.
  const compilation = dated('最高人民法院关于发布第24批指导性案例的通知', '2019-12-26', '千丈岩水库水污染事件发生后，环境保护部明确该起事件已构成重大突发环境事件。');
  assert.deepEqual(findings(compilation, RULE), []);
  const narrated = dated('关于某某纠纷的材料', '2019-12-24', '## 基本案情', '2015年7月13日，国家工商行政管理总局商标局向国际局发出申请商标的驳回通知书。迪奥尔公司向国家工商行政管理总局商标评审委员会提出复审申请。');
  assert.deepEqual(findings(narrated, RULE), []);
  // Undated, its informal names are still informal, except a short name it defines itself.
  assert.equal(findings(dated('最高人民法院关于发布第十批指导性案例的通知', '2015-04-15', '国家工商总局商标评审委员会已受理但未作出裁定。'), RULE).length, 1);
  const defined = dated('最高人民法院关于发布第20批指导性案例的通知', '2018-12-25', '长安子站系国家环境保护部（以下简称环保部）确定的西安市13个国控空气站点之一。', '通过环保部和监测总站的政府网站实时向社会公布。');
  assert.deepEqual(findings(defined, RULE), []);
});

test('agency-name (corpus): a body\'s department, a list of levels and a conferred title are no outdated organ', () => {
  const silent: [string, string][] = [
    // lvshu 第32批指导性案例, told here in a document that is no case compilation.
    ['2022-07-04', '后至2018年11月，郑某以任某不合群等为由向霍尼韦尔公司人事部提出与任某解除劳动合同，但未能说明解除任某劳动合同的合理依据。人事部为此找任某了解情况。任某告知人事部其被间接上级邓某骚扰。'],
    // ranxi-policy, 教育部办公厅关于开展2023届高校毕业生春季促就业攻坚行动的通知: 建设 + 部、省、校.
    ['2023-02-23', '加快建设部、省、校联通共享的线上招聘服务体系，持续推进各地各高校就业网站与国家大学生就业服务平台的互联互通、信息共享。'],
    // ranxi-policy, 福建省医疗卫生服务体系规划（2016—2020年）: a title conferred by the ministry in its time.
    ['2017-06-13', '享受国务院特殊津贴专家308人，卫生部有突出贡献中青年专家15人，百千万人才工程国家级人选仅7人。'],
    // A rule of the organ's own time, with its year or without.
    ['2014-08-26', '2.《物业管理企业资质管理办法》（2004年建设部令第125号，2007年修正）第四条第二款。'],
    ['2014-08-26', '建设部令'],
  ];
  for (const [date, line] of silent) assert.deepEqual(findings(dated('关于做好有关工作的通知', date, line), RULE), [], line);
});

test('agency-name (corpus): below the header of a table of legal bases (设定依据), organ names are the cited rules\'', () => {
  // ranxi-policy, 福建省人民政府关于取消、下放和调整一批省级行政许可事项的通知 and …目录清单的通知 (2014, 2018).
  const quoted = '第三十八条　《药品GMP证书》的收（发）回、补发、注销等管理情况，由原发证机关在其网站上发布相关信息。省级药品监督管理部门应将信息上传至国家食品药品监督管理局网站。';
  const text = dated(
    '福建省人民政府关于取消、下放和调整一批省级行政许可事项的通知',
    '2018-01-22',
    quoted,
    '序号 项目名称 子项名称 设定依据 实施主体 审批对象 加强事中事后监管措施 调整意见 ',
    quoted,
    '116 地区举办 全省普通中小学体育竞 　 国务院批准，国家教育委员会、国家 省教育厅 　 ',
    '的“三 （信息产业部 ',
    '113 城乡规划乙级、丙级编制单位资质认定 无 行政许可  第二十四条； 2.《城乡规划编制单位资质管理规定》（2012年建设部令 省住建厅 无 规划编制单位 　 ',
  );
  // Above the table the notice's own prose is judged; in the table only a rule dated after its organ ended.
  const at = (line: number, text: string, name: string) => `${RULE}@${line}:${text.indexOf(name)}-${line}:${text.indexOf(name) + name.length}`;
  assert.deepEqual(findings(text, RULE), [at(2, quoted, '国家食品药品监督管理局'), at(7, text.split('\n')[7], '建设部')]);
});
