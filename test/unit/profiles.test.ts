import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose, doc, makeService, summary } from './helpers';

const profileOf = (text: string) => {
  const service = makeService();
  return service.getDocumentInfo(service.parse('untitled:test.md', text));
};

test('hexo: theme keys or an RFC 2822 date', () => {
  assert.equal(profileOf(doc('---', 'title: t', 'headimg: /a.png', '---')).profile, 'hexo');
  assert.equal(profileOf(doc('---', 'title: t', 'date: Thu, 20 May 2021 03:12:16 GMT', '---')).profile, 'hexo');
});

test('jekyll: a layout key', () => {
  assert.deepEqual(profileOf(doc('---', 'layout: post', 'title: t', 'date: 2021-12-29 18:26:21 +0800', '---')), { profile: 'jekyll', profileForced: false });
});

test('pkulaw: the 北大法宝 header line', () => {
  assert.equal(profileOf(doc('      北大法宝【法宝引证码】 CLI.4.340400', '原文链接：https://www.pkulaw.com/chl/x.html', '标题')).profile, 'pkulaw');
});

test('gongwen: a 发文字号', () => {
  const text = doc('# 商务部关于做好某项工作的通知', '', '商财函〔2020〕68号', '', '各省、自治区、直辖市商务主管部门：', '', '　　为做好……', '', '商务部', '2020年3月11日');
  assert.equal(profileOf(text).profile, 'gongwen');
  assert.deepEqual(summary(diagnose(text)), []);
});

test('markdown: VuePress keys get no unknown-key and no required-key', () => {
  const text = doc('---', 'title: 指南', 'shortTitle: 指南', 'icon: book', 'tag: [a]', 'tags: [b]', 'category: 文档', 'order: 2', 'date: 2024-01-01', '---', '# 指南');
  assert.equal(profileOf(text).profile, 'markdown');
  assert.deepEqual(summary(diagnose(text)), []);
});

test('markdown still checks dates and URL keys', () => {
  const text = doc('---', 'shortTitle: x', 'date: 2024-02-30', 'banner: htps://a.cn/c.png', '---');
  assert.deepEqual(summary(diagnose(text)), ['date-format@2:6-2:16', 'url-format@3:8-3:25']);
});
