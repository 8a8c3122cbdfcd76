import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { applyEdits } from '../../server/src/service/edits';
import { makeService, span } from './bodyRuleHelpers';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
const MY_RULES = new Set(['unbalanced-pairs', 'halfwidth-punctuation', 'agency-name', 'web-boilerplate']);

/** Every diagnostic of the punctuation, agency-name and boilerplate rules on each seed. */
const EXPECTED: Record<string, string[]> = {
  '000': [
    'web-boilerplate 18:123-18:345', // 线上线下 stock link + quote span
    'web-boilerplate 19:90-19:311', // 农产品 stock link + quote span
    'web-boilerplate 19:476-67:17', // portal comments, QR block, editor line
  ],
  '001': [
    ...[18, 20, 21, 23, 24, 26, 27, 29].map((line) => `web-boilerplate ${line}:175-${line}:206`), // empty image captions
    'web-boilerplate 30:19-78:17',
  ],
  '002': [
    'agency-name 2:8-2:13', // 国家发改委 in the title
    'web-boilerplate 17:157-17:188',
    'web-boilerplate 18:453-18:674',
    'web-boilerplate 20:157-20:188',
    'web-boilerplate 22:133-70:17',
  ],
  '003': [],
  '004': [
    'halfwidth-punctuation 7:1916-7:1921', // 各省(区、市)
    'web-boilerplate 11:0-11:101', // [返回…](…)｜[返回首页](…)
  ],
};

function seeds(): { id: string; uri: string; text: string }[] {
  return readdirSync(FIXTURES)
    .filter((name) => /^\d{3}_/.test(name))
    .sort()
    .map((name) => ({ id: name.slice(0, 3), uri: pathToFileURL(path.join(FIXTURES, name)).href, text: readFileSync(path.join(FIXTURES, name), 'utf8') }));
}

test('seeds: exactly the expected punctuation, agency-name and boilerplate diagnostics', () => {
  const service = makeService();
  const all = seeds();
  assert.deepEqual(all.map((seed) => seed.id), Object.keys(EXPECTED));
  for (const { id, uri, text } of all) {
    const found = service.getDiagnostics(service.parse(uri, text)).filter((d) => MY_RULES.has(String(d.code)));
    assert.deepEqual(found.map((d) => `${d.code} ${span(d.range)}`), EXPECTED[id], id);
  }
});

test('seeds: after fix-all none of these rules fires, and the text a reader sees is kept', () => {
  const service = makeService();
  for (const { id, uri, text } of seeds()) {
    const parsed = service.parse(uri, text);
    const fixed = applyEdits(text, parsed.lines, service.getFixAllEdits(parsed));
    const again = service.parse(uri, fixed);
    assert.deepEqual(service.getDiagnostics(again).filter((d) => MY_RULES.has(String(d.code))).map((d) => d.code), [], id);
    assert.equal(applyEdits(fixed, again.lines, service.getFixAllEdits(again)), fixed, id);
    assert.ok(!/appendQr|class="keyword"|quote_sz|img_descr|news_keyword_pub|返回首页/.test(fixed), id);
  }
  const [seed000] = seeds();
  const parsed = service.parse(seed000.uri, seed000.text);
  const fixed = applyEdits(seed000.text, parsed.lines, service.getFixAllEdits(parsed));
  assert.ok(fixed.includes('融合线上线下的特色和优势') && fixed.includes('深入推进农产品上行'));
});
