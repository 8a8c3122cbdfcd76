// The cross-document rules in `policydoc check`, `policydoc index` (--stats, -o) and `check --shard --index`,
// on a small collection of real documents from test/corpus/docs with a few seeded edits (listed in COLLECTION).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cli, json, ROOT, workspace, type JsonEntry } from './helpers';

const DOCS = path.join(ROOT, 'test/corpus/docs');
const read = (relative: string) => fs.readFileSync(path.join(DOCS, relative), 'utf8');

// The files as they are in the collection (the path in test/corpus/docs is kept).
const NOTICE_860 = 'govdoc-cn/GovDoc-CN_Sample/397/397.txt'; // 发改办财金规〔2019〕860号, 关于加强个人所得税纳税信用建设的通知
const REPEALER = 'ranxi-policy/挑战杯复审用数据集T20230804/数据集/四部门关于开展2021年新能源汽车下乡活动的通知.txt'; // 2021-03-31
const CITES_BEFORE = 'ranxi-policy/挑战杯复审用数据集T20230804/数据集/两部委关于下达2020年度稀土开采、冶炼分离总量控制指标的通知.txt'; // 2020-07-17, 工信部联原〔2020〕103号
const CITES_AFTER = 'lawrefbook/司法解释/最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（八）(2024-01-30).md'; // 法释〔2024〕3号
const NUMBER_121 = 'govcn2019/ge_policy_raw20190217/034_国务院办公厅关于加快发展体育竞赛表演产业的指导意见.txt'; // 国办发〔2018〕121号
const NUMBER_117 = 'govcn2019/ge_policy_raw20190217/037_国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知.txt'; // 国办发〔2018〕117号
const TOBACCO_LAW = 'laosheng/falv/flk.npc/中华人民共和国烟叶税法_20171227.txt';
const TOBACCO_LAW_COPY = 'lawrefbook/经济法/烟叶税法(2017-12-27).md'; // the same law from another source

const CITE_860 = '《关于加强个人所得税纳税信用建设的通知》（发改办财金规〔2019〕860号）';
/** The 稀土 notice (工信部联原〔2020〕103号) under a title it does not bear. */
const WRONG_TITLE = '关于促进消费扩容提质加快形成强大国内市场的实施意见';

/**
 * Real documents, with seeded edits: the 2021 notice repeals the 860号 notice; the 2020 notice (before
 * the repeal) and the 2024 judicial interpretation (after it) cite it; the 2024 one also cites 103号 under
 * a wrong title; 037 carries 034's 发文字号 121号 instead of its own 117号. The tobacco-tax law is stored twice.
 */
function collection(extra: Record<string, string> = {}): string {
  return workspace(
    {
      [NOTICE_860]: read(NOTICE_860),
      [REPEALER]: `${read(REPEALER)}\n${CITE_860}同时废止。\n`,
      [CITES_BEFORE]: `${read(CITES_BEFORE)}\n请参照${CITE_860}执行。\n`,
      [CITES_AFTER]: `${read(CITES_AFTER)}\n参照${CITE_860}和《${WRONG_TITLE}》（工信部联原〔2020〕103号）。\n`,
      [NUMBER_121]: read(NUMBER_121),
      [NUMBER_117]: read(NUMBER_117).replace('国办发〔2018〕117号', '国办发〔2018〕121号'),
      [TOBACCO_LAW]: read(TOBACCO_LAW),
      [TOBACCO_LAW_COPY]: read(TOBACCO_LAW_COPY),
      ...extra,
    },
    false,
  );
}

const CONFIG = JSON.stringify({
  rules: { 'duplicate-doc-number': 'error' },
  overrides: [{ files: ['laosheng/**'], rules: { 'duplicate-document': 'off' } }],
});

const WORKSPACE_RULES = ['duplicate-doc-number', 'citation-title-mismatch', 'cites-repealed', 'duplicate-document'];

/** With CONFIG, read from the documents and the seeded edits: file, rule, severity. */
const EXPECTED = [
  [CITES_AFTER, 'citation-title-mismatch', 'warning'],
  [CITES_AFTER, 'cites-repealed', 'warning'], // dated 2024, after the repeal of 2021
  [CITES_BEFORE, 'cites-repealed', 'info'], // dated 2020, before it
  [NUMBER_121, 'duplicate-doc-number', 'error'], // error by the config
  [NUMBER_117, 'duplicate-doc-number', 'error'],
  [TOBACCO_LAW_COPY, 'duplicate-document', 'info'], // off under laosheng/** by the override
];

/** The cross-document findings as `file rule severity line`, sorted. */
function crossFindings(entries: JsonEntry[]): string[] {
  return entries.flatMap((entry) => entry.diagnostics.filter((d) => WORKSPACE_RULES.includes(d.rule)).map((d) => `${entry.file} ${d.rule} ${d.severity} ${d.range.start.line}`)).sort();
}

test('check: the cross-document rules in json, with severities from the config per file', () => {
  const dir = collection({ '.policydocrc.json': CONFIG });
  const run = cli(['check', '--format', 'json'], dir);
  assert.equal(run.status, 1, run.stderr); // duplicate-doc-number is an error by the config
  const entries = json(run);
  const found = crossFindings(entries).map((line) => line.replace(/ \d+$/, ''));
  assert.deepEqual(found, EXPECTED.map((line) => line.join(' ')).sort());
  const mismatch = entries.find((e) => e.file === CITES_AFTER)!.diagnostics.find((d) => d.rule === 'citation-title-mismatch')!;
  assert.match(mismatch.message, /工信部联原〔2020〕103号/);
  assert.match(mismatch.message, new RegExp(WRONG_TITLE));
  assert.equal(mismatch.fixable, false, 'the CLI leaves the title-or-number question to a person');
  const repealed = entries.find((e) => e.file === CITES_AFTER)!.diagnostics.find((d) => d.rule === 'cites-repealed')!;
  assert.match(repealed.message, new RegExp(REPEALER.replace(/[()（）]/g, '.')));
  const duplicate = entries.find((e) => e.file === NUMBER_117)!.diagnostics.find((d) => d.rule === 'duplicate-doc-number')!;
  assert.match(duplicate.message, /国办发〔2018〕121号/);
  assert.ok(duplicate.message.includes(NUMBER_121));
});

test('check: without a config the defaults apply and the messages follow --lang', () => {
  const dir = collection();
  const en = json(cli(['check', '--format', 'json'], dir));
  assert.ok(crossFindings(en).some((line) => line.startsWith(`${NUMBER_117} duplicate-doc-number warning`)));
  assert.ok(crossFindings(en).some((line) => line.startsWith(`${TOBACCO_LAW} duplicate-document info`)));
  const zh = cli(['check', '--format', 'json', '--lang', 'zh'], dir);
  const message = json(zh).find((e) => e.file === CITES_BEFORE)!.diagnostics.find((d) => d.rule === 'cites-repealed')!.message;
  assert.match(message, /《关于加强个人所得税纳税信用建设的通知》已被/);
  assert.match(message, /宣布废止/);
});

test('check: an inline directive turns a cross-document rule off on its line', () => {
  const dir = collection({ [NUMBER_117]: read(NUMBER_117).replace('国办发〔2018〕117号', '<!-- policydoc-disable-next-line duplicate-doc-number -->\n国办发〔2018〕121号') });
  const found = crossFindings(json(cli(['check', '--format', 'json'], dir)));
  assert.ok(!found.some((line) => line.startsWith(`${NUMBER_117} duplicate-doc-number`)), found.join('\n'));
  assert.ok(found.some((line) => line.startsWith(`${NUMBER_121} duplicate-doc-number`)));
});

test('check: the cross-document rules in sarif, with their docs links; stylish names them', () => {
  const dir = collection({ '.policydocrc.json': CONFIG });
  const run = cli(['check', '--format', 'sarif'], dir);
  assert.equal(run.status, 1);
  const log = JSON.parse(run.stdout);
  const [sarifRun] = log.runs;
  const results = sarifRun.results.filter((r: { ruleId: string }) => WORKSPACE_RULES.includes(r.ruleId));
  const levels = results.map((r: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => `${decodeURI(r.locations[0].physicalLocation.artifactLocation.uri)} ${r.ruleId} ${r.level}`).sort();
  assert.deepEqual(levels, EXPECTED.map(([file, rule, severity]) => `${file} ${rule} ${severity === 'info' ? 'note' : severity}`).sort());
  for (const id of WORKSPACE_RULES) {
    const rule = sarifRun.tool.driver.rules.find((candidate: { id: string }) => candidate.id === id);
    assert.ok(rule?.helpUri?.endsWith(`docs/rules/${id}.md`), `${id}: ${rule?.helpUri}`);
  }
  const stylish = cli(['check', '--lang', 'zh'], dir).stdout;
  assert.match(stylish, /错误 +发文字号 国办发〔2018〕121号 也是 .* 的发文字号/);
  assert.match(stylish, /citation-title-mismatch/);
});

test('check --fix does not rewrite a citation to another document\'s title', () => {
  const dir = collection();
  cli(['check', '--fix', '--format', 'json'], dir);
  assert.ok(fs.readFileSync(path.join(dir, CITES_AFTER), 'utf8').includes(`《${WRONG_TITLE}》（工信部联原〔2020〕103号）`));
});

test('--shard: every file in exactly one shard; with --index the findings are those of the whole run', () => {
  const dir = collection({ '.policydocrc.json': CONFIG });
  const whole = json(cli(['check', '--format', 'json'], dir));
  const written = cli(['index', '-o', 'collection.index.json'], dir);
  assert.equal(written.status, 0, written.stderr);
  assert.equal(written.stdout, '');
  const shards = [1, 2, 3].map((i) => cli(['check', '--shard', `${i}/3`, '--index', 'collection.index.json', '--format', 'json'], dir));
  for (const shard of shards) assert.equal(shard.stderr, '');
  const parts = shards.map(json);
  const files = parts.flatMap((part) => part.map((entry) => entry.file));
  assert.deepEqual([...files].sort(), whole.map((entry) => entry.file).sort(), 'each file once');
  assert.ok(parts.filter((part) => part.length > 0).length >= 2, 'the files are spread over the shards');
  assert.deepEqual(parts.flatMap(crossFindings).sort(), crossFindings(whole));
  // The same split every time.
  assert.deepEqual(json(cli(['check', '--shard', '2/3', '--index', 'collection.index.json', '--format', 'json'], dir)).map((e) => e.file), parts[1].map((e) => e.file));

  const alone = cli(['check', '--shard', '1/1', '--format', 'json'], dir);
  assert.match(alone.stderr, /--shard without --index/);
  assert.deepEqual(crossFindings(json(alone)), crossFindings(whole));
});

test('--index: a stale or invalid index file stops the run (exit 2) in the user\'s language', () => {
  const dir = collection();
  assert.equal(cli(['index', '-o', 'i.json'], dir).status, 0);
  fs.appendFileSync(path.join(dir, NUMBER_121), '\n');
  const stale = cli(['check', '--shard', '1/2', '--index', 'i.json'], dir);
  assert.equal(stale.status, 2);
  assert.match(stale.stderr, /The index file i\.json is out of date: 1 file\(s\) changed/);
  assert.ok(stale.stderr.includes(NUMBER_121));
  const staleZh = cli(['check', '--index', 'i.json', '--lang', 'zh'], dir);
  assert.equal(staleZh.status, 2);
  assert.match(staleZh.stderr, /索引文件 i\.json 已过期/);

  fs.writeFileSync(path.join(dir, 'bad.json'), '{"format": 99, "documents": []}');
  const invalid = cli(['check', '--index', 'bad.json'], dir);
  assert.equal(invalid.status, 2);
  assert.match(invalid.stderr, /bad\.json is not a policydoc index file/);
  const missing = cli(['check', '--index', 'nope.json', '--lang', 'zh'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /无法读取索引文件 nope\.json/);
});

test('index --stats: the collection in figures, in English and Chinese, as text and as json', () => {
  const dir = collection();
  const en = cli(['index', '--stats'], dir);
  assert.equal(en.status, 0, en.stderr);
  assert.match(en.stdout, /^8 documents\n/);
  assert.match(en.stdout, /Duplicate documents \(nearly the same text\): 1 pair\(s\)\n {2}laosheng\/falv\/flk\.npc\/中华人民共和国烟叶税法_20171227\.txt ↔ lawrefbook\/经济法\/烟叶税法\(2017-12-27\)\.md/);
  assert.match(en.stdout, /Repealed documents still cited: 1\n {2}govdoc-cn\/GovDoc-CN_Sample\/397\/397\.txt "关于加强个人所得税纳税信用建设的通知", repealed by ranxi-policy/);
  const zh = cli(['index', '--stats', '--lang', 'zh'], dir);
  assert.match(zh.stdout, /^共 8 件文件\n按文档类型：/);
  assert.match(zh.stdout, /已废止但仍被引用的文件：1 件/);

  const stats = JSON.parse(cli(['index', '--stats', '--format', 'json'], dir).stdout);
  assert.equal(stats.documents, 8);
  assert.equal(stats.byProfile.reduce((sum: number, c: { count: number }) => sum + c.count, 0), 8);
  assert.ok(stats.byYear.some((c: { name: string; count: number }) => c.name === '2021'));
  assert.equal(stats.citations.total, stats.citations.resolved + stats.citations.unresolved);
  // 860号 three times (the statement of repeal and two citations), 103号 once; the real documents do not cite each other.
  assert.equal(stats.citations.resolved, 4, JSON.stringify(stats.citations));
  assert.deepEqual(stats.repealedStillCited.map((r: { file: string; citedBy: string[] }) => [r.file, [...r.citedBy].sort()]), [[NOTICE_860, [CITES_AFTER, CITES_BEFORE].sort()]]);
});

test('bad --shard values and misplaced options are bilingual usage errors', () => {
  const dir = collection();
  for (const value of ['3/2', 'x', '0/2', '1/0']) {
    const en = cli(['check', '--shard', value], dir);
    assert.equal(en.status, 2, value);
    assert.match(en.stderr, new RegExp(`Invalid value "${value}" for --shard; expected i/n`));
    const zh = cli(['check', '--shard', value, '--lang', 'zh'], dir);
    assert.match(zh.stderr, new RegExp(`--shard 的值“${value}”无效`));
  }
  const misplaced = cli(['index', '--shard', '1/2'], dir);
  assert.equal(misplaced.status, 2);
  assert.match(misplaced.stderr, /Option "--shard" does not apply to "index"/);
  assert.match(cli(['index', '--format', 'sarif', '--lang', 'zh'], dir).stderr, /--format 的值“sarif”无效/);
});
