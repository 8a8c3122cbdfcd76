// The workspace index, citation and status extraction, the outline and the cross-document rules, on
// real documents of test/corpus/docs (and copies of them with one seeded change each).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { parseDocument } from '../../server/src/service/parse/document';
import { numberKey, titleKey } from '../../server/src/service/workspace/normalize';
import { documentOutline, foldingSections, type OutlineSymbol } from '../../server/src/service/workspace/outline';
import { checkWorkspace, WORKSPACE_RULES } from '../../server/src/service/workspace/rules';
import { fingerprintCodes, hammingDistance, simhash } from '../../server/src/service/workspace/simhash';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

const CORPUS = path.join(import.meta.dirname, '..', 'corpus', 'docs');
const uriOf = (relative: string) => pathToFileURL(path.join(CORPUS, relative)).href;
const read = (relative: string) => readFileSync(path.join(CORPUS, relative), 'utf8');

const NOTICE = 'ranxi-policy/挑战杯数据T20230308/policy/关于国务院安委办安全生产大检查“回头看”情况的通报.txt';
const TWO_MINISTRIES = 'ranxi-policy/挑战杯复审用数据集T20230804/数据集/两部门关于组织推荐第四批制造业单项冠军和复核第一批制造业单项冠军的通知.txt';
const EIA_OPINION = 'cee-vuepress/docs/posts/P6/gyjsxmwpxjwfxwflsywtdyj.md';
const TOBACCO_LAW = 'lawrefbook/经济法/烟叶税法(2017-12-27).md';
const TOBACCO_LAW_NPC = 'laosheng/falv/flk.npc/中华人民共和国烟叶税法_20171227.txt';
const LUOYANG_OLD = 'lawrefbook/DLC/河南地方法规/地方性法规/河南/洛阳市城市公园和广场管理条例(2019-01-14).md';
const LUOYANG_NEW = 'lawrefbook/DLC/河南地方法规/地方性法规/河南/洛阳市公园和广场管理条例(2021-08-30).md';
const SHIPPING = 'lawrefbook/行政法规/上海航运交易所管理规定(1996-10-03).md';

function corpusFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(md|txt)$/.test(name)) found.push(path.relative(CORPUS, full));
    }
  };
  walk(CORPUS);
  return found.sort();
}

let sampleIndex: WorkspaceIndex | undefined;
/** The index over the whole committed sample, built once. */
function sample(): WorkspaceIndex {
  if (!sampleIndex) {
    sampleIndex = new WorkspaceIndex(parseDocument);
    for (const file of corpusFiles()) sampleIndex.update(uriOf(file), read(file));
  }
  return sampleIndex;
}

test('keys: a 发文字号 whatever its brackets, spaces, digit width, 第 and leading zero; a title whatever its marks and width', () => {
  const key = numberKey('国办发〔2020〕4号');
  for (const written of ['国办发[2020]4号', '国办发（２０２０）４号', '国办发 〔2020〕 4 号', '国办发【2020】第04号', '国办发(2020)4']) assert.equal(numberKey(written), key, written);
  assert.notEqual(numberKey('国办发〔2020〕14号'), key);
  assert.equal(titleKey('关于〈环境影响评价法〉第三十一条 法律适用问题的复函'), titleKey('关于《环境影响评价法》第三十一条法律适用问题的复函'));
});

test('a notice: own 发文字号 told apart from the ones it cites; title without the crawler fields; 《标题》（发文字号） citations with ranges', () => {
  const index = new WorkspaceIndex(parseDocument);
  const entry = index.update(uriOf(NOTICE), read(NOTICE));
  assert.equal(entry.title, '关于国务院安委办安全生产大检查“回头看”情况的通报');
  assert.equal(entry.number, '黑安办发〔2017〕62号');
  assert.equal(entry.agency, '黑龙江省应急管理厅');
  assert.equal(entry.date, '2017-11-17');
  assert.ok(!entry.citations.some((citation) => citation.number === entry.number));
  const cited = entry.citations.find((citation) => citation.number === '安委办〔2017〕28号')!;
  assert.equal(cited.kind, 'titled');
  assert.equal(cited.title, '国务院安委会办公室关于切实落实安全生产责任坚决防范遏制煤矿重特大事故的通知');
  const lines = read(NOTICE).split('\n');
  const at = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => lines[range.start.line].slice(range.start.character, range.end.character);
  assert.equal(at(cited.titleRange!), cited.title);
  assert.equal(at(cited.numberRange!), '安委办〔2017〕28号');
  assert.equal(at(cited.range), `《${cited.title}》（安委办〔2017〕28号）`);
  assert.ok(entry.citations.some((citation) => citation.kind === 'title' && citation.title === '安全生产事故隐患排查治理暂行规定'));
});

test('status statements: 同时废止 with the titles and 发文字号 it names; a law repealing the 暂行条例 with its effective date', () => {
  const index = new WorkspaceIndex(parseDocument);
  const opinion = index.update(uriOf(EIA_OPINION), read(EIA_OPINION));
  assert.equal(opinion.date, '2018-02-22');
  assert.equal(opinion.agency, '原环境保护部');
  const repeal = opinion.statements.find((statement) => statement.kind === 'repeal')!;
  assert.equal(repeal.verb, '同时废止');
  assert.deepEqual(repeal.names.map((name) => name.number), ['环发〔1999〕23号', '环函〔2004〕470号']);
  assert.equal(repeal.names[0].title, '关于如何认定建设单位违法行为连续性问题的复函');
  assert.ok(repeal.names.every((name) => name.inStatement));

  const law = index.update(uriOf(TOBACCO_LAW), read(TOBACCO_LAW));
  const lawRepeal = law.statements.find((statement) => statement.kind === 'repeal')!;
  assert.deepEqual(lawRepeal.names.map((name) => name.title), ['中华人民共和国烟叶税暂行条例']);
  assert.equal(lawRepeal.effective, '2018-07-01');
  // Sentences where nothing is named are not statements (`复议期间…不停止执行`, `装置失效`).
  for (const statement of [...opinion.statements, ...law.statements]) assert.ok(statement.names.length > 0);
});

test('the sample: a regulation repealed by its successor of the same name, by title and date; references; symbol search', () => {
  const index = sample();
  assert.equal(index.size, corpusFiles().length);
  const status = index.status(uriOf(LUOYANG_OLD));
  assert.equal(status.state, 'repealed');
  assert.equal(status.by[0].uri, uriOf(LUOYANG_NEW));
  assert.equal(status.by[0].date, '2021-10-01');
  // The successor is not repealed by its own statement.
  assert.equal(index.status(uriOf(LUOYANG_NEW)).state, 'in-force');
  assert.ok(index.references(uriOf(LUOYANG_OLD)).some((reference) => reference.uri === uriOf(LUOYANG_NEW)));

  const law = index.get(uriOf(TOBACCO_LAW))!;
  assert.equal(law.title, '中华人民共和国烟叶税法');
  // Pinyin initials matched anywhere in the title, the title itself, a 发文字号.
  assert.ok(index.search('yysf').some((found) => found.entry.uri === uriOf(TOBACCO_LAW) && found.matched === 'pinyin'));
  assert.ok(index.search('烟叶税法').slice(0, 3).some((found) => found.entry.uri === uriOf(TOBACCO_LAW)));
  assert.equal(index.search('黑安办发[2017]62号')[0].entry.uri, uriOf(NOTICE));
  assert.ok(index.values('categories').length > 0 && index.values('tags').length > 0);
});

test('duplicates: the same law from flk.npc.gov.cn and from LawRefBook, on both copies; unrelated laws are far apart', () => {
  const index = sample();
  assert.ok(index.similar(uriOf(TOBACCO_LAW)).some((other) => other.uri === uriOf(TOBACCO_LAW_NPC)));
  assert.ok(index.similar(uriOf(TOBACCO_LAW_NPC)).some((other) => other.uri === uriOf(TOBACCO_LAW)));
  const far = hammingDistance(index.get(uriOf(TOBACCO_LAW))!.fingerprint!, index.get(uriOf(SHIPPING))!.fingerprint!);
  assert.ok(far > 10, String(far));
  const findings = checkWorkspace(index, { uris: [uriOf(TOBACCO_LAW), uriOf(TOBACCO_LAW_NPC)] }).filter((finding) => finding.rule === 'duplicate-document');
  assert.equal(findings.length, 2);
  assert.match(findings.find((finding) => finding.uri === uriOf(TOBACCO_LAW))!.message.zh, /中华人民共和国烟叶税法_20171227\.txt.*相似度/);
  assert.equal(findings[0].severity, 'info');
  // Re-spacing and full-width digits do not change the fingerprint.
  assert.equal(simhash(fingerprintCodes('第一条　为了２０２０年……规定。'.repeat(20))), simhash(fingerprintCodes('第一条 为了2020年 规定'.repeat(20))));
});

test('serialised and loaded back: the same entries and the same answers', () => {
  const index = sample();
  const loaded = WorkspaceIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())), parseDocument)!;
  assert.equal(loaded.size, index.size);
  assert.deepEqual(loaded.get(uriOf(EIA_OPINION)), index.get(uriOf(EIA_OPINION)));
  assert.deepEqual(loaded.status(uriOf(LUOYANG_OLD)), index.status(uriOf(LUOYANG_OLD)));
  assert.deepEqual(loaded.similar(uriOf(TOBACCO_LAW)), index.similar(uriOf(TOBACCO_LAW)));
  assert.equal(WorkspaceIndex.fromJSON({ format: 0, documents: [] }, parseDocument), null);
  assert.equal(WorkspaceIndex.fromJSON('garbage', parseDocument), null);
});

/** The real two-ministry notice with its own 发文字号 line replaced: a document bearing another number. */
function withNumber(number: string, title?: string): string {
  const text = read(TWO_MINISTRIES).replace('工信厅联产业函〔2019〕78号', number);
  return title ? text.replace(/^两部门关于.*的通知/, title) : text;
}

test('cross-document rules on real documents with one seeded change each', () => {
  const index = new WorkspaceIndex(parseDocument);
  index.update(uriOf(NOTICE), read(NOTICE));
  // duplicate-doc-number: another notice carrying the notice's own number.
  index.update('file:///seed/same-number.txt', withNumber('黑安办发〔2017〕62号'));
  // citation-title-mismatch: the number the notice cites belongs to a document with another title.
  index.update('file:///seed/cited-number.txt', withNumber('安委办〔2017〕28号'));
  // cites-repealed: the document the opinion repeals, and two documents citing it, before and after the repeal.
  index.update(uriOf(EIA_OPINION), read(EIA_OPINION));
  index.update('file:///seed/repealed.txt', withNumber('环发〔1999〕23号', '关于如何认定建设单位违法行为连续性问题的复函'));
  index.update('file:///seed/cites-before.txt', read(NOTICE).replace('黑安办发〔2017〕62号', '黑安办发〔2017〕63号') + '\n按照环发〔1999〕23号执行。\n');
  index.update('file:///seed/cites-after.txt', withNumber('工信厅联产业函〔2019〕79号') + '\n按照环发〔1999〕23号执行。\n');

  const findings = checkWorkspace(index, { label: (uri) => uri.slice(uri.lastIndexOf('/') + 1) });
  const of = (rule: string) => findings.filter((finding) => finding.rule === rule);

  assert.deepEqual(of('duplicate-doc-number').map((finding) => finding.uri).sort(), [uriOf(NOTICE), 'file:///seed/same-number.txt'].sort());
  assert.match(of('duplicate-doc-number')[0].message.en, /黑安办发〔2017〕62号 is also the number of/);

  const mismatch = of('citation-title-mismatch').filter((finding) => finding.uri === uriOf(NOTICE));
  assert.equal(mismatch.length, 1);
  const seededTitle = index.get('file:///seed/cited-number.txt')!.title!;
  assert.equal(mismatch[0].fix!.newText, seededTitle);
  assert.match(mismatch[0].message.zh, /安委办〔2017〕28号 是《/);
  assert.match(mismatch[0].fix!.title.zh, /将标题改为/);

  const repealed = of('cites-repealed');
  assert.deepEqual(repealed.map((finding) => [finding.uri, finding.severity]).sort(), [
    ['file:///seed/cites-after.txt', 'warning'],
    ['file:///seed/cites-before.txt', 'info'],
  ]);
  assert.match(repealed[0].message.zh, /关于建设项目“未批先建”违法行为法律适用问题的意见.*2018-02-22/);
  // The opinion that repeals it does not cite a repealed document.
  assert.ok(!repealed.some((finding) => finding.uri === uriOf(EIA_OPINION)));

  // Severity from config, and off.
  const configured = checkWorkspace(index, { severities: { 'cites-repealed': 'error', 'duplicate-doc-number': 'off' } });
  assert.ok(configured.filter((finding) => finding.rule === 'cites-repealed').every((finding) => finding.severity === 'error'));
  assert.equal(configured.filter((finding) => finding.rule === 'duplicate-doc-number').length, 0);

  // Incremental: the seeded copy removed, the duplicate number is gone; the cited number edited, the mismatch too.
  index.remove('file:///seed/same-number.txt');
  index.update('file:///seed/cited-number.txt', withNumber('安委办〔2017〕29号'));
  const after = checkWorkspace(index);
  assert.equal(after.filter((finding) => finding.rule === 'duplicate-doc-number').length, 0);
  assert.deepEqual(after.filter((finding) => finding.rule === "citation-title-mismatch").map((f) => [f.uri, f.message.zh]), []);
});

test('every cross-document rule has a page in docs/rules and a line in its README, and is not a document rule', async () => {
  const { RULE_IDS } = await import('../../server/src/service/rules');
  const docs = path.join(import.meta.dirname, '..', '..', 'docs', 'rules');
  const readme = readFileSync(path.join(docs, 'README.md'), 'utf8');
  for (const { meta } of WORKSPACE_RULES) {
    const page = readFileSync(path.join(docs, `${meta.id}.md`), 'utf8');
    assert.ok(page.startsWith(`# ${meta.id}\n`), meta.id);
    assert.ok(page.includes(`Default severity: **${meta.defaultSeverity}**`), meta.id);
    assert.ok(page.includes(meta.fixable ? 'Fixable: **yes**' : 'Fixable: no'), meta.id);
    assert.ok(page.includes('\n## 中文\n'), meta.id);
    assert.ok(readme.includes(`| [${meta.id}](${meta.id}.md) | ${meta.defaultSeverity} |`), meta.id);
    assert.ok(!RULE_IDS.has(meta.id), meta.id);
    for (const message of Object.values(meta.messages)) assert.ok(message.zh && message.en, meta.id);
  }
});

function flatten(symbols: OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.kind}:${symbol.name.slice(0, 8)}`, ...flatten(symbol.children, depth + 1)]);
}

test('outline of a regulation: title > 第X章 > 第X条 > （一）, with folding ranges for each part', () => {
  const doc = parseDocument(uriOf(SHIPPING), read(SHIPPING));
  const outline = documentOutline(doc);
  assert.equal(outline.length, 1);
  assert.equal(outline[0].kind, 'heading');
  const chapters = outline[0].children;
  assert.ok(chapters.length >= 5 && chapters.every((chapter) => chapter.kind === 'chapter'), flatten(outline).join('\n'));
  assert.equal(chapters[0].name, '第一章 总则');
  const article = chapters[1].children.find((child) => child.name.startsWith('第七条'))!;
  assert.equal(article.kind, 'article');
  assert.deepEqual(article.children.map((child) => child.name.slice(0, 3)), ['(一)', '(二)', '(三)', '(四)', '(五)']);
  // A chapter runs to the line before the next chapter.
  assert.ok(chapters[0].range.end.line < chapters[1].range.start.line);
  const folds = foldingSections(doc);
  assert.ok(folds.some((fold) => fold.startLine === chapters[1].range.start.line && fold.endLine >= article.range.start.line));
});

test('outline of a notice (层次序数 一、 → （一）) and of a post (front matter keys)', () => {
  const notice = documentOutline(parseDocument(uriOf(TWO_MINISTRIES), read(TWO_MINISTRIES)));
  const first = notice.find((symbol) => symbol.name.startsWith('一、'))!;
  assert.equal(first.kind, 'item');
  assert.equal(first.level, 1);
  assert.ok(first.children.length > 0 && first.children.every((child) => child.level === 2), flatten(notice).join('\n'));
  const post = documentOutline(parseDocument(uriOf(EIA_OPINION), read(EIA_OPINION)), 'zh');
  assert.equal(post[0].kind, 'front-matter');
  assert.equal(post[0].name, '前置元数据');
  assert.deepEqual(post[0].children.map((child) => child.name), ['title', 'shortTitle', 'icon', 'date', 'author', 'category', 'tag']);
});

test('entry fields: a law header\'s last amendment date, no date that bounds a time, a quoted front-matter title\'s range', () => {
  const index = new WorkspaceIndex(parseDocument);
  const law = index.update(
    'file:///seed/law.txt',
    '中华人民共和国水土保持法\n\n（1991年6月29日第七届全国人民代表大会常务委员会第二十次会议通过　根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》修正　2010年12月25日第十一届全国人民代表大会常务委员会第十八次会议修订）\n\n第一条　为了预防和治理水土流失，制定本法。\n',
  );
  assert.equal(law.date, '2010-12-25');
  const notice = index.update('file:///seed/notice.txt', '关于做好个人所得税工作的通知\n各省税务局：\n自2019年1月1日起全面施行新法。请于2019年3月1日前报送。\n');
  assert.equal(notice.date, undefined);
  const post = index.update('file:///seed/post.md', "---\ntitle: '关于做好个人所得税工作的通知'\n---\n正文。\n");
  assert.deepEqual(post.titleRange, { start: { line: 1, character: 8 }, end: { line: 1, character: 8 + '关于做好个人所得税工作的通知'.length } });
});
