import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDocument } from '../../server/src/service/parse/document';
import type { MinedCode } from '../../server/src/service/knowledge/codeIndex';
import { isWellFormedAgencyCode } from '../../server/src/service/parse/agencyCode';
import { canonicalChars } from '../../server/src/service/parse/official';

type CodeRow = MinedCode;

interface CorpusSource {
  source: string;
  repository: string | null;
  commit: string | null;
  documents: number;
}

const table = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'server', 'data', 'doc-codes.json'), 'utf8')) as {
  $comment: string;
  corpus: CorpusSource[];
  codes: CodeRow[];
};
/** The mined corpus, where this machine has it (it is not in the repository): examples are checked against it. */
const CORPUS = process.env.POLICYDOC_CORPUS;

test('doc-codes: says how it was made and from which corpus', () => {
  assert.match(table.$comment, /npm run mine/);
  assert.ok(table.corpus.length > 0, 'the corpus list is empty');
  for (const source of table.corpus) {
    assert.ok(source.source.trim() !== '', 'a corpus source has no name');
    assert.ok(Number.isInteger(source.documents) && source.documents > 0, `${source.source}: no documents`);
    if (source.commit !== null) assert.match(source.commit, /^[0-9a-f]{40}$/, `${source.source}: commit`);
  }
});

test('doc-codes: at least 1,500 distinct 代字 (issue 11)', () => {
  const distinct = new Set(table.codes.map((row) => row.code)).size;
  assert.ok(distinct >= 1500, `${distinct} distinct 代字`);
});

test('doc-codes: every row has a code, years, a count, an example and its document', () => {
  const sources = new Set(table.corpus.map((source) => source.source));
  for (const row of table.codes) {
    assert.match(row.code, /^[\u4e00-\u9fff]{2,8}$/, `code ${row.code}`);
    assert.ok(row.agency === undefined || /^[\u4e00-\u9fff（）()]{2,30}$/.test(row.agency), `${row.code}: agency ${row.agency}`);
    const [first, last] = row.years;
    assert.ok(Number.isInteger(first) && Number.isInteger(last) && first <= last && first >= 1949, `${row.code}: years ${row.years}`);
    assert.ok(Number.isInteger(row.count) && row.count >= 1, `${row.code}: count ${row.count}`);
    assert.ok(row.count >= 2 || row.agency !== undefined || isWellFormedAgencyCode(row.code), `${row.code}: seen in one document, no agency established, not shaped like a 代字`);
    const [source, path] = [row.doc.slice(0, row.doc.indexOf(':')), row.doc.slice(row.doc.indexOf(':') + 1)];
    assert.ok(sources.has(source) && path !== '', `${row.code}: doc ${row.doc} is not in a listed source`);
  }
});

test('doc-codes: each example parses as a 发文字号 whose canonical 代字 is the row’s code', () => {
  for (const row of table.codes) {
    const numbers = parseDocument('untitled:example', row.example).official.docNumbers;
    assert.equal(numbers.length, 1, `${row.example}: ${numbers.length} 发文字号`);
    const [number] = numbers;
    assert.equal(number.text, row.example, `${row.example}: the number is not the whole example`);
    assert.ok(number.agencyExact, `${row.example}: 代字 start uncertain`);
    assert.equal(canonicalChars(number.agency.text), row.code);
    assert.ok(number.hao !== null && number.ordinal === null && number.spaces.length === 0, `${row.example}: not canonical`);
    assert.match(row.example, /^[^〔]+〔\d{4}〕[1-9]\d*号$/, `${row.example}: not canonical`);
    const year = number.year.value!;
    assert.ok(year >= row.years[0] && year <= row.years[1], `${row.example}: year outside ${row.years}`);
  }
});

test('doc-codes: codes are unique, rows sorted by count then code', () => {
  const codes = table.codes.map((row) => row.code);
  assert.equal(new Set(codes).size, codes.length, 'a code has two rows');
  for (let i = 1; i < table.codes.length; i++) {
    const [a, b] = [table.codes[i - 1], table.codes[i]];
    assert.ok(a.count > b.count || (a.count === b.count && a.code < b.code), `${a.code} before ${b.code}`);
  }
});

test('doc-codes: each example is in its document (POLICYDOC_CORPUS=/path/to/corpus)', { skip: CORPUS === undefined || !existsSync(CORPUS) }, () => {
  for (const row of table.codes) {
    const separator = row.doc.indexOf(':');
    const text = readFileSync(join(CORPUS!, row.doc.slice(0, separator), row.doc.slice(separator + 1)), 'utf8');
    // As written: look-alike characters, brackets, spaces, a 第 and leading zeros may differ from the canonical form.
    const written = canonicalChars(text)
      .replace(/\s+/g, '')
      .replace(/[［\[【(（﹝]/g, '〔')
      .replace(/[］\]】)）﹞]/g, '〕')
      .replace(/〕第?0*(?=[1-9])/g, '〕');
    assert.ok(written.includes(row.example), `${row.example} not in ${row.doc}`);
  }
});
