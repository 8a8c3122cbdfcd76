// The fixture collection test/fixtures/collection/ (three workspace folders of real documents, see its
// SOURCES.md) against its gold, EXPECTED.md, written by reading the documents: the pure workspace index
// (resolve, references, status, similar) and the four cross-document rules.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { parseDocument } from '../../server/src/service/parse/document';
import { documentOutline, type OutlineSymbol } from '../../server/src/service/workspace/outline';
import { checkWorkspace } from '../../server/src/service/workspace/rules';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { COLLECTION, F } from '../collectionFixture';

const ROOT = COLLECTION;

const uriOf = (relative: string) => pathToFileURL(path.join(ROOT, relative)).href;
const relOf = (uri: string) => path.relative(ROOT, fileURLToPath(uri)).split(path.sep).join('/');

/** The documents of the three folders (not SOURCES.md / EXPECTED.md at the root), as paths with `/`. */
function collectionFiles(): string[] {
  return (readdirSync(ROOT, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.includes('/') && /\.(md|txt)$/.test(file))
    .sort();
}

const files = collectionFiles();
const index = new WorkspaceIndex(parseDocument);
for (const file of files) index.update(uriOf(file), readFileSync(path.join(ROOT, file), 'utf8'));
const findings = checkWorkspace(index);

/** The citations of `from` on a 1-based line, with the documents each resolves to. */
function citationsAt(from: string, line: number) {
  return index
    .get(uriOf(from))!
    .citations.filter((citation) => citation.range.start.line === line - 1)
    .map((citation) => ({ citation, to: index.resolve(citation, uriOf(from)).map((entry) => relOf(entry.uri)) }));
}

test('the collection: three folders, 24 documents, every named file present', () => {
  assert.equal(files.length, 24);
  assert.deepEqual([...new Set(files.map((file) => file.split('/')[0]))], ['laws', 'notices', 'posts']);
  for (const file of Object.values(F)) assert.ok(files.includes(file), file);
  assert.equal(index.size, 24);
});

// EXPECTED.md §1: [citing, line, column of the citation, cited].
const RESOLVED: [string, number, number, string][] = [
  [F.BIGDATA_LIST, 5, 46, F.BIGDATA_CALL],
  [F.IIP_LIST, 5, 41, F.IIP_CALL],
  [F.GUARANTEE, 13, 98, F.GUARANTEE_FUND],
  [F.TAXCREDIT, 6, 6, F.IIT],
  [F.TAXCREDIT, 8, 16, F.IIT],
  [F.TAXCREDIT, 20, 19, F.IIT],
  [F.YUNNAN, 271, 94, F.NOISE_OLD],
  [F.GD_NOISE, 34, 42, F.NOISE_OLD],
  [F.AUTOMON, 37, 120, F.NOISE_OLD],
  [F.AUTOMON, 95, 168, F.NOISE_OLD],
  [F.MERGER_LAW, 11, 22, F.AML],
  [F.MERGER_WIKI, 15, 22, F.AML],
  [F.NOISE_2021, 375, 22, F.NOISE_OLD],
];

for (const [from, line, column, to] of RESOLVED) {
  test(`resolves ${from.split('/').pop()}:${line}:${column} to ${to.split('/').pop()}`, () => {
    const found = citationsAt(from, line).filter(({ citation }) => citation.range.start.character === column - 1);
    assert.equal(found.length, 1, `one citation at ${line}:${column}`);
    assert.deepEqual(found[0].to, [to]);
  });
}

test('citations of documents outside the collection do not resolve', () => {
  const unresolved = (from: string, line: number, cited: string) => {
    const found = citationsAt(from, line).filter(({ citation }) => (citation.title ?? citation.number ?? '').includes(cited));
    assert.ok(found.length > 0, `${cited} is a citation`);
    for (const { to } of found) assert.deepEqual(to, [], cited);
  };
  unresolved(F.TAXCREDIT, 20, '税收征管法');
  unresolved(F.BIGDATA_LIST, 5, '促进大数据发展行动纲要');
  const summer = index.get(uriOf(F.SUMMER))!.citations.filter((citation) => citation.number?.includes('172'));
  assert.ok(summer.length > 0);
  for (const citation of summer) assert.deepEqual(index.resolve(citation, uriOf(F.SUMMER)), []);
});

test('references: who cites each cited document (EXPECTED.md §1)', () => {
  const refs = (file: string) => index.references(uriOf(file)).map((ref) => `${ref.uri === uriOf(file) ? '' : relOf(ref.uri)}:${ref.citation.range.start.line + 1}`).sort();
  assert.deepEqual(refs(F.NOISE_OLD), [`${F.YUNNAN}:271`, `${F.NOISE_2021}:375`, `${F.GD_NOISE}:34`, `${F.AUTOMON}:37`, `${F.AUTOMON}:95`].sort());
  assert.deepEqual(refs(F.IIT), [`${F.TAXCREDIT}:20`, `${F.TAXCREDIT}:6`, `${F.TAXCREDIT}:8`]);
  assert.deepEqual(refs(F.AML), [`${F.MERGER_LAW}:11`, `${F.MERGER_WIKI}:15`]);
  assert.deepEqual(refs(F.BIGDATA_CALL), [`${F.BIGDATA_LIST}:5`]);
  assert.deepEqual(refs(F.IIP_CALL), [`${F.IIP_LIST}:5`]);
  assert.deepEqual(refs(F.GUARANTEE_FUND), [`${F.GUARANTEE}:13`]);
});

test('the statement in NOISE-2021:375 is a repeal, effective 2022-06-05, and its citation is marked as a statement', () => {
  const entry = index.get(uriOf(F.NOISE_2021))!;
  const statement = entry.statements.find((found) => found.range.start.line === 374);
  assert.ok(statement);
  assert.equal(statement.kind, 'repeal');
  assert.equal(statement.verb, '同时废止');
  assert.equal(statement.effective, '2022-06-05');
  assert.deepEqual(index.statementTargets(statement, entry).map((target) => relOf(target.uri)), [F.NOISE_OLD]);
  assert.ok(citationsAt(F.NOISE_2021, 375).every(({ citation }) => citation.inStatement));
});

test('status: NOISE-OLD repealed by NOISE-2021 on 2022-06-05; every other document in force (EXPECTED.md §2)', () => {
  const status = index.status(uriOf(F.NOISE_OLD));
  assert.equal(status.state, 'repealed');
  assert.deepEqual(status.by.map((by) => [relOf(by.uri), by.kind, by.verb, by.date]), [[F.NOISE_2021, 'repeal', '同时废止', '2022-06-05']]);
  for (const file of files) if (file !== F.NOISE_OLD) assert.equal(index.status(uriOf(file)).state, 'in-force', file);
});

// EXPECTED.md §3.
const DUPLICATES: [string, string][] = [
  [F.POLITBURO_CRPD, F.POLITBURO_CCTV],
  [F.MERGER_LAW, F.MERGER_WIKI],
  [F.BRIDE_LAW, F.BRIDE_WIKI],
];

for (const [a, b] of DUPLICATES) {
  test(`similar: ${a.split('/').pop()} and ${b.split('/').pop()} are the same article`, () => {
    assert.deepEqual(index.similar(uriOf(a)).map((found) => relOf(found.uri)), [b]);
    assert.deepEqual(index.similar(uriOf(b)).map((found) => relOf(found.uri)), [a]);
  });
}

test('similar: no other document has a near copy', () => {
  const paired = new Set(DUPLICATES.flat());
  for (const file of files) if (!paired.has(file)) assert.deepEqual(index.similar(uriOf(file)), [], file);
});

/** Findings of one rule as `file:line` (1-based) with their severity. */
function reported(rule: string): string[] {
  return findings.filter((finding) => finding.rule === rule).map((finding) => `${relOf(finding.uri)}:${finding.range.start.line + 1} ${finding.severity}`).sort();
}

test('duplicate-doc-number: SUMMER:1 and TYPHOON:1 (交应急明电〔2021〕171号), nothing else (EXPECTED.md §4)', () => {
  assert.deepEqual(reported('duplicate-doc-number'), [`${F.SUMMER}:1 warning`, `${F.TYPHOON}:1 warning`].sort());
  for (const finding of findings.filter((found) => found.rule === 'duplicate-doc-number')) assert.equal(finding.data.number, '交应急明电〔2021〕171号');
});

test('citation-title-mismatch: the seeded title in IIP-LIST:5, with the fix to IIP-CALL\'s title (EXPECTED.md §5)', () => {
  assert.deepEqual(reported('citation-title-mismatch'), [`${F.IIP_LIST}:5 warning`]);
  const finding = findings.find((found) => found.rule === 'citation-title-mismatch')!;
  assert.equal(finding.range.start.character, 41);
  assert.equal(finding.fix?.newText, '工业和信息化部办公厅关于组织开展2019年工业互联网平台创新应用案例征集活动的通知');
});

test('cites-repealed: YUNNAN:271 warning (dated after the repeal), GD-NOISE:34 and AUTOMON:37, 95 info (EXPECTED.md §6)', () => {
  assert.deepEqual(reported('cites-repealed'), [`${F.YUNNAN}:271 warning`, `${F.GD_NOISE}:34 info`, `${F.AUTOMON}:37 info`, `${F.AUTOMON}:95 info`].sort());
  for (const finding of findings.filter((found) => found.rule === 'cites-repealed')) assert.equal(finding.data.path, '噪声污染防治法(2021-12-24).md');
});

test('duplicate-document: both copies of DUP1, DUP2 and DUP3, at the title, and nothing else (EXPECTED.md §3, §6)', () => {
  assert.deepEqual(
    reported('duplicate-document'),
    [
      `${F.POLITBURO_CRPD}:1 info`,
      `${F.POLITBURO_CCTV}:1 info`,
      `${F.MERGER_LAW}:1 info`,
      `${F.MERGER_WIKI}:2 info`,
      `${F.BRIDE_LAW}:1 info`,
      `${F.BRIDE_WIKI}:2 info`,
    ].sort(),
  );
});

test('duplicate-document: a front-matter title is reported at its `title:` value (MERGER-WIKI:2:8)', () => {
  const finding = findings.find((found) => found.rule === 'duplicate-document' && relOf(found.uri) === F.MERGER_WIKI)!;
  assert.deepEqual(finding.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 7 + '国务院关于经营者集中申报标准的规定'.length } });
});

test('own 发文字号 of the documents that have one (EXPECTED.md)', () => {
  const own: [string, string][] = [
    [F.BIGDATA_LIST, '工信厅信发函〔 2021〕232号'],
    [F.BIGDATA_CALL, '工信厅信发函〔2021〕14号'],
    [F.IIP_LIST, '工信厅信软函〔2019〕287号'],
    [F.IIP_CALL, '工信厅信软函〔2019〕154号'],
    [F.GUARANTEE, '工厅规〔2021〕21号'],
    [F.GUARANTEE_FUND, '国办发〔2019〕6号'],
    [F.TAXCREDIT, '发改办财金规〔2019〕860号'],
    [F.WASTEWATER, '工信厅节函〔 2022〕259号'],
    [F.SUMMER, '交应急明电〔2021〕171号'],
    [F.TYPHOON, '交应急明电〔2021〕171号'],
    [F.BRIDE_LAW, '法释〔2024〕1号'],
    [F.BRIDE_WIKI, '法释〔2024〕1号'],
  ];
  for (const [file, number] of own) assert.equal(index.get(uriOf(file))!.number, number, file);
});

test('BRIDE-WIKI:22 法释〔2024〕1号 is its own number (under the 公告, above the 规定\'s title), not a citation', () => {
  const entry = index.get(uriOf(F.BRIDE_WIKI))!;
  assert.equal(entry.number, '法释〔2024〕1号');
  assert.equal(entry.numberRange?.start.line, 21);
  assert.deepEqual(citationsAt(F.BRIDE_WIKI, 22), []);
  assert.deepEqual(index.references(uriOf(F.BRIDE_LAW)), []);
});

test('title of GUARANTEE-FUND is the whole of line 1 (above its 发文字号), not the HTML body\'s split copy', () => {
  const entry = index.get(uriOf(F.GUARANTEE_FUND))!;
  assert.equal(entry.title, '国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见');
  assert.equal(entry.titleRange?.start.line, 0);
});

// Dates read from the documents (成文日期, else the front matter, else what the header gives).
const DATES: [string, string][] = [
  [F.YUNNAN, '2022-07-29'],
  [F.GD_NOISE, '2018-11-29'],
  [F.AUTOMON, '2005-11-01'],
  [F.NOISE_2021, '2021-12-24'],
  [F.BIGDATA_LIST, '2021-09-18'],
  [F.TAXCREDIT, '2019-08-20'],
  [F.IIP_LIST, '2019-12-25'],
  [F.POLITBURO_CCTV, '2021-12-06'],
  [F.IIT, '2018-08-31'],
  [F.NOISE_OLD, '2018-12-29'],
  [F.AML, '2022-06-24'],
  [F.MERGER_LAW, '2024-01-22'],
];

for (const [file, date] of DATES) {
  test(`date of ${file.split('/').pop()} is ${date}`, () => {
    assert.equal(index.get(uriOf(file))!.date, date);
  });
}

/** Outline entries in document order, as `line name` (1-based line). */
function flatOutline(file: string): string[] {
  const out: string[] = [];
  const walk = (symbols: OutlineSymbol[]) => {
    for (const symbol of symbols) {
      out.push(`${symbol.selectionRange.start.line + 1} ${symbol.name}`);
      walk(symbol.children);
    }
  };
  walk(documentOutline(parseDocument(uriOf(file), readFileSync(path.join(ROOT, file), 'utf8'))));
  return out;
}

test('outline of TAXCREDIT: its first five 层次序数 headings (EXPECTED.md §7)', () => {
  const outline = flatOutline(F.TAXCREDIT).filter((entry) => /^\d+ (?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(entry));
  assert.deepEqual(outline.slice(0, 5).map((entry) => entry.split(' ')[0]), ['7', '13', '14', '17', '19']);
  assert.match(outline[0], /一、总体要求/);
  assert.match(outline[1], /二、建立个人所得税纳税信用管理机制/);
  assert.match(outline[2], /（一）全面实施个人所得税申报信用承诺制/);
});

test('outline of WASTEWATER has the four levels 一、（一）1.（1）', () => {
  const lines = flatOutline(F.WASTEWATER).map((entry) => Number(entry.split(' ')[0]));
  for (const line of [6, 7, 12, 16, 17, 18, 24, 30, 40]) assert.ok(lines.includes(line), `line ${line}`);
});

test('outline of NOISE-2021: nine chapters, 第一条 on line 9', () => {
  const outline = flatOutline(F.NOISE_2021);
  const chapters = outline.filter((entry) => /^\d+ 第[一二三四五六七八九]章/.test(entry)).map((entry) => Number(entry.split(' ')[0]));
  assert.deepEqual(chapters, [7, 53, 87, 131, 149, 167, 227, 265, 361]);
  assert.ok(outline.some((entry) => /^9 第一条/.test(entry)));
});
