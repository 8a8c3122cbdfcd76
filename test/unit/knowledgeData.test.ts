import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import { CodeIndex, SHIPPED_AGENCIES, SHIPPED_TERMS, shipped } from '../../server/src/service/knowledge';
import { DOC_KINDS } from '../../server/src/service/knowledge/data';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const seeds = readdirSync(FIXTURES).filter((name) => /^\d{3}_/.test(name)).map((name) => readFileSync(join(FIXTURES, name), 'utf8')).join('\n');

test('agencies: every entry has a source, a kind and a formal name', () => {
  for (const agency of SHIPPED_AGENCIES) {
    assert.ok(agency.source && agency.source.trim().length > 4, `${agency.name} has no source`);
    assert.ok(agency.kind, `${agency.name} has no kind`);
    assert.match(agency.name, /^[\u3400-\u9fff（）]+$/, `${agency.name} is not a CJK name`);
  }
});

test('agencies: no name (formal, short or informal) belongs to two agencies, and no 代字 either', () => {
  const owners = new Map<string, string>();
  for (const agency of SHIPPED_AGENCIES) {
    for (const name of [agency.name, ...agency.short, ...agency.informal]) {
      assert.ok(!owners.has(name), `"${name}" is a name of both ${owners.get(name)} and ${agency.name}`);
      owners.set(name, agency.name);
    }
  }
  const codes = new Map<string, string>();
  for (const agency of SHIPPED_AGENCIES) {
    for (const code of [...agency.codes, ...agency.codePrefixes]) {
      assert.ok(!codes.has(code), `代字 "${code}" belongs to both ${codes.get(code)} and ${agency.name}`);
      codes.set(code, agency.name);
    }
  }
});

test('agencies: every informal and short name resolves to its agency; parents and successors exist; dates are ordered', () => {
  const index = shipped().agencies;
  for (const agency of SHIPPED_AGENCIES) {
    for (const name of agency.informal) assert.equal(index.find(name)?.agency, agency, name);
    for (const name of agency.short) assert.equal(index.find(name)?.form, 'short', name);
    for (const name of agency.shared ?? []) assert.ok(agency.informal.includes(name), `${agency.name}: shared ${name} is not one of its informal names`);
    if (agency.parent) assert.ok(index.byFormalName(agency.parent), `parent of ${agency.name}: ${agency.parent}`);
    if (agency.successor) assert.ok(index.byFormalName(agency.successor), `successor of ${agency.name}: ${agency.successor}`);
    if (agency.successor) assert.ok(agency.until, `${agency.name} has a successor but no until date`);
    for (const date of [agency.founded, agency.until]) if (date) assert.match(date, /^\d{4}(-\d{2}(-\d{2})?)?$/);
    if (agency.founded && agency.until) assert.ok(agency.founded.slice(0, 4) <= agency.until.slice(0, 4), `${agency.name}: founded after until`);
    if (agency.until) assert.match(agency.kind, /已撤销|已改组/, `${agency.name} has ended: its kind says so`);
  }
});

test('agencies: a successor took over when its predecessor ended (never before it was founded), and chains end at a current organ or a dead end', () => {
  const index = shipped().agencies;
  for (const agency of SHIPPED_AGENCIES.filter((entry) => entry.successor)) {
    const next = index.byFormalName(agency.successor!)!;
    if (next.founded) assert.ok(next.founded.slice(0, 4) <= agency.until!.slice(0, 4), `${agency.name} → ${next.name}: founded ${next.founded} after ${agency.until}`);
    if (next.until) assert.ok(next.until.slice(0, 4) >= agency.until!.slice(0, 4), `${agency.name} → ${next.name}: ended before taking over`);
    const chain = index.successors(agency);
    assert.ok(chain.length >= 1 && chain.length < 8, `${agency.name}: chain ${chain.map((entry) => entry.name).join(' → ')}`);
  }
});

test('agencies: the former and informal names of the reforms of 1998 to 2023 are recorded', () => {
  const index = shipped().agencies;
  const former: [string, string, string][] = [
    ['劳动和社会保障部', '2008', '中华人民共和国人力资源和社会保障部'],
    ['人事部', '2008', '中华人民共和国人力资源和社会保障部'],
    ['信息产业部', '2008', '中华人民共和国工业和信息化部'],
    ['国防科工委', '2008', '国家国防科技工业局'],
    ['建设部', '2008', '中华人民共和国住房和城乡建设部'],
    ['交通部', '2008', '中华人民共和国交通运输部'],
    ['铁道部', '2013-03', '中华人民共和国交通运输部'],
    ['卫生部', '2013', '中华人民共和国国家卫生和计划生育委员会'],
    ['国家计生委', '2003', '国家人口和计划生育委员会'],
    ['新闻出版总署', '2013', '国家新闻出版广电总局'],
    ['质检总局', '2018-04', '国家市场监督管理总局'],
    ['工商总局', '2018-04', '国家市场监督管理总局'],
    ['食品药品监管总局', '2018-04', '国家市场监督管理总局'],
    ['安全监管总局', '2018-04', '中华人民共和国应急管理部'],
    ['国家测绘局', '2011-05', '国家测绘地理信息局'],
    ['国家卫生计生委', '2018-03', '中华人民共和国国家卫生健康委员会'],
    ['银保监会', '2023-05-18', '国家金融监督管理总局'],
    ['国务院扶贫办', '2021-02-25', '国家乡村振兴局'],
    ['国家乡村振兴局', '2023', '中华人民共和国农业农村部'],
  ];
  for (const [name, until, successor] of former) {
    const agency = index.find(name)?.agency;
    assert.ok(agency, name);
    assert.equal(agency.until, until, name);
    assert.equal(agency.successor, successor, name);
  }
  const informal: [string, string][] = [['国家卫健委', '国家卫生健康委'], ['住建部', '住房城乡建设部'], ['人社部', '人力资源社会保障部'], ['国家发改委', '国家发展改革委'], ['央行', '人民银行'], ['国家市场监管总局', '市场监管总局']];
  for (const [name, preferred] of informal) {
    const hit = index.find(name);
    assert.equal(hit?.form, 'informal', name);
    assert.equal(index.preferredName(hit!.agency), preferred, name);
  }
  // Names that are still valid: kept as a second name plate by the organ that took the duties over.
  for (const name of ['国家海洋局', '国务院侨务办公室', '国家宗教事务局', '国家公务员局', '国家知识产权局', '国家外国专家局']) assert.equal(index.find(name)?.agency.until, undefined, name);
});

test('agencies: every 代字 of the former agency-codes.json is in the registry, with its organ', () => {
  const organs: [string, string][] = [
    ['法发', '最高人民法院'], ['法释', '最高人民法院'], ['高检发释字', '最高人民检察院'], ['厅字', '中国共产党中央委员会办公厅'], ['环发', '中华人民共和国生态环境部'],
    ['国土资发', '中华人民共和国国土资源部'], ['劳社部发', '中华人民共和国劳动和社会保障部'], ['劳部发', '中华人民共和国劳动部'], ['国税函', '国家税务总局'],
    ['国开办发', '国务院扶贫开发领导小组办公室'], ['外经贸管发', '中华人民共和国对外贸易经济合作部'], ['卫医政发', '中华人民共和国卫生部'], ['国阅', '国务院办公厅'],
    ['国食药监安', '国家食品药品监督管理局'], ['信部无', '中华人民共和国信息产业部'], ['学位办', '国务院学位委员会办公室'], ['国版发', '国家版权局'],
  ];
  const codes = shipped().codes;
  for (const [code, organ] of organs) assert.equal(codes.lookup(code)?.agency?.name, organ, code);
  assert.equal(codes.lookup('京发改')?.agency?.name, '北京市人民政府');
  assert.equal(codes.lookup('工信部联规')?.agency?.name, '中华人民共和国工业和信息化部');
});

test('代字 of frequent mined rows name their organ: the registry’s own codes (银保监发, 建金, 劳人险 of a former organ), a known 代字 extended by a kind ending (国发明电, 粤府办明电), a registered 代字’s stem, the organ’s name; only an organ of the years seen', () => {
  const codes = shipped().codes;
  const organ = (code: string) => codes.lookup(code)?.agency?.name ?? codes.lookup(code)?.agencyName;
  assert.equal(organ('银保监发'), '中国银行保险监督管理委员会');
  assert.equal(organ('国发明电'), '中华人民共和国国务院');
  assert.equal(organ('建金'), '中华人民共和国住房和城乡建设部');
  assert.equal(organ('建城'), '中华人民共和国住房和城乡建设部');
  assert.equal(organ('交基发'), '中华人民共和国交通部');
  assert.equal(organ('交海发'), '中华人民共和国交通运输部');
  assert.equal(organ('劳人险'), '中华人民共和国劳动人事部');
  // No registry code: the mined 粤府办 (its documents name 广东省人民政府办公厅) with 明电.
  assert.equal(organ('粤府办明电'), organ('粤府办'));
  assert.ok(organ('粤府办'));
  // The registry wins over the mined table's vote (its documents cite 国务院扶贫办 run on).
  assert.equal(organ('国开办发'), '国务院扶贫开发领导小组办公室');
  // 办发 tells the office of the organ: 闽委办发 is 闽委's (中共福建省委), whose 办公厅 issues it.
  assert.equal(organ('闽委办发'), organ('闽委'));
  // The stem of a registered 代字: 晋政 of 晋政发, 国人防 itself.
  assert.equal(organ('晋政办发'), '山西省人民政府');
  assert.equal(organ('国人防办字'), '国家人民防空办公室');
  // The organ's own name for a 代字, unless another organ's 代字 follows it.
  assert.equal(organ('中国人民银行公告'), '中国人民银行');
  // The miner leaves 国务院中发 (prose run into 中发) out; a table that holds it still names 中发's organ, not 国务院.
  assert.equal(organ('国务院中发'), undefined);
  const withProse = new CodeIndex(shipped().agencies, [{ code: '国务院中发', years: [1998, 1998], count: 1, example: '国务院中发〔1998〕10号', doc: 'ranxi-policy:x.txt' }], DOC_KINDS);
  assert.equal(withProse.lookup('国务院中发')?.agency?.name, '中国共产党中央委员会');
  // Only an organ that existed when the 代字 was seen: 国卫财务发 (2016) was 国家卫生计生委's, not 国家卫生健康委's (2018).
  assert.equal(organ('国卫财务发'), undefined);
  // A one-character stem is not enough: 粤卫 is the province's health department, not 广东省人民政府.
  assert.equal(organ('粤卫'), undefined);
});

/** Organs whose names (as the registry spells them) no document of the corpora uses: no real example yet. */
const WITHOUT_EXAMPLE = new Set(['国务院南水北调工程建设委员会办公室', '中央网络安全和信息化领导小组办公室', '中共中央直属机关工作委员会']);

test('agencies: every example sentence gets from agency-name what its entry expects, as a document of its date', () => {
  const service = createLanguageService({ locale: 'en', now: () => new Date('2026-11-23T00:00:00Z') });
  let count = 0;
  for (const agency of SHIPPED_AGENCIES) {
    const names = new Set([agency.name, ...agency.short, ...agency.informal]);
    // Every organ has a real example, but those listed above; a listed organ that gets one leaves the list.
    assert.equal((agency.examples ?? []).length > 0, !WITHOUT_EXAMPLE.has(agency.name), `${agency.name}: ${agency.examples?.length ?? 0} examples`);
    // historic: a former organ's name, right on that date; silent: a name the rule leaves alone for another reason (shared, foreign).
    for (const example of agency.examples ?? []) {
      count++;
      assert.ok(example.source.length > 4, `${agency.name}: example without a source`);
      assert.ok([...names].some((name) => example.text.includes(name)) && example.text.length <= 120, `${agency.name}: an example uses one of its names, in at most 120 characters: ${example.text}`);
      const [year, month, day] = example.date.split('-').map(Number);
      // 特此通知。 ends the body, so the 落款 date is read even after a cut line that ends without punctuation.
      const lines = ['关于做好有关工作的通知', '', '各有关单位：', `　　${example.text}`, '　　特此通知。', '', '某某单位', `${year}年${month}月${day}日`, ''];
      const text = lines.join('\n');
      const said = service
        .getDiagnostics(service.parse('file:///example.txt', text))
        .filter((d) => d.code === 'agency-name' && d.range.start.line === 3 && names.has(lines[3].slice(d.range.start.character, d.range.end.character)))
        .map((d) => (/informal name/.test(d.message as string) ? 'informal' : 'outdated'));
      const expected = example.expect === 'historic' || example.expect === 'silent' ? [] : [example.expect];
      assert.deepEqual([...new Set(said)], expected, `${agency.name} in ${example.date}: ${example.text}`);
    }
  }
  assert.ok(count >= SHIPPED_AGENCIES.length, `${count} examples`);
});

test('agencies: every agency named in the seeds is in the registry', () => {
  const index = shipped().agencies;
  const named = ['商务部', '中华人民共和国商务部', '国家发展改革委', '国家发改委', '国家乡村振兴局', '退役军人事务部', '共青团中央', '全国妇联', '中国科协', '中国残联',
    '全国工商联', '中央农办', '粮食和储备局', '国务院扶贫办', '国务院扶贫开发领导小组', '中央和国家机关工委', '党中央', '国务院', '新疆生产建设兵团'];
  for (const name of named) {
    assert.ok(seeds.includes(name), `${name} is not in the seeds (fix the test)`);
    assert.ok(index.find(name), `${name} is not in the registry`);
  }
  // 002 says 能源局 for the administration under the NDRC; the bare word is too common to be a name of its own.
  assert.ok(seeds.includes('能源局') && index.find('国家能源局'));
});

test('agencies: the 31 provincial-level governments, each with a 代字 and the province’s 简称 as 代字 prefix', () => {
  const provinces = SHIPPED_AGENCIES.filter((agency) => agency.kind === '省级人民政府');
  assert.equal(provinces.length, 31);
  for (const province of provinces) {
    assert.ok(province.codes.length >= 1, province.name);
    assert.equal(province.codePrefixes.length, 1, province.name);
  }
});

test('agencies: the renamed poverty office leads to the National Rural Revitalization Administration, then to the ministry', () => {
  const index = shipped().agencies;
  const office = index.find('国务院扶贫办')!.agency;
  assert.equal(office.until, '2021-02-25');
  assert.deepEqual(index.successors(office).map((next) => next.name), ['国家乡村振兴局', '中华人民共和国农业农村部']);
  assert.equal(index.byFormalName('国家乡村振兴局')!.founded, '2021-02-25');
});

test('terms: at least 500 (issue 11), each with a definition in both languages and a source; no alias shared', () => {
  assert.ok(SHIPPED_TERMS.length >= 500, `${SHIPPED_TERMS.length} terms`);
  const owners = new Map<string, string>();
  for (const term of SHIPPED_TERMS) {
    assert.ok(term.zh && term.en, `${term.term} lacks a definition`);
    assert.ok(term.source && term.source.length > 4, `${term.term} has no source`);
    for (const surface of [term.term, ...term.aliases]) {
      assert.ok(!owners.has(surface), `"${surface}" belongs to ${owners.get(surface)} and ${term.term}`);
      owners.set(surface, term.term);
    }
  }
});

test('terms: every term of the seeds is covered', () => {
  const terms = shipped().terms;
  const inSeeds = ['四个意识', '四个自信', '两个维护', '两个确立', '三个表率', '国之大者', '我为群众办实事', '三农', '新发展格局', '国内大循环', '国内国际双循环',
    '六稳', '六保', '十四五', '脱贫攻坚', '乡村振兴', '定点帮扶', '消费扶贫', '以工代赈', '易地扶贫搬迁', '区域全面经济伙伴关系协定', '全面与进步跨太平洋伙伴关系协定',
    '数字经济伙伴关系协定', '一带一路', '党史学习教育', '伟大建党精神', '脱贫攻坚精神', '全面从严治党', '供给侧结构性改革', '新发展理念', '广交会', '进博会', '经开区'];
  for (const surface of inSeeds) {
    assert.ok(seeds.includes(surface), `${surface} is not in the seeds (fix the test)`);
    assert.ok(terms.get(surface), `${surface} is not in the glossary`);
  }
  for (const abbreviation of ['RCEP', 'CPTPP', 'DEPA', '六稳六保', '双循环']) assert.ok(terms.get(abbreviation), abbreviation);
  assert.match(terms.get('四个意识')!.zh!, /政治意识.*大局意识.*核心意识.*看齐意识/);
});
