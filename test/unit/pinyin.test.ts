// The pinyin table (server/data/pinyin.json) reads every name of the registry and of the 代字 table
// as pinyin-pro, which generated it, does; and names it was not built from, by their characters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesToRead, readingOf } from '../../scripts/mine/pinyin';
import { pinyinKeys } from '../../server/src/service/knowledge';

test('every name of the registry and of the 代字 table reads as pinyin-pro reads it', () => {
  const differing = namesToRead().filter((name) => pinyinKeys(name).full !== readingOf(name).join(''));
  assert.deepEqual(differing, []);
});

test('a name the table was not built from reads by its words and characters; Latin and digits are left out', () => {
  assert.deepEqual(pinyinKeys('厦门市发展和改革委员会'), { full: 'xiamenshifazhanhegaigeweiyuanhui', initials: 'xmsfzhggwyh' });
  assert.deepEqual(pinyinKeys('国家统计局2024年'), { full: 'guojiatongjijunian', initials: 'gjtjjn' });
  assert.equal(pinyinKeys('中国农业发展银行').initials, 'zgnyfzyh');
});
