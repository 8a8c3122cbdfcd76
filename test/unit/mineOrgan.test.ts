// The miner's reading of organ names (scripts/mine/organ.ts), which votes each mined 代字's agency.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { organFor, organsOf } from '../../scripts/mine/organ';

test('organs run on without a separator are cut between organs, never inside a registered name', () => {
  assert.deepEqual(organsOf('中共中央国务院'), ['中共中央', '国务院']);
  assert.deepEqual(organsOf('国家发展改革委财政部'), ['国家发展改革委', '财政部']);
  // 国务院扶贫办 is one organ (a short name in agencies.json), not 国务院 + 扶贫办.
  assert.deepEqual(organsOf('国务院扶贫办 财政部'), ['国务院扶贫办', '财政部']);
  assert.equal(organFor('国开办发', organsOf('国务院扶贫办、财政部、人民银行')), '国务院扶贫办');
  assert.deepEqual(organsOf('商务部驻天津特派员办事处'), ['商务部驻天津特派员办事处']);
});

test('a clause with 按 is prose, not an organ (具体比例按自治区财政厅…)', () => {
  assert.deepEqual(organsOf('具体比例按自治区财政厅'), []);
  assert.deepEqual(organsOf('仍按市计委'), []);
  assert.deepEqual(organsOf('广西壮族自治区财政厅'), ['广西壮族自治区财政厅']);
});
