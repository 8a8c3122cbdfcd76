// The Markdown dialects that generators write, one construct a test, on real snippets where the
// corpus has them: Fungwingwaa/cee (VuePress 2, theme-hope) and Halerfermatqing/mybolgfor (Jekyll),
// see test/corpus/SOURCES.md. Hexo, Liquid and Hugo syntax does not occur in those posts: those
// snippets are written from the generators' documentation (hexo.io/docs/tag-plugins, gohugo.io).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { load } from 'cheerio';
import { createLanguageService } from '../../server/src/service';
import { maskDialects } from '../../server/src/service/parse/tree/dialects';

const service = createLanguageService({ locale: 'zh', now: () => new Date('2026-01-01T00:00:00Z') });
const FRONT = '---\ntitle: 测试文章\n---\n';
const clean = (body: string, options = {}) => service.cleanDocument(service.parse('file:///work/post.md', FRONT + body), options);
/** The cleaned text without the title line. */
const bodyText = (body: string) => clean(body).text.replace(/^测试文章\n\n/, '');
const MARKUP = /p>|:::|\{%|\{\{|&emsp;|\*\*|\[\[toc\]\]|@tab|\{align/;

describe('dialect markers keep every offset', () => {
  test('masking blanks markers with spaces of the same length and keeps line breaks', () => {
    const text = FRONT + '::: warning 原文链接\n\n<https://flk.npc.gov.cn/>\n\n:::\n## 第一章&emsp;总则{align=center}\n';
    const masked = maskDialects(text, FRONT.length);
    assert.equal(masked.text.length, text.length);
    assert.equal(masked.text.split('\n').length, text.split('\n').length);
    assert.deepEqual(masked.containers.map(({ name, title }) => [name, title]), [['warning', '原文链接']]);
    assert.equal(masked.aligns[0].align, 'center');
    assert.ok(!masked.text.includes(':::') && !masked.text.includes('{align'));
  });

  test('a marker inside fenced code is code, not a marker', () => {
    const text = bodyText('```\n::: tip\n{% raw %}\n```\n');
    assert.match(text, /::: tip\n\{% raw %\}/);
  });
});

describe('VuePress containers', () => {
  test('::: right holding the 落款 is right-aligned, without markers (cee P6/gyjsxmwpxjwfxwflsywtdyj.md)', () => {
    const result = clean('<p>&emsp;&emsp;特此函复。</p>\n\n::: right\n\n环境保护部\n\n2018年2月22日\n\n:::\n');
    const $ = load(result.html);
    assert.deepEqual($('.pd-align-right').toArray().map((p) => $(p).text()), ['环境保护部', '2018年2月22日']);
    assert.equal(result.text, '测试文章\n\n特此函复。\n\n环境保护部\n\n2018年2月22日\n');
  });

  test('::: center is centred', () => {
    const $ = load(clean('::: center\n\n附件\n\n:::\n').html);
    assert.equal($('.pd-align-center').text(), '附件');
  });

  test('::: tip 修订信息 is a callout that keeps its title (cee P1)', () => {
    const result = clean('::: tip 修订信息\n\n（1987年9月5日第六届全国人民代表大会常务委员会第二十二次会议通过&emsp;根据1995年8月29日第八届全国人民代表大会常务委员会第十五次会议《关于修改&lt;中华人民共和国大气污染防治法&gt;的决定》第一次修正）\n\n:::\n');
    const $ = load(result.html);
    assert.equal($('aside.pd-callout.pd-callout-tip > .pd-callout-title').text(), '修订信息');
    assert.match(result.text, /^测试文章\n\n修订信息\n（1987年9月5日.*《关于修改<中华人民共和国大气污染防治法>的决定》第一次修正）\n$/);
    assert.doesNotMatch(result.text, MARKUP);
  });

  test('::: warning 原文链接: the link goes to the card, the block leaves the body (cee P1)', () => {
    const result = clean('<p id="t129">&emsp;&emsp;<b>第一百二十九条</b>&emsp;本法自2016年1月1日起施行。</p>\n\n---\n\n::: warning 原文链接\n\n<https://flk.npc.gov.cn/detail2.html?ZmY4MDgwODE2ZjEzNWY0NjAxNmYxY2QzNzgzNjExNTU%3D>\n\n:::\n');
    assert.equal(result.meta.sourceUrl, 'https://flk.npc.gov.cn/detail2.html?ZmY4MDgwODE2ZjEzNWY0NjAxNmYxY2QzNzgzNjExNTU%3D');
    assert.equal(result.text, '测试文章\n\n第一百二十九条\u2003本法自2016年1月1日起施行。\n');
    assert.ok(result.removed.some((removed) => removed.kind === 'metadata'));
  });

  test('::: details 目录 with ::: tabs, @tab and [[toc]] inside is navigation, closed as markdown-it closes it (cee P1)', () => {
    const result = clean('::: details 目录\n\n::: tabs\n\n@tab 章节\n\n[[toc]]\n\n@tab 条例\n\n- 第1~20条：\n  \n  [1](#t1)&emsp;[2](#t2)\n\n:::\n\n## 第一章&emsp;总则{align=center}\n');
    assert.equal(result.text, '测试文章\n\n第一章\u2003总则\n');
    assert.ok(result.removed.some((removed) => removed.kind === 'navigation'));
    assert.equal(load(result.html)('h2.pd-align-center').text(), '第一章\u2003总则');
  });

  test('an unknown container loses its markers and keeps its content', () => {
    assert.equal(bodyText('::: vue-playground 示例\n\n正文一段。\n\n:::\n'), '正文一段。\n');
  });
});

describe('VuePress extras', () => {
  test('<p>&emsp;&emsp;…<br> raw HTML paragraphs: one paragraph, lines kept, indentation dropped (cee P1)', () => {
    const text = bodyText('<p id="t3">&emsp;&emsp;<b>第三条</b>&emsp;县级以上人民政府应当将大气污染防治工作纳入国民经济和社会发展规划。<br>\n&emsp;&emsp;地方各级人民政府应当对本行政区域的大气环境质量负责。</p>\n');
    assert.equal(text, '第三条\u2003县级以上人民政府应当将大气污染防治工作纳入国民经济和社会发展规划。\n地方各级人民政府应当对本行政区域的大气环境质量负责。\n');
  });

  test('<Badge> becomes its text (cee docs/posts/P5/jmssthjyfbyxzcfdqwhjwfxwqd.md)', () => {
    const result = clean('- 《企业事业单位环境信息公开办法》<Badge text="已废止" type="note" />第九条&emsp;重点排污单位应当公开下列信息：\n');
    assert.match(result.text, /《企业事业单位环境信息公开办法》已废止第九条/);
    assert.doesNotMatch(result.text, /<Badge/);
  });

  test('the PDF viewer banner is left out, <PDF url> becomes a link, {target=…} and :emoji: are dropped (cee P7/jsxmhjyxpjflglml.md)', () => {
    const result = clean('本文使用PDF预览窗口<Badge text="基于Chromium内核" type="tip" />，**无法加载的请点击**:mag:*[查看全文](/static/pdf/P7/jsxmhjyxpjflglml.pdf){target="_blank"}*。\n\n<PDF url="/static/pdf/P7/jsxmhjyxpjflglml.pdf" :zoom=60 height="680px" />\n');
    assert.doesNotMatch(result.text, /本文使用PDF预览窗口|基于Chromium内核/);
    assert.ok(result.removed.some((removed) => removed.kind === 'banner'));
    const $ = load(result.html);
    assert.ok($('.pd-body a[href="/static/pdf/P7/jsxmhjyxpjflglml.pdf"]').length >= 1);
    assert.doesNotMatch(result.text, /:mag:|target=|<Badge|<PDF/);
  });
});

describe('Hexo, Jekyll Liquid and Hugo', () => {
  test('{% blockquote %}…{% endblockquote %} is a quote with its attribution', () => {
    const result = clean('{% blockquote 李白, 静夜思 %}\n床前明月光，疑是地上霜。\n{% endblockquote %}\n');
    const $ = load(result.html);
    assert.equal($('blockquote p').first().text(), '床前明月光，疑是地上霜。');
    assert.equal(result.text, '测试文章\n\n床前明月光，疑是地上霜。\n李白, 静夜思\n');
  });

  test('{% raw %} keeps its content; {% include %} and {{ site.x }} are dropped', () => {
    assert.equal(bodyText('{% raw %}\n会议强调，要抓好落实。\n{% endraw %}\n\n{% include toc.html %}\n\n访问{{ site.url }}了解详情。\n'), '会议强调，要抓好落实。\n\n访问了解详情。\n');
  });

  test('{% asset_img %} is an image', () => {
    const $ = load(clean('{% asset_img meeting.jpg 会议现场 %}\n').html);
    assert.equal($('figure img').attr('src'), 'meeting.jpg');
    assert.equal($('figure img').attr('alt'), '会议现场');
  });

  test('Hugo shortcodes are dropped, the content of a paired one kept', () => {
    assert.equal(bodyText('{{< notice info >}}\n请于3月31日前报送。\n{{< /notice >}}\n\n{{% ref "a.md" %}}\n'), '请于3月31日前报送。\n');
  });
});

describe('GFM and emphasis', () => {
  test('a table: rows on lines, cells separated by tabs (mybolgfor 2024-1-4-CAU-notice)', () => {
    const result = clean('| 序号 | 学院               | 姓名   | 学号           |\n| ---- | ------------------ | ------ | -------------- |\n| 1    | 农学院             | 王子健 | BS20203010088 |\n');
    assert.equal(load(result.html)('table td').length, 4);
    assert.equal(result.text, '测试文章\n\n序号\t学院\t姓名\t学号\n1\t农学院\t王子健\tBS20203010088\n');
  });

  test('emphasis ending in Chinese punctuation is closed (mybolgfor wind-DailyFinanceNews)', () => {
    const result = clean('1、**中国金融时报发文指出，有利于规范市场运行，促进金融市场长期稳定发展。**此外，还需完善。\n');
    assert.equal(load(result.html)('strong').text(), '中国金融时报发文指出，有利于规范市场运行，促进金融市场长期稳定发展。');
    assert.doesNotMatch(result.text, /\*\*/);
  });

  test('an empty strong span `****` leaves nothing (mybolgfor 2024-9-13-wind-DailyFinanceNews)', () => {
    assert.equal(bodyText('4、黄金再创历史新高。周四纽约尾盘现货黄金涨至2560美元/盎司，创****历史新高。\n'), '4、黄金再创历史新高。周四纽约尾盘现货黄金涨至2560美元/盎司，创历史新高。\n');
  });

  test('footnotes and task lists', () => {
    const result = clean('正文[^1]。\n\n- [x] 已完成\n- [ ] 待办\n\n[^1]: 注释内容。\n');
    assert.match(result.text, /已完成\n待办/);
    assert.match(result.text, /注释内容。/);
    assert.doesNotMatch(result.text, /\[\^1\]|\[x\]|Footnotes/);
  });

  test('<!-- more --> leaves nothing', () => {
    assert.equal(bodyText('摘要一段。\n\n<!-- more -->\n\n正文一段。\n'), '摘要一段。\n\n正文一段。\n');
  });
});

describe('title', () => {
  const cleanRaw = (text: string) => service.cleanDocument(service.parse('file:///work/post.md', text));
  test('the front matter title, and a first heading repeating it is not shown twice (mybolgfor)', () => {
    const result = cleanRaw('---\nlayout: post\ntitle: 金帝股份上市首日融券做空风波\n---\n\n# 金帝股份上市首日融券做空风波\n\n## 导言\n\n正文。\n');
    assert.equal(result.meta.title, '金帝股份上市首日融券做空风波');
    assert.equal(result.text, '金帝股份上市首日融券做空风波\n\n导言\n\n正文。\n');
  });

  test('without front matter, the first heading; never a body paragraph', () => {
    assert.equal(cleanRaw('# 关于开展检查的通知\n\n各单位：\n').meta.title, '关于开展检查的通知');
    const untitled = cleanRaw('<p>&emsp;&emsp;为落实《中华人民共和国环境影响评价法》第三十一条，提出以下意见。</p>\n');
    assert.equal(untitled.meta.title, undefined);
  });

  test('a 公文-like post with a title in its front matter never takes its first paragraph as the title (cee P6)', () => {
    const result = cleanRaw('---\ntitle: 关于生态环境执法中建设项目“总投资额”认定问题的指导意见（试行）\n---\n\n<p>&emsp;&emsp;为落实《中华人民共和国环境影响评价法》第三十一条、《中华人民共和国海洋环境保护法》第八十二条，现就认定问题，提出以下意见：</p>\n<p>&emsp;&emsp;一、建设项目总投资额的认定。</p>\n\n::: right\n\n生态环境部\n\n2018年8月27日\n\n:::\n');
    assert.equal(result.meta.title, '关于生态环境执法中建设项目“总投资额”认定问题的指导意见（试行）');
    const $ = load(result.html);
    assert.equal($('h1').first().text(), result.meta.title);
    assert.doesNotMatch(result.text, MARKUP);
  });
});

describe('metadata lines', () => {
  const meta = (body: string) => clean(body).meta;
  test('原标题, 责任编辑, 来源 (Sina Finance)', () => {
    const found = meta('原标题：商务部召开乡村振兴工作领导小组会议\n\n正文。\n\n（文章来源：商务部网站）\n\n（责任编辑：王翔）\n');
    assert.equal(found.originalTitle, '商务部召开乡村振兴工作领导小组会议');
    assert.equal(found.source, '商务部网站');
    assert.equal(found.editor, '王翔');
  });

  test('**来源：** and **发布时间：** on hard-broken lines (mybolgfor 2024-1-4-CAU-notice)', () => {
    const result = clean('**来源：** 研究生院（党委研究生工作部）  \n**发布时间：** 2024-01-04  \n\n各学院：\n');
    assert.equal(result.meta.source, '研究生院（党委研究生工作部）');
    assert.equal(result.meta.date, '2024-01-04');
    assert.equal(result.text, '测试文章\n\n各学院：\n');
  });

  test('原文链接 and 作者 lines, and fields side by side on one line (portal crawl)', () => {
    const found = meta('发布日期：2019-01-05　　来源：国务院办公厅\n\n正文。\n\n作者：张三\n\n原文链接：http://www.gov.cn/zhengce/content/2019-01/05/content_5355086.htm\n');
    assert.equal(found.date, '2019-01-05');
    assert.equal(found.source, '国务院办公厅');
    assert.equal(found.author, '张三');
    assert.equal(found.sourceUrl, 'http://www.gov.cn/zhengce/content/2019-01/05/content_5355086.htm');
  });

  test('a paragraph that only starts like a label is text', () => {
    assert.equal(meta('来源于基层的经验，要认真总结。\n').source, undefined);
  });
});

describe('scroll sync and export from the one tree', () => {
  test('blocks carry non-decreasing data-line values that point at their source lines', () => {
    const body = '::: tip 修订信息\n\n（2011年公布）\n\n:::\n\n## 第一章{align=center}\n\n<p>&emsp;&emsp;第一条 内容。</p>\n\n::: right\n\n生态环境部\n\n:::\n';
    const $ = load(clean(body).html);
    const lines = $('.pd-body > *').toArray().map((element) => Number($(element).attr('data-line')));
    assert.deepEqual(lines, [3, 9, 11, 15]);
  });

  test('the Markdown export has GFM tables and emphasis, and no container markers', () => {
    const markdown = clean('::: right\n\n环境保护部\n\n:::\n\n| 序号 | 学院 |\n| -- | -- |\n| 1 | 农学院 |\n\n**加强领导。**要求\n', { markdown: true }).markdown!;
    assert.match(markdown, /\| 序号 \| 学院 {2}\|/);
    assert.match(markdown, /\*\*加强领导。\*\*要求/);
    assert.doesNotMatch(markdown, /:::/);
  });
});
