import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Hover } from 'vscode-languageserver-types';
import { createLanguageService, type Locale } from '../../server/src/service';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const seed = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Hovers on the first occurrence of `needle` in `text`, `into` characters into it. */
function hoverOn(text: string, needle: string, { into = 1, locale = 'zh' as Locale, uri = 'file:///ws/doc.md' } = {}) {
  const service = createLanguageService({ locale });
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in the text`);
  const lines = text.slice(0, offset + into).split(/\r?\n/);
  const doc = service.parse(uri, text);
  const hover = service.getHover(doc, { line: lines.length - 1, character: lines[lines.length - 1].length });
  const covered = hover?.range ? sliceRange(text, hover) : undefined;
  return { value: hover ? (hover.contents as { value: string }).value : '', covered };
}

function sliceRange(text: string, hover: Hover): string {
  const lines = text.split('\n');
  const { start, end } = hover.range!;
  assert.equal(start.line, end.line);
  return lines[start.line].slice(start.character, end.character);
}

test('hover: 四个意识 in seed 002 shows the four 意识 and the source', () => {
  const { value, covered } = hoverOn(seed('002_5b2f985364582157.md'), '四个意识');
  assert.equal(covered, '四个意识');
  assert.match(value, /政治意识、大局意识、核心意识、看齐意识/);
  assert.match(value, /来源：/);
});

test('hover: a term in English follows the locale', () => {
  const { value } = hoverOn(seed('004_c3879432c9c75c10.md'), '六稳', { locale: 'en' });
  assert.match(value, /six stabilities/);
  assert.match(value, /Source: /);
});

test('hover: 国开办发〔2020〕4号 in seed 003 shows its parts and 国务院扶贫开发领导小组办公室', () => {
  const { value, covered } = hoverOn(seed('003_3f3e0725406a3fc4.txt'), '国开办发〔2020〕4号', { into: 5, uri: 'file:///ws/003.txt' });
  assert.equal(covered, '国开办发〔2020〕4号');
  assert.match(value, /发文机关代字：国开办发/);
  assert.match(value, /年份：2020/);
  assert.match(value, /发文顺序号：4/);
  assert.match(value, /发文机关：国务院扶贫办（国务院扶贫开发领导小组办公室）/);
  assert.match(value, /2021-02-25/);
});

test('hover: a 发文字号 whose 代字 is known by its prefix names the agency as inferred', () => {
  const { value, covered } = hoverOn(seed('003_3f3e0725406a3fc4.txt'), '商财函〔2020〕68号', { uri: 'file:///ws/003.txt' });
  assert.equal(covered, '商财函〔2020〕68号');
  assert.match(value, /发文机关：商务部（中华人民共和国商务部），按代字前缀「商」推定/);
});

test('hover: an informal agency name in the front matter explains the formal one', () => {
  const { value, covered } = hoverOn(seed('002_5b2f985364582157.md'), '国家发改委');
  assert.equal(covered, '国家发改委');
  assert.match(value, /「国家发改委」是非正式名称，规范写法为 \*\*国家发展改革委\*\*/);
  assert.match(value, /类别：国务院组成部门/);
});

test('hover: an agency in the body, the longer of agency and term wins', () => {
  const { value, covered } = hoverOn(seed('001_23dc74ad63b58a12.md'), '国家乡村振兴局、退役军人事务部', { into: 3 });
  assert.equal(covered, '国家乡村振兴局');
  assert.match(value, /2021-02-25/);
  assert.match(value, /农业农村部/);
  const plain = hoverOn('全面推进乡村振兴。', '乡村振兴');
  assert.match(plain.value, /产业兴旺/);
});

test('hover: a Sina stock span shows code and name', () => {
  const { value } = hoverOn(seed('000_680b3455c651966d.md'), '<span id="stock_sz000061">', { into: 8 });
  assert.match(value, /\*\*农产品\*\*（000061，深圳证券交易所）/);
  const quote = hoverOn(seed('000_680b3455c651966d.md'), '<span id="quote_sz300959">', { into: 3, locale: 'en' });
  assert.match(quote.value, /\*\*线上线下\*\* \(300959, Shenzhen Stock Exchange\)/);
});

test('hover: the 法宝引证码 says what it is and gives the 原文链接', () => {
  const { value, covered } = hoverOn(seed('003_3f3e0725406a3fc4.txt'), 'CLI.4.340400', { uri: 'file:///ws/003.txt' });
  assert.equal(covered, 'CLI.4.340400');
  assert.match(value, /北大法宝/);
  assert.match(value, /原文链接：<https:\/\/www\.pkulaw\.com\/chl\/de9630cddfb54b47bdfb\.html>/);
});

test('hover: nothing on plain words, on tags or in binary text', () => {
  assert.equal(hoverOn('今天天气很好。', '天气').value, '');
  assert.equal(hoverOn('<p class="商务部">x</p>', '商务部').value, '');
  assert.equal(hoverOn('\0商务部', '商务部').value, '');
});
