import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosticsOf, doc, fixOf, makeService } from './bodyRuleHelpers';

// Agency names judged by the document's own date: for each reform, a document dated just before
// the name ended is silent, and one dated after it is told the successor and the date.

const RULE = 'agency-name';
const service = makeService('zh');

/** An official text whose 成文日期 is `date` (YYYY-MM-DD), with one body line. */
function official(line: string, date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return doc('关于做好有关工作的通知', '', '各有关单位：', `　　${line}`, '', '某某单位', `${year}年${month}月${day}日`, '');
}

const messages = (text: string) => diagnosticsOf(text, RULE, service).map((d) => d.message as string);

/** name, the last date it was right, the first date it was not, the successor named then, and the fix (when the successor was made from it). */
const CUTS: [string, string, string, string, string | undefined][] = [
  ['国家教委', '1998-12-31', '1999-01-01', '教育部', undefined],
  ['劳动部', '1998-12-31', '1999-01-01', '劳动和社会保障部', '劳动和社会保障部'],
  ['国家计委', '2003-03-31', '2003-04-01', '国家发展改革委', '国家发展改革委'],
  ['外经贸部', '2003-03-31', '2003-04-01', '商务部', '商务部'],
  ['国家计生委', '2003-12-31', '2004-01-01', '国家人口计生委', '国家人口计生委'],
  ['劳动和社会保障部', '2008-12-31', '2009-01-01', '人力资源社会保障部', '人力资源社会保障部'],
  ['人事部', '2008-12-31', '2009-01-01', '人力资源社会保障部', '人力资源社会保障部'],
  ['信息产业部', '2008-12-31', '2009-01-01', '工业和信息化部', '工业和信息化部'],
  ['建设部', '2008-12-31', '2009-01-01', '住房城乡建设部', '住房城乡建设部'],
  ['交通部', '2008-12-31', '2009-01-01', '交通运输部', '交通运输部'],
  ['国防科工委', '2008-12-31', '2009-01-01', '国家国防科工局', '国家国防科工局'],
  ['国家测绘局', '2011-05-31', '2011-06-01', '国家测绘地理信息局', '国家测绘地理信息局'],
  ['铁道部', '2013-03-31', '2013-04-01', '交通运输部', undefined],
  ['新闻出版总署', '2013-12-31', '2014-01-01', '新闻出版广电总局', '新闻出版广电总局'],
  ['国家卫生计生委', '2018-03-31', '2018-04-01', '国家卫生健康委', '国家卫生健康委'],
  ['国土资源部', '2018-04-30', '2018-05-01', '自然资源部', '自然资源部'],
  ['质检总局', '2018-04-30', '2018-05-01', '市场监管总局', '市场监管总局'],
  ['国家林业局', '2018-04-30', '2018-05-01', '国家林草局', '国家林草局'],
  ['国务院扶贫办', '2021-02-24', '2021-02-25', '国家乡村振兴局', '国家乡村振兴局'],
  ['银保监会', '2023-05-17', '2023-05-18', '金融监管总局', '金融监管总局'],
];

describe('agency-name by the document\'s date', () => {
  for (const [name, lastRight, firstOutdated, successor, fix] of CUTS) {
    it(`${name}: right on ${lastRight}, outdated on ${firstOutdated} (→ ${successor})`, () => {
      const line = `${name}印发通知。`;
      assert.deepEqual(messages(official(line, lastRight)), []);
      const [diagnostic, ...rest] = diagnosticsOf(official(line, firstOutdated), RULE, service);
      assert.deepEqual(rest, []);
      assert.ok(diagnostic, `${name} on ${firstOutdated}`);
      assert.match(diagnostic.message as string, new RegExp(`^${name}自 \\d{4}(-\\d{2}){0,2} 起已撤销或更名，由${successor}承接；本文日期为 ${firstOutdated}。$`));
      assert.equal(fixOf(diagnostic)?.edits[0].newText, fix);
    });
  }

  it('a chain is followed as far as the document\'s date: 国家计生委 in 2020 → 国家人口计生委 → 国家卫生计生委 → 国家卫生健康委', () => {
    assert.deepEqual(messages(official('国家计生委印发通知。', '2020-06-01')), [
      '国家计生委自 2003 起已撤销或更名，其后依次为：2003 国家人口计生委 → 2013 国家卫生计生委 → 2018-03 国家卫生健康委。本文日期为 2020-06-01。',
    ]);
    assert.deepEqual(messages(official('国家计生委印发通知。', '2010-06-01')), ['国家计生委自 2003 起已撤销或更名，由国家人口计生委承接；本文日期为 2010-06-01。']);
  });

  it('a name still kept as a second name plate is never outdated', () => {
    for (const name of ['国家海洋局', '国务院侨务办公室', '国家宗教事务局', '国家外国专家局']) assert.deepEqual(messages(official(`${name}印发通知。`, '2024-06-01')), [], name);
  });

  it('an informal name of a former organ is informal while the organ stood, outdated after', () => {
    assert.deepEqual(messages(official('国家卫计委印发通知。', '2016-06-01')), ['“国家卫计委”是不规范的简称，规范名称为“国家卫生计生委”。']);
    assert.deepEqual(messages(official('国家卫计委印发通知。', '2019-06-01')), ['国家卫计委自 2018-03 起已撤销或更名，由国家卫生健康委承接；本文日期为 2019-06-01。']);
  });

  it('a date from the front matter when there is no 成文日期', () => {
    const post = (date: string) => doc('---', 'layout: post', 'title: "标题"', `date: ${date}`, '---', '环境保护部印发通知。');
    assert.deepEqual(messages(post('2017-12-01')), []);
    assert.equal(messages(post('2019-01-01')).length, 1);
  });
});
