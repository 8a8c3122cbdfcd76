import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import { loadUserKnowledge, MatchRank, pinyinKeys, shipped } from '../../server/src/service/knowledge';

test('pinyin: full pinyin and initials, with the reading of the word (银行 hang, 重庆 chong)', () => {
  assert.deepEqual(pinyinKeys('商务部'), { full: 'shangwubu', initials: 'swb' });
  assert.deepEqual(pinyinKeys('中国人民银行'), { full: 'zhongguorenminyinhang', initials: 'zgrmyh' });
  assert.equal(pinyinKeys('重庆市人民政府').initials, 'cqsrmzf');
});

test('search: initials, full pinyin, CJK prefix, ranked exact prefix > initials > pinyin > fuzzy', () => {
  const index = shipped().agencies;
  const first = (typed: string) => index.search(typed, 50).matches[0];
  assert.equal(first('swb').agency.name, '中华人民共和国商务部');
  assert.equal(first('swb').rank, MatchRank.Initials);
  assert.equal(first('fgw').agency.name, '中华人民共和国国家发展和改革委员会');
  assert.equal(first('fgw').surface, '发改委');
  assert.equal(first('fagaiwei').rank, MatchRank.Pinyin);
  assert.equal(first('fagaiwei').agency.name, '中华人民共和国国家发展和改革委员会');
  assert.equal(first('商务').rank, MatchRank.Prefix);
  assert.equal(first('商务').surface, '商务部');
  const ranks = index.search('gj', 50).matches.map((match) => match.rank);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  assert.equal(index.search('xyzxyz', 50).total, 0);
});

test('search: current organs before former ones of equal rank', () => {
  const matches = shipped().agencies.search('国家', 200).matches;
  const firstFormer = matches.findIndex((match) => match.agency.until);
  const lastCurrent = matches.map((match) => !match.agency.until && match.rank === MatchRank.Prefix).lastIndexOf(true);
  assert.ok(firstFormer > lastCurrent, 'a former organ ranks above a current one');
});

test('代字: exact codes and prefixes; the CJK run typed is measured against names', () => {
  const index = shipped().agencies;
  const codes = shipped().codes;
  assert.equal(codes.lookup('国开办发')?.agency?.name, '国务院扶贫开发领导小组办公室');
  assert.equal(codes.lookup('国开办发')?.exact, true);
  assert.equal(codes.lookup('发改投资')?.agency?.name, '中华人民共和国国家发展和改革委员会');
  assert.equal(codes.lookup('发改测试')?.exact, false, 'known by its prefix only');
  assert.equal(codes.lookup('工信部联规')?.agency?.name, '中华人民共和国工业和信息化部', 'a mined 代字 without an organ takes its stem\'s');
  assert.equal(codes.lookup('国办发')?.agency?.name, '国务院办公厅');
  assert.equal(codes.lookup('发改'), undefined, 'a bare prefix is not a full 代字');
  assert.equal(codes.lookup('黔府办发')?.agencyName ?? codes.lookup('黔府办发')?.agency?.name, '贵州省人民政府办公厅', 'a mined 代字 names its organ');
  assert.equal(codes.kindOf('国办函')?.suffix, '办函');
  assert.equal(codes.kindOf('闽残联康复'), undefined, '康复 is not 批复');
  assert.equal(index.typedNameLength('会议指出商务'), 2);
  assert.equal(index.typedNameLength('会议指出'), 0);
});

test('user agencies file: valid entries extend and override, bad ones get positioned problems', () => {
  const text = [
    'agencies:',
    '  - name: 杭州市人民政府',
    '    short: 杭州市政府',
    '    codes: [杭政]',
    '    kind: 地级市人民政府',
    '    source: 杭州市人民政府门户网站',
    '  - name: 中华人民共和国商务部',
    '    informal: [商务部门户]',
    '  - short: [无名]',
    '  - name: 某局',
    '    founded: 去年',
    '    colour: red',
    '',
  ].join('\n');
  const loaded = loadUserKnowledge('agencies', text);
  assert.equal(loaded.kind, 'agencies');
  assert.deepEqual(loaded.kind === 'agencies' && loaded.entries.map((entry) => entry.name), ['杭州市人民政府', '中华人民共和国商务部']);
  const problems = loaded.problems.map((problem) => `${problem.severity}@${text.slice(problem.start, problem.end).split('\n')[0]}: ${problem.message.en}`);
  assert.deepEqual(problems, [
    'error@short: [无名]: Missing required field "name".',
    'error@去年: "founded" must be a date written YYYY, YYYY-MM or YYYY-MM-DD.',
    'warning@colour: Unknown field "colour"; known fields: name, en, short, informal, shared, codes, codePrefixes, kind, parent, founded, until, successor, note, source.',
  ]);
});

test('user terms file: a top-level list; a term needs a definition; YAML errors are positioned', () => {
  const ok = loadUserKnowledge('terms', '- term: 千万工程\n  aliases: [千村示范、万村整治]\n  zh: 浙江“千村示范、万村整治”工程。\n- term: 空\n');
  assert.deepEqual(ok.kind === 'terms' && ok.entries.map((entry) => entry.term), ['千万工程']);
  assert.equal(ok.problems.length, 1);
  assert.match(ok.problems[0].message.en, /definition/);
  const broken = loadUserKnowledge('terms', '- term: [unclosed\n');
  assert.ok(broken.problems.length > 0 && broken.problems[0].severity === 'error');
  const notList = loadUserKnowledge('terms', 'term: 单个\n');
  assert.match(notList.problems[0].message.zh, /术语列表/);
});

test('service: setUserKnowledge merges into completion and hover, and removing the file restores the shipped data', () => {
  const service = createLanguageService({ locale: 'zh' });
  const uri = 'file:///ws/.policydoc/agencies.yaml';
  const diagnostics = service.setUserKnowledge('agencies', uri, '- name: 杭州市人民政府\n  short: [杭州市政府]\n  kind: 地级市人民政府\n- name: 3\n');
  assert.deepEqual(diagnostics.map((d) => [d.range, d.severity, d.source, d.message]), [
    [{ start: { line: 3, character: 8 }, end: { line: 3, character: 9 } }, 1, 'policydoc', '“name”应为字符串。'],
  ]);
  const doc = service.parse('file:///ws/a.md', '<p>hzs</p>');
  assert.equal(service.getCompletions(doc, { line: 0, character: 6 }).items[0]?.label, '杭州市政府');
  const body = service.parse('file:///ws/b.md', '杭州市政府发布通知。');
  assert.match(String((service.getHover(body, { line: 0, character: 1 })?.contents as { value: string }).value), /地级市人民政府/);
  service.setUserKnowledge('agencies', uri, null);
  assert.equal(service.getHover(body, { line: 0, character: 1 }), null);
  const terms = service.setUserKnowledge('terms', 'file:///ws/.policydoc/terms.yaml', '- term: 四个意识\n  zh: 用户自己的释义。\n');
  assert.deepEqual(terms, []);
  const slogan = service.parse('file:///ws/c.md', '增强四个意识。');
  assert.match(String((service.getHover(slogan, { line: 0, character: 3 })?.contents as { value: string }).value), /用户自己的释义/);
});

test('parse: where prose may run into a 代字, the parser keeps the 代字 the registry knows: the mined table and the user’s file count', () => {
  const service = createLanguageService({ locale: 'zh' });
  // Flattened table cells: the 代字's start is unsure, so only a known 代字 is kept.
  const text = '一、畜禽养殖 沪府办规〔2018〕11号\n二、林地 杭测规〔2019〕3号\n';
  const agencies = () => service.parse('file:///ws/a.txt', text).official.docNumbers.map((number) => [number.agency.text, number.agencyExact]);
  // 沪府办规 is in the mined table (server/data/doc-codes.json) only; 杭测规 nowhere yet.
  assert.deepEqual(agencies(), [['沪府办规', false], ['', false]]);
  service.setUserKnowledge('agencies', 'file:///ws/.policydoc/agencies.yaml', '- name: 杭州市测绘局\n  kind: 地级市政府部门\n  codes: [杭测规]\n');
  assert.deepEqual(agencies(), [['沪府办规', false], ['杭测规', false]]);
});
