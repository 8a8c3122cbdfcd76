import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { comparableTitle } from '../../server/src/service/rules/title-mismatch';
import { diagnose, doc, findings } from './helpers';

const post = (title: string, ...body: string[]) => doc('---', `title: '${title}'`, 'date: Thu, 20 May 2021 03:12:16 GMT', 'categories: 新闻', '---', '', '<div>', ...body, '</div>');

describe('title-mismatch', () => {
  test('an HTML 原标题 paragraph that differs: reported on the title value', () => {
    const text = post('国家发改委召开会议', '<p cms-style="font-L">　　原标题：国家发展改革委召开会议　</p>');
    const [diagnostic] = diagnose(text).filter((d) => d.code === 'title-mismatch');
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 18 } });
    assert.equal(diagnostic.severity, 3);
    assert.equal(diagnostic.message, 'The title differs from the original title in the body.\ntitle:  国家发改委召开会议\n原标题: 国家发展改革委召开会议');
  });

  test('spacing, punctuation and entities do not count', () => {
    assert.deepEqual(findings(post('商务部召开会议 要求推进工作', '<p class="ori_titlesource">　　原标题：商务部召开会议 要求推进工作 </p>'), 'title-mismatch'), []);
    assert.deepEqual(findings(post('“十四五”规划：解读', '<p>　　原标题：&ldquo;十四五&rdquo;规划 解读&nbsp;</p>'), 'title-mismatch'), []);
    assert.deepEqual(findings(post('A&B 会议', '<p>原标题: A&amp;B会议</p>'), 'title-mismatch'), []);
  });

  test('plain-text 原标题 line with a half-width colon', () => {
    assert.deepEqual(findings(post('标题甲', '原标题:标题乙'), 'title-mismatch'), ['title-mismatch@1:7-1:12']);
  });

  test('no 原标题 line, or only after the first 3000 characters of the body', () => {
    assert.deepEqual(findings(post('标题甲', '<p>正文</p>'), 'title-mismatch'), []);
    assert.deepEqual(findings(post('标题甲', `<p>${'正'.repeat(3100)}</p>`, '<p>原标题：标题乙</p>'), 'title-mismatch'), []);
  });

  test('a 原标题 in the front matter is not the body\'s', () => {
    assert.deepEqual(findings(doc('---', 'title: 标题甲', 'description: 原标题：标题乙', '---', 'body'), 'title-mismatch'), []);
  });

  test('comparableTitle', () => {
    assert.equal(comparableTitle('　国家发展改革委：《通知》 发布！ '), '国家发展改革委通知发布');
  });
});
