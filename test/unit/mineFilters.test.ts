// The miner's filters against damaged 代字 (scripts/mine/filters.ts, extract.ts), on lines read in the corpus.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mineText } from '../../scripts/mine/extract';
import { ProseBeforeCode, TwinNumber, hasProseWord, organBeforeCode } from '../../scripts/mine/filters';
import { isRegisteredName } from '../../scripts/mine/organ';

/** Codes with the documents that hold them, and the documents writing each number under each code. */
function twins(seen: Record<string, Record<string, string[]>>): { test: (code: string) => boolean } {
  const counts = new Map<string, number>();
  const codesOfNumber = new Map<string, Map<string, Set<string>>>();
  const docsOf = new Map<string, Set<string>>();
  for (const [code, numbers] of Object.entries(seen)) {
    docsOf.set(code, new Set(Object.values(numbers).flat()));
    counts.set(code, docsOf.get(code)!.size);
    for (const [number, docs] of Object.entries(numbers)) {
      if (!codesOfNumber.has(number)) codesOfNumber.set(number, new Map());
      codesOfNumber.get(number)!.set(code, new Set(docs));
    }
  }
  const filter = new TwinNumber(counts, codesOfNumber, new ProseBeforeCode(counts));
  return { test: (code) => filter.test(code, docsOf.get(code)!, Object.keys(seen[code])) };
}

const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

test('a code holding a more common twin of the same number is damaged: prose in front, or a table cell inside in the same document', () => {
  const table = twins({
    国务院中发: { '〔1998〕10号': ['a'] },
    中发: { '〔1998〕10号': many('c', 6), '〔2001〕1号': ['d'] },
    国证核发发: { '〔2014〕5号': ['b'] },
    国发: { '〔2014〕5号': ['b', ...many('g', 5)], '〔2019〕25号': ['h'] },
    // A rare real code that shares a number with a common one by chance, in another document.
    国卫办人口发: { '〔2019〕25号': ['e'] },
  });
  assert.equal(table.test('国务院中发'), true);
  assert.equal(table.test('国证核发发'), true);
  assert.equal(table.test('国卫办人口发'), false);
});

test('equally rare twins in one document: the head decides which is damaged', () => {
  const table = twins({
    // 落实好东府办发〔2022〕56号 and 东府办发〔2022〕56号: 好 starts no 代字, so 好东府办发 is prose + code.
    好东府办发: { '〔2022〕56号': ['a'] },
    东府办发: { '〔2022〕56号': ['a'] },
    // 青政呈〔2018〕3号 and 政呈〔2018〕3号: 青 starts 代字 of two documents, so 政呈 lost its start.
    青政呈: { '〔2018〕3号': ['b'] },
    政呈: { '〔2018〕3号': ['b'] },
    青政办: { '〔2019〕1号': ['c', 'd'] },
  });
  assert.equal(table.test('好东府办发'), true);
  assert.equal(table.test('东府办发'), false);
  assert.equal(table.test('政呈'), true);
  assert.equal(table.test('青政呈'), false);
});

test('a code that is the end of a more common twin lost its start', () => {
  const table = twins({ 物保发: { '〔2014〕13号': ['a'] }, 文物保发: { '〔2014〕13号': ['a', 'b', 'c'] } });
  assert.equal(table.test('物保发'), true);
  assert.equal(table.test('文物保发'), false);
});

test('prose words never held by a 代字', () => {
  for (const code of ['修改内政发', '修订黔府发', '明确豫政', '具体行政', '国主席令', '下简称京缓堵函']) assert.equal(hasProseWord(code), true, code);
  for (const code of ['内政发', '豫政', '国办发明电', '京缓堵函']) assert.equal(hasProseWord(code), false, code);
});

function codes(text: string): string[] {
  const result = mineText('t.txt', text);
  assert.equal(result.kind, 'text');
  return result.kind === 'text' ? result.occurrences.map((occurrence) => occurrence.code) : [];
}

test('a table cell or a name run into the bracket before the code is cut off; a word of citation is not', () => {
  assert.deepEqual(codes('出售和收购的审批，依据《国务院关于取消和下放一批行政审批项目的决定》（国出售、收购发〔2013〕44号）第29项。\n'), []);
  assert.deepEqual(codes('上海市公安局向其发送沪公（青）立告字（2016）3923号《立案告知书》。\n'), []);
  assert.deepEqual(codes('资产证券化业务按有关规定（ 证监\n\n会公告【2014】49 号 ）发行。\n'), []);
  assert.deepEqual(codes('补贴标准按有关规定（见粤纪发〔2019〕3号）执行。\n'), ['粤纪发']);
});

test('a registered organ\'s name run into a far more common 代字 is prose; a name with a kind of its own is not', () => {
  const counts = new Map([['国务院国发', 5], ['国发', 978], ['中国人民银行公告', 2], ['公告', 1], ['渝国发', 1]]);
  assert.equal(organBeforeCode('国务院国发', counts, isRegisteredName), true);
  assert.equal(organBeforeCode('中国人民银行公告', counts, isRegisteredName), false);
  // 渝 names no registered organ.
  assert.equal(organBeforeCode('渝国发', counts, isRegisteredName), false);
});
