import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/service';

const service = createLanguageService({ locale: 'zh' });
const clean = (uri: string, text: string) => service.cleanDocument(service.parse(uri, text));

const menu = ['首页', '资讯', '知识', '工具', '活动', '社区', '学院', '导航'].map((item) => `* [${item}](https://example.org/${encodeURIComponent(item)})`).join('\n');
const footer = ['关于我们', '联系我们', '隐私政策', '使用条款', '网站地图', '友情链接', '投稿', '招聘'].map((item) => `[${item}](/${encodeURIComponent(item)})`).join('\n\n');
const article = '新华社北京10月29日电 记者29日从工业和信息化部获悉，为规范网络产品安全漏洞收集平台备案，工业和信息化部印发《网络产品安全漏洞收集平台备案管理办法》，自2023年1月1日起施行。\n\n办法所称网络产品安全漏洞收集平台，是指相关组织或者个人设立的收集非自身网络产品安全漏洞的公共互联网平台。\n';

test('page chrome: the menus above and the links below a saved web page are left out', () => {
  const result = clean('file:///post.md', `---\ntitle: 工信部印发备案管理办法\n---\n\n${menu}\n\n${article}\n${footer}\n`);
  assert.equal(result.text.trim().split('\n\n').length, 3, result.text);
  assert.ok(result.removed.some((removed) => removed.kind === 'page-chrome'));
  assert.doesNotMatch(result.text, /首页|隐私政策/);
});

test('page chrome: a post with a few lines around its text keeps them', () => {
  const result = clean('file:///post.md', `---\ntitle: 工信部印发备案管理办法\n---\n\n发布时间：2022-10-31\n\n${article}\n特此通知。\n\n工业和信息化部\n\n2022年10月28日\n`);
  assert.match(result.text, /特此通知。\n\n工业和信息化部\n\n2022年10月28日/);
  assert.ok(!result.removed.some((removed) => removed.kind === 'page-chrome'));
});

test('page chrome: a law\'s 目录 and an attached table are the document\'s own', () => {
  const toc = ['目　　录', '第一章　总　　则', '第二章　促进就业', '第三章　劳动合同', '第四章　工作时间', '第五章　工　　资', '第六章　劳动安全', '第七章　职业培训', '第八章　社会保险'].join('\n\n');
  const table = ['附表', '易制毒化学品的分类和品种目录', '第一类', '1．胡椒醛', '2．黄樟素', '3．黄樟油', '4．异黄樟素', '5．麦角酸', '6．麻黄素'].join('\n\n');
  const result = clean('file:///law.md', `# 中华人民共和国劳动法\n\n${toc}\n\n${article}\n${table}\n`);
  assert.match(result.text, /第八章　社会保险/);
  assert.match(result.text, /6．麻黄素/);
});
