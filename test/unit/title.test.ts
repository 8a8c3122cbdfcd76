import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTitle } from '../../server/src/service/clean/title';

const lines = (...texts: string[]) => texts.map((text) => ({ text, indented: text.startsWith('\u3000') }));

// Each case is the top of a real document of test/gold/real (the file named), as the cleaner sees its lines.
test('title: a catalogue line gives way to the page title under it (crpd-03)', () => {
  const found = findTitle(lines('【湖北省宜昌市】关于调整全市公积金使用政策的通知', '宜昌住房公积金中心关于调整全市公积金使用政策的通知', '为进一步发挥住房公积金制度作用，现将有关事项通知如下：'));
  assert.deepEqual(found, { title: '宜昌住房公积金中心关于调整全市公积金使用政策的通知', index: 1, lines: [0, 1] });
});

test('title: metadata run into the page title is cut off (crpd-08)', () => {
  const found = findTitle(lines('【浙江省温州市】继续实行个人首次购房补贴:给予购房款0.6%消费补助', '温州市住建局关于继续实行个人首次购房补贴的通知发布日期:2023-01-2911:12来源:温州市住房和城乡建设局浏览次数:1字号:[大中小]', '为更好满足购房者的合理住房需求,继续实行个人首次购买市区新建普通商品住房。'));
  assert.equal(found?.title, '温州市住建局关于继续实行个人首次购房补贴的通知');
  assert.equal(found?.runIn, '发布日期:2023-01-2911:12来源:温州市住房和城乡建设局浏览次数:1字号:[大中小]');
});

test('title: a dateline under the page title is not a title (crpd-01)', () => {
  const found = findTitle(lines('【河南省安阳市】关于调整住房公积金个人住房贷款额度的通知', '关于调整住房公积金个人住房贷款额度的通知', '2023-04-1017:21:42浏览次数:1524', '为贯彻落实住房和城乡建设部关于房地产市场调控和住房公积金工作会议精神,内容如下:'));
  assert.equal(found?.title, '关于调整住房公积金个人住房贷款额度的通知');
  assert.deepEqual(found?.lines, [0, 1]);
});

test('title: the [视频] label goes, a 【栏目】 label with no page title under it stays (cctv-02)', () => {
  const found = findTitle(lines('[视频]【稳经济 促发展 强信心·权威访谈】积极的财政政策加力提效', '2022-06-04 19:28:09', '央视网消息（新闻联播）：今年以来，积极的财政政策靠前发力。'));
  assert.equal(found?.title, '【稳经济 促发展 强信心·权威访谈】积极的财政政策加力提效');
  assert.deepEqual(found?.date, { index: 1, value: '2022-06-04 19:28:09' });
});

test('title: pkulaw repeats the title, the later line (the document\'s own) is taken (pkulaw-02)', () => {
  const found = findTitle(lines('安徽省…执行小组办公室关于印发安徽省关于加快对接区域全面经济伙伴关系协定(RCEP)经贸新规则扎实推进高水平开放实施意见的通知', '安徽省…执行小组办公室关于印发安徽省关于加快对接区域全面经济伙伴关系协定（RCEP）经贸新规则扎实推进高水平开放实施意见的通知', '（皖开放办〔2022〕6号）'));
  assert.equal(found?.index, 1);
  assert.ok(found?.title.includes('（RCEP）'));
});

test('title: a title broken over several lines is one title (govcn-01)', () => {
  const found = findTitle(lines('国务院办公厅关于同意以哈尔滨市名义申办2009年第二十四届世界大学生冬季运动会的复函', '国务院办公厅关于同意以哈尔滨市名义', '申办2009年第二十四届世界', '大学生冬季运动会的复函', '国办函〔2004〕36号'));
  assert.deepEqual(found?.lines, [0, 1, 2, 3]);
});

test('title: body text is never a title', () => {
  assert.equal(findTitle(lines('\u3000\u3000为贯彻落实党中央决策部署，现就有关事项通知如下')), undefined);
  assert.equal(findTitle(lines('各市、县人民政府，省政府各部门：')), undefined);
  assert.equal(findTitle(lines('原标题：商务部召开乡村振兴工作领导小组会议'), '商务部召开乡村振兴工作领导小组会议'), undefined);
});

test('title: a known title only finds its copies', () => {
  const found = findTitle(lines('关于进一步促进我市房地产市场健康发展的四条举措', '一、优化住房公积金政策。'), '关于进一步促进我市房地产市场健康发展的四条举措');
  assert.deepEqual(found, { title: '关于进一步促进我市房地产市场健康发展的四条举措', index: 0, lines: [0] });
});
