// The gold-set scorer itself (scripts/gold/score.ts): paragraphs in order, normalisation, titles, markup fragments.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  editSimilarity,
  markupFragments,
  normalizeParagraph,
  paragraphsOf,
  pooledScore,
  scoreParagraphs,
  scoreText,
  titleShown,
  withoutLeadingTitle,
} from '../../scripts/gold/score';

const GOLD = ['一、总体要求', '坚持稳中求进工作总基调。', '二、主要任务', '加强组织领导，压实工作责任。'];

describe('paragraphs in order', () => {
  test('the same paragraphs score 1', () => {
    const score = scoreParagraphs(GOLD, GOLD);
    assert.deepEqual([score.recall, score.precision, score.f1, score.near], [1, 1, 1, 0]);
  });

  test('a swapped pair keeps only one of the two', () => {
    const swapped = [GOLD[0], GOLD[2], GOLD[1], GOLD[3]];
    const score = scoreParagraphs(swapped, GOLD);
    assert.equal(score.matched, 3);
    assert.equal(score.recall, 0.75);
    assert.equal(score.precision, 0.75);
  });

  test('a missing paragraph lowers recall only', () => {
    const score = scoreParagraphs(GOLD.slice(0, 3), GOLD);
    assert.equal(score.recall, 0.75);
    assert.equal(score.precision, 1);
    assert.equal(score.f1, (2 * 0.75) / 1.75);
  });

  test('an extra paragraph (boilerplate left in) lowers precision only', () => {
    const score = scoreParagraphs([...GOLD, '(责任编辑：王翔)'], GOLD);
    assert.equal(score.recall, 1);
    assert.equal(score.precision, 0.8);
  });

  test('two paragraphs run together match neither', () => {
    const score = scoreParagraphs([GOLD[0] + GOLD[1], GOLD[2], GOLD[3]], GOLD);
    assert.equal(score.matched, 2);
  });

  test('characters in another order are not the same paragraph (no multiset)', () => {
    const score = scoreParagraphs(['调基总作工进求中稳持坚。'], ['坚持稳中求进工作总基调。']);
    assert.equal(score.f1, 0);
  });

  test('empty sides', () => {
    assert.equal(scoreParagraphs([], []).f1, 1);
    assert.equal(scoreParagraphs([], GOLD).f1, 0);
    assert.equal(scoreParagraphs(GOLD, []).f1, 0);
  });
});

describe('near matches', () => {
  const long = '为贯彻落实住房和城乡建设部关于房地产市场调控和住房公积金工作会议精神，严格执行住房公积金贷款政策公平性原则，结合我市实际情况。';

  test('one character off in a long paragraph is a near match at 0.95', () => {
    const typo = long.replace('严格', '严挌');
    assert.ok(editSimilarity(typo, long) >= 0.95);
    const score = scoreParagraphs([typo], [long]);
    assert.deepEqual([score.matched, score.near], [1, 1]);
  });

  test('turned off with nearSimilarity 1', () => {
    assert.equal(scoreParagraphs([long.replace('严格', '严挌')], [long], { nearSimilarity: 1 }).matched, 0);
  });

  test('a short paragraph with one character changed is not a near match', () => {
    assert.equal(scoreParagraphs(['二、主要任务'], ['三、主要任务']).matched, 0);
  });

  test('an exact match is preferred over a near one in the alignment', () => {
    const typo = long.replace('严格', '严挌');
    const score = scoreParagraphs([typo, long], [long]);
    assert.deepEqual([score.matched, score.near], [1, 0]);
  });

  test('edit similarity is the Levenshtein ratio', () => {
    assert.equal(editSimilarity('abcd', 'abcd'), 1);
    assert.equal(editSimilarity('abcd', 'abxd'), 0.75);
    assert.equal(editSimilarity('', ''), 1);
    assert.equal(editSimilarity('abcd', 'wxyz', 0.5), 0);
  });
});

describe('normalisation', () => {
  test('full-width indentation and &emsp; spaces are dropped', () => {
    assert.equal(normalizeParagraph('\u3000\u3000为落实有关要求，'), '为落实有关要求，');
    assert.equal(normalizeParagraph('\u2003\u2003为落实有关要求，'), '为落实有关要求，');
  });

  test('whitespace next to a CJK character goes; other runs become one space', () => {
    assert.equal(normalizeParagraph('  商务部召开会议 要求围绕  '), '商务部召开会议要求围绕');
    assert.equal(normalizeParagraph('GB/T   9704\t2012'), 'GB/T 9704 2012');
    assert.equal(normalizeParagraph('共 12 项'), '共12项');
  });

  test('CJK punctuation is kept as written (no NFKC)', () => {
    assert.equal(normalizeParagraph('第一，加强领导：'), '第一，加强领导：');
    assert.notEqual(normalizeParagraph('第一,加强领导:'), normalizeParagraph('第一，加强领导：'));
  });

  test('zero-width characters count as whitespace', () => {
    assert.equal(normalizeParagraph('\ufeff加强\u200b领导'), '加强领导');
  });

  test('one paragraph per non-empty line; table cells joined by a tab equal cells joined by spaces', () => {
    assert.deepEqual(paragraphsOf('甲\n\n  \n乙\r\n丙'), ['甲', '乙', '丙']);
    assert.equal(scoreText('Item\tValue\n', 'Item  Value').f1, 1);
  });

  test('the leading title a system repeats is not body', () => {
    assert.deepEqual(withoutLeadingTitle(['关于某事的通知', '正文'], ' 关于某事的通知 '), ['正文']);
    assert.deepEqual(withoutLeadingTitle(['正文', '关于某事的通知'], '关于某事的通知'), ['正文', '关于某事的通知']);
    assert.deepEqual(withoutLeadingTitle(['正文'], undefined), ['正文']);
  });
});

describe('title and fragments', () => {
  test('title shown after normalisation', () => {
    assert.ok(titleShown(' 关于调整住房公积金 贷款额度的通知', '关于调整住房公积金贷款额度的通知'));
    assert.ok(!titleShown('p>  为落实有关要求', '关于调整住房公积金贷款额度的通知'));
    assert.ok(!titleShown(undefined, '关于调整住房公积金贷款额度的通知'));
    assert.ok(!titleShown('', ''));
  });

  test('each markup fragment is counted', () => {
    const { total, byFragment } = markupFragments('p>  为落实…<br>\n::: right\n**加强领导。** {% raw %} {{ site.title }} &emsp;&emsp;');
    assert.deepEqual(byFragment, { 'p>': 1, ':::': 1, '{%': 1, '&emsp;': 2, '**': 2, '<br': 1, '{{': 1 });
    assert.equal(total, 9);
    assert.equal(markupFragments('加强领导。').total, 0);
  });
});

test('pooled score weighs every paragraph the same', () => {
  const pooled = pooledScore([scoreParagraphs(GOLD, GOLD), scoreParagraphs([], ['一段'])]);
  assert.equal(pooled.recall, 4 / 5);
  assert.equal(pooled.precision, 1);
});
