import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SHIPPED_AGENCIES, SHIPPED_TERMS, shipped } from '../../server/src/service/knowledge';

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

test('agencies: every informal and short name resolves to its agency; parents and successors exist', () => {
  const index = shipped().agencies;
  for (const agency of SHIPPED_AGENCIES) {
    for (const name of agency.informal) assert.equal(index.find(name)?.agency, agency, name);
    for (const name of agency.short) assert.equal(index.find(name)?.form, 'short', name);
    if (agency.parent) assert.ok(index.byFormalName(agency.parent), `parent of ${agency.name}: ${agency.parent}`);
    if (agency.successor) assert.ok(index.byFormalName(agency.successor), `successor of ${agency.name}: ${agency.successor}`);
    if (agency.successor) assert.ok(agency.until, `${agency.name} has a successor but no until date`);
    for (const date of [agency.founded, agency.until]) if (date) assert.match(date, /^\d{4}(-\d{2}(-\d{2})?)?$/);
  }
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

test('agencies: the 31 provincial-level governments, each with a 代字', () => {
  const provinces = SHIPPED_AGENCIES.filter((agency) => agency.kind === '省级人民政府');
  assert.equal(provinces.length, 31);
  for (const province of provinces) assert.equal(province.codes.length, 1, province.name);
});

test('agencies: the renamed poverty office leads to the National Rural Revitalization Administration, then to the ministry', () => {
  const index = shipped().agencies;
  const office = index.find('国务院扶贫办')!.agency;
  assert.equal(office.until, '2021-02-25');
  assert.deepEqual(index.successors(office).map((next) => next.name), ['国家乡村振兴局', '中华人民共和国农业农村部']);
  assert.equal(index.byFormalName('国家乡村振兴局')!.founded, '2021-02-25');
});

test('terms: at least 60, each with a definition in both languages and a source; no alias shared', () => {
  assert.ok(SHIPPED_TERMS.length >= 60, `${SHIPPED_TERMS.length} terms`);
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

test('agency-name table agrees with the registry: every flagged name and every formal name it suggests is a name of that agency', async () => {
  const { default: table } = await import('../../server/data/agency-names.json', { with: { type: 'json' } });
  const index = shipped().agencies;
  for (const entry of table as { name: string; formal: string; successor?: string }[]) {
    const flagged = index.find(entry.name);
    const formal = index.find(entry.formal);
    assert.ok(formal, `registry lacks "${entry.formal}" (suggested for ${entry.name})`);
    if (flagged) assert.equal(flagged.agency, formal.agency, `"${entry.name}" and "${entry.formal}" are different agencies in the registry`);
    if (entry.successor) assert.ok(index.find(entry.successor), `registry lacks successor "${entry.successor}" of ${entry.name}`);
  }
});
