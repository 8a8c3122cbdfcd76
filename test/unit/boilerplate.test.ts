import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findBoilerplate } from '../../server/src/service/parse/boilerplate/spans';
import { applyFix, diagnosticsOf, doc, findings, fixAll, makeService } from './bodyRuleHelpers';

const RULE = 'web-boilerplate';
const STOCK = '<span id="stock_sz000061"><a href="https://finance.sina.com.cn/realstock/company/sz000061/nc.shtml" class="keyword" target="_blank">农产品</a></span>';
const QUOTE = '<span id="quote_sz000061"></span>';
const QR = doc(
  '<!-- 文末二维码 start -->',
  '<style>',
  '.appendQr_wrap&#123;border:1px solid #E6E6E6;&#125;',
  '</style>',
  '<div class="clearfix appendQr_wrap">',
  '  <div class="appendQr_normal"><img src="https://n.sinaimg.cn/x.png"></div>',
  '  <div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div>',
  '</div>',
  '<!-- 文末二维码 start -->',
);

test('findBoilerplate: source spans with their kind and replacement', () => {
  const text = doc(`<p>推进${STOCK}${QUOTE}上行。</p><!-- news_keyword_pub,stock,sz000061 -->`, QR, '<p class="article-editor">责任编辑：王翔 </p>', '<div class="img_wrapper"><img src="a.jpg"><span class="img_descr"></span></div>');
  const spans = findBoilerplate(text, 0);
  assert.deepEqual(spans.map((s) => s.kind), ['stock-link', 'stock-quote', 'comment', 'comment', 'qr-block', 'qr-block', 'comment', 'editor-line', 'image-caption']);
  for (const s of spans) assert.ok(s.start < s.end && text.slice(s.start, s.end).startsWith('<'), s.kind);
  assert.equal(text.slice(spans[0].start, spans[0].end), STOCK);
  assert.equal(spans[0].replacement, '农产品');
  assert.equal(text.slice(spans[4].start, spans[4].end), doc('<style>', '.appendQr_wrap&#123;border:1px solid #E6E6E6;&#125;', '</style>'));
  assert.deepEqual(spans.slice(1).map((s) => s.replacement), Array(8).fill(''));
});

test('findBoilerplate: the Jekyll navigation line, whole, and only as a line of its own', () => {
  const nav = '[返回商务部网站新闻](//finews.withounder.com/category/x.html)｜[返回首页](//finews.withounder.com/)   ';
  const text = doc('<p>正文。</p>', '', nav);
  assert.deepEqual(findBoilerplate(text, 0).map((s) => [s.kind, text.slice(s.start, s.end)]), [['navigation', nav]]);
  assert.deepEqual(findBoilerplate('详见[返回首页](/)的说明。', 0), []);
});

test('web-boilerplate: a stock keyword link is unwrapped to its text, with its quote placeholder', () => {
  const text = `<p>　　深入推进${STOCK}${QUOTE}上行。</p>`;
  const [diagnostic] = diagnosticsOf(text, RULE);
  assert.equal(diagnostic.severity, 3);
  assert.equal(diagnostic.message, 'Web boilerplate left in the body: stock keyword link, stock-quote placeholder.');
  assert.deepEqual(findings(text, RULE), [`${RULE}@0:9-0:${9 + STOCK.length + QUOTE.length}`]);
  assert.equal(applyFix(text, RULE), '<p>　　深入推进农产品上行。</p>');
});

test('web-boilerplate: spans separated only by whitespace are one region, removed at once', () => {
  const text = doc('<div>', '<p>正文。</p><!-- news_keyword_pub,stock, -->', '', '<!-- 正文下iframe -->', QR, '', '<!-- 编辑姓名及工作代码 -->', '<p class="article-editor">责任编辑：王翔 </p>', '<!-- 编辑姓名及工作代码-->', '</div>');
  assert.deepEqual(findings(text, RULE), [`${RULE}@1:10-16:17`]);
  const [diagnostic] = diagnosticsOf(text, RULE, makeService('zh'));
  assert.equal(diagnostic.message, '正文中残留网页杂项：网站模板注释、二维码推广块、责任编辑行。');
  assert.equal(applyFix(text, RULE), doc('<div>', '<p>正文。</p>', '</div>'));
});

test('web-boilerplate: spans with prose between them are separate regions', () => {
  const text = doc('<p>正文<span class="img_descr"></span>说明。</p>', '<p>责任编辑说明。</p>', '<p class="article-editor">责任编辑：王蒙</p>');
  assert.deepEqual(findings(text, RULE), [`${RULE}@0:5-0:36`, `${RULE}@2:0-2:37`]);
});

test('web-boilerplate: a user\'s comments, directives and spans with content are kept', () => {
  const silent = [
    '<p>正文。</p><!-- 作者备注：待核实 -->',
    '<!-- policydoc-disable agency-name -->\n<p>正文。</p>',
    '<p>推进<span id="quote_sz000061">12.30</span>上行。</p>',
    '<div class="img_wrapper"><img src="a.jpg"><span class="img_descr">图为会议现场</span></div>',
    '<p>推进<span id="stock_sz000061"><a href="x" class="keyword">农产品</a>和<b>其他</b></span>上行。</p>',
    '北大法宝【法宝引证码】 CLI.4.340400\n正文。',
  ];
  for (const text of silent) assert.deepEqual(findings(text, RULE), [], text);
});

test('web-boilerplate: a paragraph that is only an editor line is boilerplate by the data, whatever its markup', () => {
  assert.deepEqual(findings('<p class="editor">责任编辑：王翔</p>', RULE), [`${RULE}@0:0-0:29`]);
  assert.deepEqual(findings('正文。\n\n责任编辑：王翔\n', RULE), [`${RULE}@2:0-3:0`]);
  assert.deepEqual(findings('<p>责任编辑：王翔负责本次会议的全部记录工作，并在会后将纪要送各单位。</p>', RULE), []);
});

test('web-boilerplate: the navigation line is removed with its line break', () => {
  const text = doc('<p>正文。</p>', '[返回新闻](//a.cn/news.html)｜[返回首页](//a.cn/)', '');
  assert.deepEqual(findings(text, RULE), [`${RULE}@1:0-2:0`]);
  assert.equal(applyFix(text, RULE), doc('<p>正文。</p>', ''));
});

test('web-boilerplate: fixes applied twice equal applied once', () => {
  const text = doc('<div>', `<p>推进${STOCK}${QUOTE}上行。</p><!-- 总声明-->`, QR, '<p class="article-editor">责任编辑：王翔 </p>', '</div>');
  const once = fixAll(text);
  assert.equal(once, doc('<div>', '<p>推进农产品上行。</p>', '</div>'));
  assert.equal(fixAll(once), once);
});

const PROMO = '<p>　　炒股就看<a href="https://finance.sina.com.cn/mobile/comfinanceweb.shtml">金麒麟分析师研报</a>，权威，专业，及时，全面，助您挖掘潜力主题机会！</p>';
const DISCLAIMER = '<p>　　新浪声明：此消息系转载自新浪合作媒体，新浪网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。</p>';

test('portal promotions and the reprint disclaimer are boilerplate; the fix and the cleaner both drop them', () => {
  const text = doc('---', 'title: 会议', 'date: Thu, 20 May 2021 03:12:16 GMT', 'categories: 财经', 'comments: false', '---', '<div>', PROMO, '<p>　　会议指出，要研读金麒麟分析师研报。</p>', DISCLAIMER, '</div>', '');
  assert.deepEqual(findings(text, RULE), [`web-boilerplate@7:0-7:${PROMO.length}`, `web-boilerplate@9:0-9:${DISCLAIMER.length}`]);
  const fixed = fixAll(text);
  assert.ok(!fixed.includes('炒股就看') && !fixed.includes('新浪声明'), fixed);
  assert.ok(fixed.includes('会议指出，要研读金麒麟分析师研报。'));
  const service = makeService();
  const cleaned = service.cleanDocument(service.parse('untitled:promo.md', text));
  assert.equal(cleaned.text.includes('炒股就看') || cleaned.text.includes('新浪声明'), false);
  assert.ok(cleaned.text.includes('会议指出'));
  assert.deepEqual(cleaned.removed.filter((r) => r.kind === 'promotion').length, 2);
});
