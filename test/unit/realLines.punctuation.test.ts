/**
 * Real lines from the issue-10 corpus (source and file named above each case) that the punctuation
 * rules must report, or must leave alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnosticsOf, doc, findings, makeService, span } from './bodyRuleHelpers';

const PAIRS = 'unbalanced-pairs';
const HALF = 'halfwidth-punctuation';
const SPACING = 'punctuation-spacing';
const NESTED = 'nested-title-marks';
const DIGITS = 'fullwidth-digits';
const LOOKALIKE = 'lookalike-characters';

const inTextFile = (text: string, rule: string) =>
  diagnosticsOf(text, rule, makeService(), 'file:///corpus/doc.txt').map((d) => `${d.code}@${span(d.range)}`);

// ---- unbalanced-pairs: must not report ----

test('unbalanced-pairs: a paragraph hard-wrapped at a fixed width is one paragraph (ranxi-policy news, 96 columns)', () => {
  const text = doc(
    '　　“加强管理队伍建设，从严保障农房建设顺利开展。”针对评价报告提出的建议，为从源头上解决农村住',
    '房安全和品质问题，宁远县积极落实《湖南省农村住房建设管理办法》和《湖南省人民政府办公厅关于进一步',
    '加强农村住房质量安全监管的通知》要求，组织专业设计团队，根据各乡镇街道风土人情等实际情况，编制了',
    '建房图集供建房户选择，并充分运用“县住房和城乡建设部门+乡镇综合执法大队+村建房理事会”三级监管机',
    '制，确保农房建设质量安全。',
  );
  assert.deepEqual(findings(text, PAIRS), []);
});

test('unbalanced-pairs: a title split over two lines (ranxi-policy news, xwlb summary, govreports from Wikisource)', () => {
  assert.deepEqual(findings(doc('一天一调度 点对点帮扶——贵州黔西南易地扶贫搬迁“新市', '民”返岗就业见闻', '发布日期: 2020-03-03'), PAIRS), []);
  assert.deepEqual(findings(doc('6.【权威访谈：', '', '谋发展 启新篇】走在前 挑大梁 山东加快建设绿色低碳高质量发展先行区；'), PAIRS), []);
  assert.deepEqual(
    findings(doc('二是大力发展资本市场。认真贯彻《', '中华人民共和国证券法', '》，切实加强证券市场基础性制度建设。'), PAIRS),
    [],
  );
  assert.deepEqual(findings(doc('（二）从事畜禽养殖、网箱（坑塘、围堰）养殖、围堰（坑', '', '塘）种植；'), PAIRS), []);
});

test('unbalanced-pairs: a literal <BR> in a plain-text file is not a paragraph break (ranxi-policy, 海南 节能减排方案)', () => {
  const line = '附件： <BR>1.“十三五 <BR>”各市县能耗总量和强度 <BR>“双控 <BR>”目标';
  assert.deepEqual(inTextFile(line, PAIRS), []);
});

test('unbalanced-pairs: an amendment quoting an article of several paragraphs, “ only on the first (lawrefbook, 司法解释 决定)', () => {
  const text = doc(
    '6.将第十六条修改为：',
    '',
    '“因垄断行为产生的损害赔偿请求权诉讼时效期间，从原告知道或者应当知道权益受到损害以及义务人之日起计算。',
    '',
    '原告向反垄断执法机构举报被诉垄断行为的，诉讼时效从其举报之日起中断。',
    '',
    '原告知道或者应当知道权益受到损害以及义务人之日起超过三年，如果起诉时被诉垄断行为仍然持续，被告提出诉讼时效抗辩的，损害赔偿应当自原告向人民法院起诉之日起向前推算三年计算。自权利受到损害之日起超过二十年的，人民法院不予保护，有特殊情况的，人民法院可以根据权利人的申请决定延长。”',
  );
  assert.deepEqual(findings(text, PAIRS), []);
});

test('unbalanced-pairs: “ on every paragraph of a quotation and ” on its last, the last balanced in itself (lawrefbook, 刑法修正案（九）)', () => {
  const text = doc(
    '二十二、将刑法第二百八十条修改为:“伪造、变造、买卖或者盗窃、抢夺、毁灭国家机关的公文、证件、印章的，处三年以下有期徒刑、拘役、管制或者剥夺政治权利，并处罚金；情节严重的，处三年以上十年以下有期徒刑，并处罚金。',
    '',
    '“伪造公司、企业、事业单位、人民团体的印章的，处三年以下有期徒刑、拘役、管制或者剥夺政治权利，并处罚金。',
    '',
    '“伪造、变造、买卖居民身份证、护照、社会保障卡、驾驶证等依法可以用于证明身份的证件的，处三年以下有期徒刑、拘役、管制或者剥夺政治权利，并处罚金；情节严重的，处三年以上七年以下有期徒刑，并处罚金。”',
  );
  assert.deepEqual(findings(text, PAIRS), []);
});

test('unbalanced-pairs: a bracketed revision note over several lines under a law\'s title (lvshu, 杭州市物业管理条例)', () => {
  const text = doc(
    '（2001年10月17日杭州市第九届人民代表大会常务委员会第三十七次会议通过  2001年12月28日浙江省第九届人民代表大会常务委员会第三十届会议批准',
    '  根据2003年8月21日杭州市第十届人民代表大会常务委员会第十二会议通过  2003年11月6日浙江省第十届人民代表大会常务委员会第六次会议批准的《杭州市人民代表大会常务委员会关于修改〈杭州市物业管理条例〉个别条款的决定》修正',
    '  2013年8月23日杭州市第十二届人民代表大会常务委员会第十二次会议第一次修订  2013年11月22日浙江省第十二届人民代表大会常务委员会第六次会议批准',
    '  2021年6月29日杭州市第十三届人民代表大会常务委员会第三十六次会议第二次修订  2021年7月30日浙江省第十三届人民代表大会常务委员会第三十次会议批准）',
    '',
    '## 第一章 总 则',
  );
  assert.deepEqual(findings(text, PAIRS), []);
});

test('unbalanced-pairs: a table flattened into columns and its cut cells (ranxi-policy, 第四批国家级非物质文化遗产名录)', () => {
  const text = doc(
    '户幡会、抡花、河上龙 北京市门头沟区，河北省滦平县，浙978 Ⅹ-71 灯胜会、前童元宵行 江省杭州市萧山区，浙江省宁海县，山东会、淄博花灯会、彬县省淄博市张店区，陕西省彬县灯山会）',
    '庙会（蒲县朝山',
    '会、泰伯庙会、苏州轧',
    '山西省蒲县，江苏省无锡市、苏州市',
  );
  assert.deepEqual(findings(text, PAIRS), []);
});

test('unbalanced-pairs: a multi-paragraph quotation flattened onto one line (ranxi-policy, 贵州省人民政府令第186号)', () => {
  const line =
    '“省科学技术合作奖授予符合下列条件之一的外国人或者外国组织、省外公民或者省外组织： “（一）同贵州省公民或者组织合作研究、开发，促进科技成果产业化并取得显著经济效益或社会效益的; “（二）向贵州省公民或者组织传授先进科学技术、培养人才，成效特别显著的; “（三）为促进贵州省与其他国家、其他省（区、市）在科学技术交流与合作方面，做出重大贡献的。"';
  assert.deepEqual(findings(line.slice(0, -1) + '”', PAIRS), []);
  // As published, the quotation ends with a half-width ": that one is reported, with its fix.
  assert.deepEqual(findings(line, PAIRS), [`${PAIRS}@0:172-0:173`]);
});

test('unbalanced-pairs: a table a PDF converter broke into lines and cells (ranxi-policy, 福建省省级前置审批事项)', () => {
  const text = doc(
    '纲审批 ',
    '城 ',
    '省级 市集镇 ',
    '投资主管 迁建选 ',
    '部门审批63（核准）的大中型水利（水库）和水电工程（含抽水蓄能电站）可行性研究阶64段移民安 省址报告发改（集镇委、省迁建部水利分）审厅、省省批国土移民开厅、省城发局林业市集镇厅、省迁建总住建厅体规划等（集镇 项目所在地方政府及其有关部门 《水电工程建设征地移民安置规划设计规范》（DL/T5064-2007) 10.4.2城市集镇迁建总体规划应以经确认的城市集镇迁建选址报告为编制依据，作为移民安置规划大纲编制的依据。 不再保留前置不再保留前置 　 　 ',
    '置规划审 迁建部 ',
    '核 分）审 ',
    '批 ',
  );
  // Only the half-width ) of （DL/T5064-2007) is a fault the layout did not make.
  assert.deepEqual(findings(text, PAIRS), [`${PAIRS}@4:154-4:155`]);
});

test('unbalanced-pairs: a heading the crawler wrote twice, once without its “ (ranxi-policy, 资源化利用让垃圾重获新生)', () => {
  const text = doc(
    '回收处理，鼓励企业参与低值可回收物回收处理工作，促进生活垃圾的减量化和资源化。',
    '浴火重生”　推广垃圾焚烧发电模式',
    '“浴火重生',
    '　推广垃圾焚烧发电模式',
    '　　今年年初召开的全国住房和城乡建设工作会议强调，今年地级及以上城市居民小区生活垃圾分类覆盖',
  );
  assert.deepEqual(findings(text, PAIRS), []);
});

// ---- unbalanced-pairs: must report ----

test('unbalanced-pairs: a quotation whose closing ” is missing is still reported (lawrefbook, 刑法修正案（九）)', () => {
  const text = doc(
    '二十三、在刑法第二百八十条后增加一条作为第二百八十条之一:“在依照国家规定应当提供身份证明的活动中，使用伪造、变造的或者盗用他人的居民身份证、护照、社会保障卡、驾驶证等依法可以用于证明身份的证件，情节严重的，处拘役或者管制，并处或者单处罚金。',
    '',
    '“有前款行为，同时构成其他犯罪的，依照处罚较重的规定定罪处罚。',
    '',
    '二十四、将刑法第二百八十三条修改为:“非法生产、销售专用间谍器材或者窃听、窃照专用器材的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金；情节严重的，处三年以上七年以下有期徒刑，并处罚金。',
  );
  assert.deepEqual(findings(text, PAIRS), [`${PAIRS}@0:29-0:30`, `${PAIRS}@4:18-4:19`]);
});

test('unbalanced-pairs: a stray ） whose （ the converter dropped (lawrefbook, 保守国家秘密法)', () => {
  const text = doc('1988年9月5日 第七届全国人民代表大会常务委员会第三次会议通过', '', '2024年2月27日 第十四届全国人民代表大会常务委员会第八次会议第二次修订）');
  assert.deepEqual(findings(text, PAIRS), [`${PAIRS}@2:38-2:39`]);
});

test('unbalanced-pairs: a half-width partner of a full-width mark is reported with a fix (lvshu, lawrefbook)', () => {
  const quote = '本案中，双方在劳动合同中约定孙某的工作岗位为“后勤辅助岗"，该岗位不属固定或专业岗位；';
  assert.deepEqual(findings(quote, PAIRS), [`${PAIRS}@0:28-0:29`]);
  assert.equal(applyFix(quote, PAIRS), '本案中，双方在劳动合同中约定孙某的工作岗位为“后勤辅助岗”，该岗位不属固定或专业岗位；');
  const paren = '第二条 本市行政区域内的客运出租汽车(以下简称出租汽车）经营和管理活动,适用本条例。';
  assert.deepEqual(findings(paren, PAIRS), [`${PAIRS}@0:18-0:19`]);
  assert.equal(applyFix(paren, PAIRS), '第二条 本市行政区域内的客运出租汽车（以下简称出租汽车）经营和管理活动,适用本条例。');
});

// ---- halfwidth-punctuation ----

test('halfwidth-punctuation: ? for a character lost between Chinese characters is damage, not a question mark (ranxi-policy)', () => {
  const line = '　　3.有效推动技术成果转化。完善科技成果转化的运行机制、激励机制和协同推进机制。提升科技成果链接转化能力，拓展提升“中国?海峡项目成果交易会”“6?18虚拟研究院”、海峡技术转移中心的平台功能，吸引境内外创新资源。';
  assert.deepEqual(findings(line, HALF), []);
  assert.deepEqual(findings('粮食产能工程的第二年，也是“十一?五”规划的最后一年。', HALF), []);
});

test('halfwidth-punctuation: ? after a question is still a question mark (xwlb-cctv)', () => {
  const line = '本台记者提问，全面推进依法治国，要坚持中国特色的社会主义道路，是基于什么考虑?姜伟对此表示，法治建设固然有客观规律。';
  assert.deepEqual(findings(line, HALF), [`${HALF}@0:38-0:39`]);
});

test('halfwidth-punctuation: a GB/T 7714 reference list is not prose (ranxi-policy)', () => {
  const text = doc(
    '参考文献',
    '[2]杨晓宏,郑新,田春雨 .线上线下混合式一流本科课程的内涵、建设目标与建设策略[J].现代教育技术,2021,31(9): 104',
    '[3]穆肃,温慧群.适应学生的学习:不同复杂度的混合学习设计与实施[J].开放教育研究,2018,24(6):60-69. ',
  );
  assert.deepEqual(findings(text, HALF), []);
  assert.deepEqual(findings('[5]武法提,张琪.学习行为投入:定义、分析框架与理论模型[J].中国电化教育,2018(1):35-41.', HALF), []);
});

test('halfwidth-punctuation: a crawl\'s metadata lines are reported once, as such (ranxi-policy, xwlb)', () => {
  const text = doc('关于2009年扩大农村危房改造试点的指导意见', '发布日期: 2009-06-04', '来源:住房和城乡建设部', '各有关省、自治区、直辖市住房城乡建设厅（建委）：');
  const found = diagnosticsOf(text, HALF);
  assert.deepEqual(found.map((d) => span(d.range)), ['1:0-1:16']);
  assert.match(String(found[0].message), /metadata/);
  assert.deepEqual(findings(doc('正文第一段。', '(更新时间戳: 1687870872386)'), HALF), [`${HALF}@1:0-1:22`]);
});

test('halfwidth-punctuation: crawler fields between the title and the body on one line are metadata, the body after them is prose (ranxi-policy, 上海)', () => {
  const line =
    '上海市人民政府办公厅转发市农委、市绿化市容局修订后的关于本市加快林下经济发展促进林地综合利用意见的通知 发文机构：上海市人民政府办公厅 发布时间：2018-04-03 发文字号：沪府办规〔2018〕11号 政策类型：政策文件 政策层级：省级 来源：http://www.shanghai.gov.cn/nw42851/20200823/0001-42851_55827.html 关键字：林业经营;家庭林场;现代林业;生态林业 沪府办规〔2018〕11号 各区人民政府,市政府各委、办、局：';
  const found = diagnosticsOf(line, HALF);
  assert.deepEqual(found.map((d) => String(d.message).includes('metadata')), [true, false]);
  assert.equal(line.slice(found[1].range.start.character, found[1].range.end.character), ',');
});

test('halfwidth-punctuation: "…" around Chinese text becomes “…” (ranxi-policy, 湖南)', () => {
  const line = '　　深入实施"一核三极四带多点"战略，优化重塑区域发展布局。';
  assert.deepEqual(findings(line, HALF), [`${HALF}@0:6-0:16`]);
  assert.equal(applyFix(line, HALF), '　　深入实施“一核三极四带多点”战略，优化重塑区域发展布局。');
  assert.deepEqual(findings('运行 "npm test" 或者 key="值" 都不是中文引文。', HALF), []);
});

// ---- new rules ----

test('punctuation-spacing: a space before 、 or ， is reported and deleted (xwlb-cctv, ranxi-policy)', () => {
  const line = '国家卫生健康委今天（11月23日）通报，11月22日0—24时，31个省（自治区 、直辖市）和新疆生产建设兵团报告新增确诊病例11例。';
  assert.deepEqual(findings(line, SPACING), [`${SPACING}@0:40-0:41`]);
  assert.equal(applyFix(line, SPACING), line.replace('自治区 、', '自治区、'));
  assert.equal(applyFix('三 、网上打印准考证', SPACING), '三、网上打印准考证');
  assert.deepEqual(findings(doc('　　、', '姓名      ：张三', '<b>三</b>、加强领导', '共计&nbsp;，'), SPACING), []);
});

test('nested-title-marks: < > inside 《》 becomes 〈〉 (xwlb-cctv, lawrefbook)', () => {
  const line = '[视频]李克强签署国务院令 公布《国务院关于修改<全国经济普查条例>的决定》';
  assert.deepEqual(findings(line, NESTED), [`${NESTED}@0:24-0:34`]);
  assert.equal(applyFix(line, NESTED), '[视频]李克强签署国务院令 公布《国务院关于修改〈全国经济普查条例〉的决定》');
  assert.deepEqual(findings(doc('金额<5万元>以下', '《a<b>c》', '<p>《通知》</p>'), NESTED), []);
});

test('fullwidth-digits: full-width numbers in prose become half-width, one finding per number (govreports 1994)', () => {
  const line = '全年城镇新建住宅２．７亿平方米，农村新建房屋５．７亿平方米。';
  assert.deepEqual(findings(line, DIGITS), [`${DIGITS}@0:8-0:11`, `${DIGITS}@0:22-0:25`]);
  assert.equal(applyFix(line, DIGITS), '全年城镇新建住宅2.7亿平方米，农村新建房屋５．７亿平方米。');
  assert.equal(applyFix('比预算数２９，８２１，８２８，０００元少支', DIGITS), '比预算数29,821,828,000元少支');
});

test('fullwidth-digits: a year, a month or a year and month in full-width digits is one finding, fixed to half-width (govreports 1955/1981, ranxi-policy, govdoc-sgcc)', () => {
  const year = '到１９５５年底，已经完成铺轨全线通车的有黎塘——湛江线、丰台——沙城线和蓝村——烟台线；';
  assert.deepEqual(findings(year, DIGITS), [`${DIGITS}@0:1-0:6`]);
  assert.equal(applyFix(year, DIGITS), year.replace('１９５５年', '1955年'));
  const alone = '如果不采取有力措施加以解决，１９８１年还会有一百几十亿元的赤字，那么，几年来人民生活所得到的改善必将丧失';
  assert.equal(applyFix(alone, DIGITS), alone.replace('１９８１年', '1981年'));
  const yearMonth = '各地区、各部门要于２００３年２月底前将清查情况报国务院纠风办。';
  assert.deepEqual(findings(yearMonth, DIGITS), [`${DIGITS}@0:9-0:16`]);
  assert.equal(applyFix(yearMonth, DIGITS), '各地区、各部门要于2003年2月底前将清查情况报国务院纠风办。');
  const mixed = '2021年４月，榆林榆神工业区管委会拟成立榆林市榆神电力有限责任公司作为试点项目业主。';
  assert.deepEqual(findings(mixed, DIGITS), [`${DIGITS}@0:0-0:7`]);
  assert.equal(applyFix(mixed, DIGITS), mixed.replace('2021年４月', '2021年4月'));
  for (const line of ['到２０２５年基本建成', '于２０２２年３月印发', '会议于2022年１２月召开', '在２０２２年底前']) {
    assert.equal(findings(line, DIGITS).length, 1, line);
    assert.equal(applyFix(line, DIGITS), line.replace(/[０-９]/g, (digit) => digit.normalize('NFKC')), line);
    assert.deepEqual(findings(line, LOOKALIKE), [], line);
  }
  // A list item's number is not the integer part of a decimal (ranxi-policy, 广东).
  const item = '　　１．２００３年７月前，本科院校３３％；';
  assert.deepEqual(findings(item, DIGITS), [`${DIGITS}@0:2-0:3`, `${DIGITS}@0:4-0:11`, `${DIGITS}@0:17-0:19`]);
  assert.equal(applyFix('２００３年７月前，本科院校３３％；', DIGITS), '2003年7月前，本科院校３３％；');
});

test('fullwidth-digits: a whole date is lookalike-characters\' finding and a 发文字号 the doc-number rules\', not reported twice (lawrefbook)', () => {
  const line = '第四十九条 本条例自2020年１月１日起施行。';
  assert.deepEqual(findings(line, DIGITS), []);
  assert.equal(findings(line, LOOKALIKE).length, 1);
  assert.deepEqual(findings('依据粤府〔２００３〕５号的规定执行', DIGITS), []);
  // A 发文字号 in full-width digits, cited with a space (ranxi-policy, 广东 节能降耗 通知): the doc-number rules' to report.
  assert.deepEqual(findings('发布日期：2004-06-28浏览次数： - 粤府办〔２００４〕６３号', DIGITS), []);
  assert.deepEqual(findings('为进一步贯彻落实《国务院办公厅关于开展资源节约活动的通知》（国办发 〔２０ ０４〕３０号）的精神，缓解我省能源、电力供', DIGITS), []);
});

test('unbalanced-pairs: a closing quote typed as an opening one is one finding, at the opener (ranxi-policy, 福建)', () => {
  const line = '　　生产经营单位应当落实安全设施“三同时“（安全设施与主体工程同时设计、同时施工、同时投入生产和使用）制度。';
  assert.deepEqual(findings(line, PAIRS), [`${PAIRS}@0:16-0:17`]);
});
