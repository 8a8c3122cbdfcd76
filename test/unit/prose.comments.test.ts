import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findBoilerplate } from '../../server/src/service/parse/boilerplate/spans';
import { buildProse, onlyComments } from '../../server/src/service/parse/prose';

// A body whose only markup is comments skips the HTML parser; appending a tag forces the parser, so
// the two paths can be compared on the same text.
const FORCE_PARSER = '<b></b>';

const BODIES = [
  // lawrefbook: the header closed by a comment (real lines)
  '# 中华人民共和国刑法修正案（七）\n\n2009年2月28日 第十一届全国人民代表大会常务委员会第七次会议通过\n\n<!-- INFO END -->\n\n一、将刑法第一百五十一条第三款修改为：“走私珍稀植物及其制品等国家禁止进出口的其他货物、物品的，处五年以下有期徒刑或者拘役。”\n',
  '正文&nbsp;与&amp;实体\r\n<!-- 正文下iframe -->\r\n<!-- news_keyword_pub,stock,sz000061 -->结尾&#x4E00;',
  'a<!-->b<!--->c<!---->d<!-- x -- y --->e',
  '<!--\n多行\n注释\n-->',
];

test('a body with only comments: the same prose and boilerplate as through the HTML parser', () => {
  for (const body of BODIES) {
    assert.ok(onlyComments(body), body);
    assert.equal(buildProse(body + FORCE_PARSER, 0).slice(0, body.length), buildProse(body, 0), body);
    assert.deepEqual(findBoilerplate(body + FORCE_PARSER, 0), findBoilerplate(body, 0), body);
  }
});

test('a comment in prose is blanked, line breaks kept; a portal comment is boilerplate', () => {
  const body = BODIES[1];
  const prose = buildProse(body, 0);
  assert.equal(prose.length, body.length);
  assert.ok(!prose.includes('iframe') && !prose.includes('news_keyword_pub'));
  assert.ok(prose.includes('正文\u00a0     与&    实体\r\n'));
  assert.deepEqual(findBoilerplate(body, 0).map((span) => body.slice(span.start, span.end)), ['<!-- 正文下iframe -->', '<!-- news_keyword_pub,stock,sz000061 -->']);
});

test('any other markup, or a comment never closed, goes to the HTML parser', () => {
  for (const body of ['a<!-- x -->b<br>c', 'a</p>b<!-- c -->', 'a <!DOCTYPE html> b', 'a<!-- never closed', 'x < 5 <!-- y -->']) assert.equal(onlyComments(body), undefined, body);
  assert.deepEqual(onlyComments('no markup at all'), []);
});
