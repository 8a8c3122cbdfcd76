import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GOLD_TARGET_F1, judge, pageFor, realGoldDocuments, shownByOurs, shownByReadability } from '../../bench/clean';
import { pooledScore } from '../../scripts/gold/score';

// The cleaner on the real gold set (test/gold/real: 40 documents from 9 sources, gold written by
// reading the originals), against issue 12's targets. Speed is measured by `npm run bench`, not here.
const docs = realGoldDocuments();
const rows = docs.map((doc) => ({ doc, ours: judge(shownByOurs(doc), doc), readability: judge(shownByReadability(pageFor(doc.file, doc.text)), doc) }));

test('gold: the set is there (at least 40 documents from 8 sources)', () => {
  assert.ok(docs.length >= 40, `${docs.length} documents`);
  assert.ok(new Set(docs.map((doc) => doc.source)).size >= 8);
});

test(`gold: paragraph F1 over all documents is at least ${GOLD_TARGET_F1}`, () => {
  const f1 = pooledScore(rows.map((row) => row.ours.score)).f1;
  assert.ok(f1 >= GOLD_TARGET_F1, `F1 ${f1.toFixed(3)}`);
});

test('gold: on every source the cleaner does at least as well as Readability', () => {
  for (const source of new Set(docs.map((doc) => doc.source))) {
    const of = rows.filter((row) => row.doc.source === source);
    const ours = pooledScore(of.map((row) => row.ours.score)).f1;
    const readability = pooledScore(of.map((row) => row.readability.score)).f1;
    assert.ok(ours >= readability, `${source}: ${ours.toFixed(3)} < Readability's ${readability.toFixed(3)}`);
  }
});

test('gold: every document shows its title and no markup fragment', () => {
  assert.deepEqual(rows.filter((row) => !row.ours.titleShown).map((row) => row.doc.id), []);
  assert.deepEqual(rows.filter((row) => row.ours.fragments > 0).map((row) => row.doc.id), []);
});
