import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/service/edits';
import { diagnosticsOf, makeService } from './bodyRuleHelpers';

/**
 * Real lines of the issue-10 corpus (test/corpus/SOURCES.md) for the 发文字号 and 成文日期 rules:
 * what must and must not be reported. Sources: ranxi-policy (crawled provincial and ministry notices),
 * govcn2019 (gov.cn pages), lawrefbook (laws, judicial interpretations, cases), lvshu.
 */

const service = makeService();
const URI = 'file:///corpus/doc.txt';

const lines = (...text: string[]) => text.join('\n') + '\n';
const parse = (text: string) => service.parse(URI, text);
const messagesOf = (text: string, rule: string) => diagnosticsOf(text, rule, service, URI).map((d) => d.message);
const linesOf = (text: string, rule: string) => diagnosticsOf(text, rule, service, URI).map((d) => d.range.start.line);
const fixAll = (text: string) => applyEdits(text, parse(text).lines, service.getFixAllEdits(parse(text)));

/** govcn2019 020: a 转发 notice, its own 落款, then the forwarded report with its own date. */
const FORWARDING = [
  '国务院办公厅转发国家地震局关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知',
  '国办发〔1996〕2号',
  '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
  '国家地震局《关于我国地震重点监视防御区的确定和加强防震减灾工作意见的报告》已经国务院同意，现转发给你们，请认真贯彻执行。',
  '国务院办公厅',
  '一九九六年二月五日',
  '（本文有删减）',
  '关于我国地震重点监视防御区的确定',
  '和加强防震减灾工作意见的报告',
  '以上意见如无不妥，请批转各地、各部门贯彻执行。',
  '国家地震局',
  '一九九六年一月二十五日',
];

describe('real lines: the 代字 stops where prose ends', () => {
  it('gives 国发 for 各部门要按照国发〔…〕 and 温国土资发 for 国土局作出温国土资发（2018）366号', () => {
    const prose = parse(lines('　　一、认真抓好工作落实。各地、各部门要按照国发〔2016〕30号文部署要求，结合实际抓好落实。'));
    assert.deepEqual(prose.official.docNumbers.map((n) => [n.agency.text, n.text]), [['国发', '国发〔2016〕30号']]);
    const ruling = lines('2018年11月5日，原温江区国土局作出温国土资发（2018）366号《决定书》，以作出行政决定的方式决定对某商贸公司追缴');
    assert.deepEqual(messagesOf(ruling, 'doc-number-bracket'), ['The year of the 发文字号 "温国土资发（2018）366号" is in "（）"; use 六角括号 〔〕.']);
  });

  it('quotes the number alone in every message', () => {
    assert.deepEqual(messagesOf(lines('第九条 凡需新辟军民合用机场，按国办发(1985)49号文件规定办理。'), 'doc-number-bracket'), [
      'The year of the 发文字号 "国办发(1985)49号" is in "()"; use 六角括号 〔〕.',
    ]);
    // A crawled title runs into the number.
    const title = lines('重庆市人民政府办公厅关于印发成渝地区联手打造内陆开放高地方案的通知渝府办发〔 2022〕86号');
    assert.deepEqual(parse(title).official.docNumbers.map((n) => n.agency.text), ['渝府办发']);
    // Padding of a crawled page: the spaces are quoted as one.
    assert.deepEqual(messagesOf(lines(`（国函〔${' '.repeat(40)}2006       〕38号）`), 'doc-number-bracket'), ['The 发文字号 "国函〔 2006 〕38号" has spaces inside; remove them.']);
  });
});

describe('real lines: spaces inside a 发文字号', () => {
  it('reports and removes them together with the other faults of the number', () => {
    const cases: [string, string, string[]][] = [
      ['《内蒙古自治区关于推进农村牧区社区建设试点工作的实施意见》（内党办发 [2015]32号），有序推进农村社区建设发展步伐', '内党办发〔2015〕32号', ['doc-number-bracket', 'doc-number-bracket']],
      ['8 交通部 运输船舶消防管理规定 交公安发[1995]137 号 1995 年2月23日', '交公安发〔1995〕137号', ['doc-number-bracket', 'doc-number-bracket']],
      ['1 审计署 审计署关于审计规章制定程序的规定 审法字 〔 1989 〕第 106 号 1989-3-30', '审法字〔1989〕106号', ['doc-number-bracket', 'doc-number-sequence']],
      ['渝府办发〔 2022〕64号', '渝府办发〔2022〕64号', ['doc-number-bracket']],
    ];
    for (const [line, fixed, rules] of cases) {
      const text = lines(line);
      const found = service.getDiagnostics(parse(text)).filter((d) => String(d.code).startsWith('doc-number-'));
      assert.deepEqual(found.map((d) => d.code).sort(), rules, line);
      assert.ok(fixAll(text).includes(fixed), `${line} → ${fixAll(text)}`);
      assert.equal(fixAll(fixAll(text)), fixAll(text));
    }
  });

  it('does not take the cells of a flattened table for one number', () => {
    const text = lines('序号 项目名称 子项 审批类别 〔2013〕47号）； 3.《政府核准投资项目设定依据管理办法》');
    assert.deepEqual(messagesOf(text, 'doc-number-bracket'), []);
  });

  it('leaves a number alone where the spaces are the padding of an entity', () => {
    assert.deepEqual(messagesOf('<p>（国发&#12308;2002〕9号）</p>\n', 'doc-number-bracket'), []);
    assert.deepEqual(parse('<p>（国发&#12308;2002〕9号）</p>\n').official.docNumbers.map((n) => n.year.value), [2002]);
  });
});

describe('real lines: lookalike characters inside a 发文字号 or date', () => {
  it('recognises a 代字 with a Kangxi radical and a number in full-width digits', () => {
    const kangxi = parse(lines('京⾦融〔 2022〕223号'));
    assert.deepEqual(kangxi.official.docNumbers.map((n) => [n.agency.text, n.year.value, n.sequence.value, n.own]), [['京⾦融', 2022, 223, true]]);
    const text = lines('粤府〔２００３〕１１号');
    assert.deepEqual(linesOf(text, 'doc-number-year'), [0]);
    assert.deepEqual(linesOf(text, 'doc-number-sequence'), [0]);
    assert.equal(fixAll(text), lines('粤府〔2003〕11号'));
  });

  it('reads a 成文日期 written with Kangxi radicals', () => {
    const doc = parse(lines('商资函〔 2008〕1号', '各省、自治区、直辖市商务主管部门：', '现将有关事项通知如下。', '⼆〇〇⼋年⼀⽉⼆⼗⼋⽇'));
    assert.deepEqual(doc.official.writtenDate && [doc.official.writtenDate.year, doc.official.writtenDate.month, doc.official.writtenDate.day], [2008, 1, 28]);
  });
});

describe('real lines: doc-number-date-order reads the document\'s own 落款', () => {
  it('reports a number seeded one year after the own 落款, at its line', () => {
    const text = lines(...FORWARDING.map((line) => line.replace('国办发〔1996〕2号', '国办发〔1997〕2号')));
    assert.deepEqual(linesOf(text, 'doc-number-date-order'), [1]);
    assert.deepEqual(linesOf(lines(...FORWARDING), 'doc-number-date-order'), []);
  });

  it('never uses the date of the forwarded document', () => {
    const ownDateLost = FORWARDING.filter((line) => line !== '国务院办公厅' && line !== '一九九六年二月五日').map((line) =>
      line.replace('一九九六年一月二十五日', '一九九五年十二月二十五日'),
    );
    assert.equal(parse(lines(...ownDateLost)).official.writtenDate, null);
    assert.deepEqual(linesOf(lines(...ownDateLost), 'doc-number-date-order'), []);
  });

  it('finds the 落款 with the organ on the date line', () => {
    const text = lines(
      '转发广东省人大常委会关于强化人才宏观管理、加大人才资源开发力度议案办理结果的决议的通知',
      '粤府〔２００３〕１１号',
      '各市、县、自治县人民政府，省府直属有关单位：',
      '　　省九届人大常委会第三十三次会议审议通过了省人民政府关于强化人才宏观管理、加大人才资源开发力度议案办理结果的报告，现将会议决议转发给你们，请认真贯彻执行。',
      '广东省人民政府二〇〇三年一月二十七日',
      '广东省人民代表大会常务委员会关于强化人才宏观管理、加大人才资源开发力度议案办理结果的决议',
      '（２００１年９月２８日广东省第九届人民代表大会常务委员会第二十八次会议通过）',
    );
    assert.equal(parse(text).official.writtenDate?.year, 2003);
    assert.deepEqual(linesOf(text, 'doc-number-date-order'), []);
  });

  it('accepts a document signed in December and numbered in January', () => {
    const text = lines(
      '广东省人民政府印发关于进一步促进科技创新若干政策措施的通知',
      '粤府〔2019〕1号',
      '各地级以上市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构：',
      '现将《关于进一步促进科技创新的若干政策措施》印发给你们，请认真贯彻执行。',
      '广东省人民政府',
      '2018年12月24日',
    );
    assert.deepEqual(linesOf(text, 'doc-number-date-order'), []);
    assert.deepEqual(linesOf(text.replace('2018年12月24日', '2018年3月24日'), 'doc-number-date-order'), [1]);
  });

  it('does not take the number of a forwarded document in a wrapped title for the own one', () => {
    const text = lines('广东省人民政府转发国务院关于印发个人所得税专项附加扣除暂行办法的通知', '（国发〔2018〕41号）', '的通知', '粤府〔2019〕2号', '各地级以上市人民政府：', '现将有关文件转发给你们。', '广东省人民政府', '2018年3月1日');
    assert.equal(parse(text).official.ownNumber?.text, '粤府〔2019〕2号');
  });
});

describe('real lines: doc-number-sequence', () => {
  it('reports a missing 号 but not one a flattened table wrapped onto the next line', () => {
    assert.deepEqual(linesOf(lines('继续施行《福建省人民政府关于支持福建农民创业园建设的实施意见》（闽政〔2012〕67）中的有关政策。'), 'doc-number-sequence'), [0]);
    const table = lines('20 金融机构在留部分非行省、自治境外发行债政许可审批区、直辖券所得利息项目的通　市国家税符合优惠利知》（国办务局率标准免征发 ', '所得税审批〔2004〕62 ', '号） ');
    assert.deepEqual(linesOf(table, 'doc-number-sequence'), []);
  });
});

describe('real lines: doc-number-agency-code', () => {
  it('is silent on real 代字 of the corpus, known or not', () => {
    const cited = [
      '况，现决定对最高人民法院《关于审理非法行医刑事案件具体应用法律若干问题的解释》（法释〔2008〕5号，以下简称《解释》）作如下修改：',
      '12．落实《国家版权局关于贯彻国家知识产权战略纲要的实施意见》（国版发〔2009〕2号），完善版权政策体系',
      '民政府办公厅关于印发市属自收自支事业单位工作人员社会养老保险试行意见的通知》 (重办发 [1996]109号)同时废止。',
      '2016年4月29日，福建省福清市公安局出具融公（刑侦）捕字（2016）00066号《逮捕证》',
      '事案件中涉及的CITES附录Ⅰ和附录Ⅱ所列陆生野生动物制品价值核定问题的通知》（林濒发〔2012〕239号）的有关规定核定价值。',
      '环办（2014）118号', '厅字〔2017〕47号', '国土资发〔2016〕93号', '交公路发〔2008〕382号', '国税函〔2009〕185号', '劳社部发[2008]3号', '高检发释字〔2025〕1号',
    ];
    for (const line of cited) assert.deepEqual(messagesOf(lines(line), 'doc-number-agency-code'), [], line);
  });

  it('hints once at a sound-alike of a known 代字', () => {
    const text = lines('国半发〔2020〕68号', '各省、自治区、直辖市人民政府：', '依据国半发〔2020〕68号执行。');
    assert.deepEqual(messagesOf(text, 'doc-number-agency-code'), ['The 代字 "国半发" of the 发文字号 "国半发〔2020〕68号" is not a known agency code; is it "国办发"?']);
  });

  it('is silent where the text before the number holds the odd character, as the organ\'s name does', () => {
    assert.deepEqual(messagesOf(lines('落实《国家版权局关于贯彻国家知识产权战略纲要的实施意见》（国版发〔2009〕2号）'), 'doc-number-agency-code'), []);
  });
});

describe('real lines: written-date-format', () => {
  it('reports a padded 落款 date and a date that does not exist', () => {
    assert.deepEqual(linesOf(lines('工业和信息化部办公厅 2021年01月15日'), 'written-date-format'), [0]);
    assert.deepEqual(messagesOf(lines('确保整改落实。2018年9月31日前，基础电信企业集团公司、域名注册管理和服务机构'), 'written-date-format'), ['"2018年9月31日" is not a real date.']);
  });

  it('reads dates in full-width digits', () => {
    assert.deepEqual(linesOf(lines('于２００２年０６月２９日召开。'), 'written-date-format'), [0]);
    assert.deepEqual(linesOf(lines('于２００２年６月２９日召开。'), 'written-date-format'), []);
  });
});

describe('real lines: numbers of enforcement and court instruments', () => {
  it('keeps their 第 and zero-padding, but still reports their brackets', () => {
    // lvshu, 最高人民法院关于发布第二批指导性案例的通知: a cited 行政处罚决定书.
    const text = lines('原告请求判决依法撤销成工商金堂处字(2005)第02026号《行政处罚决定书》，并请求判令被告退还罚款。');
    assert.deepEqual(messagesOf(text, 'doc-number-sequence'), []);
    assert.equal(messagesOf(text, 'doc-number-bracket').length, 1);
  });
});

describe('real lines: dates in a flattened table', () => {
  it('leaves the zero padding of a table row of dates alone, but not the 落款', () => {
    // ranxi-policy, 关于废止24件交通运输规章的决定（中华人民共和国交通运输部令2010年第9号）: the table of abolished rules on one line.
    const row = '序 号 规章名称 发布机关 发布文号 发布日期 1 油船安全生产管理规则 交通部 （83）交水监字860号 1983年04月12日 2 港口引航工作规定 交通部 （84）交水监字2179号 1984年09月28日 3 海上交通事故调查处理规则 交通部 1985年05月01日';
    assert.deepEqual(messagesOf(lines(row), 'written-date-format'), []);
    assert.equal(messagesOf(lines('通知如下：', row, '交通运输部办公厅', '2022年01月21日'), 'written-date-format').length, 1);
  });
});

describe('real lines: agency-name in a cited 发文字号 with spaces', () => {
  it('does not read the 代字 of a 发文字号 as an informal name when the year has a space inside', () => {
    // ranxi-policy, 广东省 关于在全省开展节能降耗节约用电工作的通知 (PDF-extracted: 〔２０ ０４〕).
    const cited = lines('为进一步贯彻落实《国务院办公厅关于开展资源节约活动的通知》（国办发 〔２０ ０４〕３０号）的精神，缓解我省能源、电力供');
    assert.deepEqual(messagesOf(cited, 'agency-name'), []);
    // xwlb-cctv headline: 国办 as a name in prose is still reported.
    assert.equal(messagesOf(lines('[视频]中办 国办印发《建立国家公园体制总体方案》'), 'agency-name').length, 2);
  });
});
