// The cross-document rules through the CLI on the fixture collection of real documents, against the
// findings its gold lists (test/fixtures/collection/EXPECTED.md §6, written by reading the documents).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COLLECTION, COLLECTION_FOLDERS, F } from '../collectionFixture';
import { cli, json } from './helpers';

const WORKSPACE_RULES = new Set(['duplicate-doc-number', 'citation-title-mismatch', 'cites-repealed', 'duplicate-document']);

test('check over the three folders reports exactly the cross-document findings of EXPECTED.md §6, with §8’s per-folder config', () => {
  const run = cli(['check', '--all', '--format', 'json', ...COLLECTION_FOLDERS], COLLECTION);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const found = json(run)
    .flatMap((entry) => entry.diagnostics.filter((d) => WORKSPACE_RULES.has(d.rule)).map((d) => `${d.rule} ${entry.file}:${d.range.start.line + 1} ${d.severity}`))
    .sort();
  const expected = [
    // §8: notices/.policydocrc.json, the project of every file under notices/, makes it an error.
    `duplicate-doc-number ${F.SUMMER}:1 error`,
    `duplicate-doc-number ${F.TYPHOON}:1 error`,
    `citation-title-mismatch ${F.IIP_LIST}:5 warning`,
    `cites-repealed ${F.YUNNAN}:271 warning`,
    `cites-repealed ${F.GD_NOISE}:34 info`,
    `cites-repealed ${F.AUTOMON}:37 info`,
    `cites-repealed ${F.AUTOMON}:95 info`,
    `duplicate-document ${F.POLITBURO_CRPD}:1 info`,
    `duplicate-document ${F.POLITBURO_CCTV}:1 info`,
    `duplicate-document ${F.MERGER_LAW}:1 info`,
    `duplicate-document ${F.MERGER_WIKI}:2 info`,
    `duplicate-document ${F.BRIDE_LAW}:1 info`,
    `duplicate-document ${F.BRIDE_WIKI}:2 info`,
  ].sort();
  assert.deepEqual(found, expected);
});
