import { daysInMonth } from '../dates';
import type { Agency, AgencyIndex, NameHit } from '../knowledge';
import { firstDayAfter } from '../knowledge/agencyIndex';
import type { SurfaceMatch } from '../knowledge/surfaceIndex';
import { documentDate, writtenDateOf, type CalendarDate } from '../parse/documentDate';
import { asciiDigits, chineseNumber, chineseYear } from '../parse/numerals';
import type { PolicyDocument } from '../parse/document';
import type { Report, Rule } from '../types';

/** Words that show a sentence tells the history of an agency, where its old name is right (历任, 兼任: the posts of a biography). */
const HISTORY_WORDS = /更名|改名|前身|挂牌|重组|组建|撤销|撤并|不再保留|不再单设|划入|并入|整合|改为|机构改革|时任|曾任|历任|兼任/;
/** Dates in a sentence: 2018年3月5日, ２０１８年３月, 〔2018〕, 二〇〇二年十二月十日. */
const DATE = /([12１２][0-9０-９]{3})\s*(?:年\s*(?:([0-9０-９]{1,2})\s*月\s*(?:([0-9０-９]{1,2})\s*日)?)?|[〕﹞\]］])/g;
const CHINESE_DATE = /([一二][〇○零一二三四五六七八九]{3})\s*年(?:([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?)?/g;
const SENTENCE_END = /[。！？；\n]/;
/** The rest of a clause after an organ's name that cites a document of that organ or its past act: 建设部、民政部《…》, 工商总局令第26号, 国务院体改办等部门关于…, 卫生部印发的, 中央全面深化改革领导小组审议通过的. */
const CITES_DOCUMENT = /^[^，。；：！？\n]{0,40}?(?:《|〈|令第|关于|(?:印发|发布|制定|颁布|公布|下发|审议通过)的)/;
const SENTENCE_LIMIT = 300;
const TITLE_LIMIT = 200;
const FORWARDS = /转发|批转/;
/**
 * A document that narrates court cases (a 指导性案例 compilation, a judgment): it tells past events in
 * the names of their time (环境保护部明确…, …与国家工商行政管理总局商标评审委员会…纠纷案), and its date is
 * that of the compilation, not of the events. Known by its title or by the headings of a case.
 */
const CASE_TITLE = /案例|判决书|裁定书/;
const CASE_HEADING = /^[\s#【]*(?:基本案情|案情简介|案件事实|审理查明|裁判要点|裁判理由|裁判结果)/m;
/**
 * The header of a table of approval items that gives each one's legal basis (序号 项目名称 … 设定依据 …),
 * a line of cells, not a sentence: below it, organ names are those of the cited rules and of their
 * articles (2004年建设部令第125号, （信息产业部令2001年第16号）), flattened into lines that are not prose.
 */
const LEGAL_BASIS_HEADER = /^[^，。\n]*(?:设定依据|实施依据|审批依据)[^，。\n]*$/m;
/** 令 right after a name: a rule the organ issued, with its year before the name (（2012年建设部令) or after 令 (信息产业部令2001年第16号). */
const RULE_AFTER = /^\s*令\s*(?:([12１２][0-9０-９]{3})\s*年)?/;
const YEAR_BEFORE = /([12１２][0-9０-９]{3})\s*年\s*$/;
/** A body whose department a name is (霍尼韦尔公司人事部, 某大学人事部): then every later bare use of the name is that department too. */
const BODY_BEFORE = /(?:公司|集团|银行|大学|学院|学校|医院|中心|协会|学会|研究院|研究所|工厂|报社|电视台|事务所)$/;
/** A name ending in 部 in a list of levels (建设部、省、校联通: 建设 + 部、省、校) is no organ. */
const LEVEL_LIST_AFTER = /^、[省市县区乡村校]、/;
/** A title the organ conferred in its time (卫生部有突出贡献中青年专家) keeps its name. */
const TITLE_CONFERRED_AFTER = /^(?:有突出贡献|授予)/;
/**
 * An office or institution named after its organ (银监会海南监管局, 农业部植物新品种测试中心): it kept
 * the name for a time after the organ changed, or is named as it was then.
 */
const OFFICE_AFTER = /^[\u3400-\u9fff]{0,10}?(?:监管(?:分)?局|中心|研究[所院室]|学院|大学|医院|学校|出版社|杂志社|报社)/;
/** The lines of a 落款 after its first line of names: more names, then the date. */
const SIGNATURE_LINES = 4;
/**
 * A name followed by a few letters and a bracketed year, or by a number and 号, is the 代字 of a
 * 发文字号 (人社部发〔2019〕1号, 国办发﹝2010﹞15号, 国办80号文件) or part of a case number
 * (（2019）最高法民终123号), not a name in prose; text extracted from a PDF may have a space inside the year
 * (国办发 〔２０ ０４〕３０号). A 令 number (建设部令第12号) names the organ: see RULE_AFTER.
 */
const DOC_NUMBER_AFTER = /^(?!\s*令)\s*[\u3400-\u9fff]{0,6}\s*(?:[〔[［(（【﹝〖]\s*[12１２](?:[^\S\n]*[0-9０-９]){3}|[0-9０-９×Xx]+\s*号)/;
/** Letters that make a word with a name's last letter: 国家财政部门 is not 国家财政部, 加强党的建设部署 has no 建设部, 集中办公 no 中办. */
const WORD_AFTER: Record<string, string> = { 部: '门署分位件队落首际级', 局: '部面势限', 办: '法理公学案事好证结件实', 法: '院律', 检: '察', 会: '议员计', 委: '员托', 署: '名理' };
/**
 * Letters before a name without a level word (国家, 中央 …) that make it another organ's: the last
 * letter of a foreign country (美国农业部, 日本, 苏丹, 澳大利亚, 欧洲) or of an organ it is a department of (联勤部卫生部).
 */
const OTHER_ORGAN_BEFORE = '国本亚大兰斯度南坡丹及朗克列西非典麦利尔哥洲部';
const LEVEL_WORD = /^(?:国家|国务院|中国|中华|中央|中共|全国|最高)/;
/** Letters that make a word with the first letter of a two-letter name (中办, 国办, 央行): 集中办公, 高中办学, 中央行政, 依法治国办. */
const WORD_BEFORE: Record<string, string> = { 中: '集高初其空心当期途暗居从网', 央: '中', 国: '治全各我本外两强爱报建开出回祖' };

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (date: CalendarDate) => `${date.year}-${pad(date.month)}-${pad(date.day)}`;

/** The document's title: its front-matter title, else its first line. */
function titleOf(doc: PolicyDocument): string {
  const title = doc.entry('title')?.value;
  if (typeof title === 'string') return title;
  const start = doc.prose.slice(doc.bodyStart).search(/\S/);
  if (start < 0) return '';
  const from = doc.bodyStart + start;
  const end = doc.prose.indexOf('\n', from);
  return doc.prose.slice(from, end < 0 ? undefined : Math.min(end, from + TITLE_LIMIT));
}

/**
 * The date the document speaks from: its 成文日期, else its front-matter date (documentDate); none
 * for a document that forwards another (转发, 批转 in its title), whose text is mostly the forwarded
 * document's, written before, and none for one that narrates court cases, whose events came before.
 */
function dateOfDocument(doc: PolicyDocument): string | null {
  const title = titleOf(doc);
  if (FORWARDS.test(title) || CASE_TITLE.test(title) || CASE_HEADING.test(doc.prose.slice(doc.bodyStart))) return null;
  const date = writtenDateOf(doc) ?? documentDate(doc);
  return date && isoDate(date);
}

const fullwidthNumber = (digits: string) => Number(asciiDigits(digits));
const chineseNumberOrNone = (numeral: string | undefined) => (numeral ? (chineseNumber(numeral) ?? undefined) : undefined);

/** The last day (YYYY-MM-DD) of a day, a month or a year. */
function lastDay(year: number, month?: number, day?: number): string {
  if (!month || month < 1 || month > 12) return `${year}-12-31`;
  const days = daysInMonth(year, month);
  return `${year}-${pad(month)}-${pad(day && day <= days ? day : days)}`;
}

/** The last day of each period a text names: 2018年3月5日, ２０１８年３月, 〔2018〕, 二〇〇二年十二月十日. */
function datesIn(text: string): string[] {
  const arabic = [...text.matchAll(DATE)].map((m) => lastDay(fullwidthNumber(m[1]), m[2] ? fullwidthNumber(m[2]) : undefined, m[3] ? fullwidthNumber(m[3]) : undefined));
  const chinese = [...text.matchAll(CHINESE_DATE)].map((m) =>
    lastDay(chineseYear(m[1])!, chineseNumberOrNone(m[2]), chineseNumberOrNone(m[3])),
  );
  return [...arabic, ...chinese];
}

/** Where the sentence around a span starts and ends (at most a few hundred characters each way). */
function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < SENTENCE_LIMIT && !SENTENCE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < SENTENCE_LIMIT && !SENTENCE_END.test(text[to])) to++;
  return [from, to];
}

/** Up to `length` letters before `start`, line breaks and spaces left out (a name broken over two lines). */
function lettersBefore(text: string, start: number, length: number): string {
  let letters = '';
  for (let at = start - 1; at >= 0 && letters.length < length; at--) if (!/\s/.test(text[at])) letters = text[at] + letters;
  return letters;
}

/**
 * True where the text holds a name as such: not inside a longer word (国家财政部门, 集中办公), a
 * foreign organ (美国农业部, 欧洲央行), the end of a longer name broken by a line (住房和\n城乡建设部) or
 * the 代字 of a 发文字号.
 */
function standsAsName(index: AgencyIndex, text: string, match: SurfaceMatch<NameHit>): boolean {
  const { surface } = match;
  const before = text[match.start - 1];
  if (surface.length === 2 && before && WORD_BEFORE[surface[0]]?.includes(before)) return false;
  if (before && OTHER_ORGAN_BEFORE.includes(before) && !LEVEL_WORD.test(surface)) return false;
  const after = text.slice(match.end, match.end + 16);
  if (after && WORD_AFTER[surface[surface.length - 1]]?.includes(after[0])) return false;
  if (DOC_NUMBER_AFTER.test(after) || LEVEL_LIST_AFTER.test(after)) return false;
  const letters = lettersBefore(text, match.start, index.maxNameLength - surface.length);
  for (let length = 1; length <= letters.length; length++) if (index.find(letters.slice(-length) + surface)) return false;
  return true;
}

/** True for a line that holds only names of organs (the 落款 of a cited document: 国务院体改办　科技部　财政部). */
function isSignatureLine(index: AgencyIndex, line: string): boolean {
  let rest = line;
  for (const name of index.scan(line)) rest = rest.replace(name.surface, '');
  return rest.replace(/[\s、，,]/g, '').length === 0;
}

/** The sentence around a name; for a line of names alone, the lines after it too, where the cited document's date is. */
function contextOf(index: AgencyIndex, text: string, match: SurfaceMatch<NameHit>): { from: number; context: string } {
  const [from, to] = sentenceBounds(text, match.start, match.end);
  const lineStart = text.lastIndexOf('\n', match.start - 1) + 1;
  const lineEnd = text.indexOf('\n', match.end);
  if (!isSignatureLine(index, text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd))) return { from, context: text.slice(from, to) };
  let end = to;
  for (let lines = 0; lines < SIGNATURE_LINES && end < text.length; lines++) {
    const next = text.indexOf('\n', end + 1);
    end = next === -1 ? text.length : next;
  }
  return { from, context: text.slice(from, end) };
}

/** Where an old name is right even in a later document: history told, a former agency or post (原…, …原局长), a document it issued, one of its offices, an earlier date, its successor beside it. */
function tellsHistory(index: AgencyIndex, agency: Agency, chain: Agency[], text: string, match: SurfaceMatch<NameHit>): boolean {
  if (text[match.start - 1] === '原' || text[match.end] === '原') return true;
  const after = text.slice(match.end, match.end + 60);
  if (CITES_DOCUMENT.test(after) || OFFICE_AFTER.test(after) || TITLE_CONFERRED_AFTER.test(after)) return true;
  const { from, context } = contextOf(index, text, match);
  const opening = text.slice(from, match.start);
  if (opening.split('《').length > opening.split('》').length) return true;
  if (HISTORY_WORDS.test(context)) return true;
  if (chain.some((next) => [next.name, ...next.short].some((name) => context.includes(name)))) return true;
  const changed = firstDayAfter(agency.until!);
  return datesIn(context).some((date) => date < changed);
}

interface Finding {
  messageId: string;
  data: Record<string, string>;
  /** The name to put in its place, when that is certain. */
  replacement?: string;
}

/**
 * The year of the rule a name cites as its issuer (（2012年建设部令, 信息产业部令2001年第16号): null for a
 * rule without its year (建设部令第125号), undefined where the name cites no rule.
 */
function yearOfRule(text: string, match: SurfaceMatch<NameHit>): number | null | undefined {
  const rule = RULE_AFTER.exec(text.slice(match.end, match.end + 12));
  if (!rule) return undefined;
  const year = rule[1] ?? YEAR_BEFORE.exec(text.slice(Math.max(0, match.start - 8), match.start))?.[1];
  return year ? fullwidthNumber(year) : null;
}

/** What the rule needs to know of the document around a name, each looked up once and only when a former organ is named. */
interface DocumentView {
  /** The date the document speaks from (dateOfDocument). */
  date(): string | null;
  /** True for an offset inside a table of approval items and their legal bases (LEGAL_BASIS_HEADER). */
  inLegalBasisTable(at: number): boolean;
}

function viewOf(doc: PolicyDocument): DocumentView {
  let date: string | null | undefined;
  let tableStart: number | undefined;
  return {
    date: () => (date === undefined ? (date = dateOfDocument(doc)) : date),
    inLegalBasisTable(at) {
      if (tableStart === undefined) {
        const header = LEGAL_BASIS_HEADER.exec(doc.prose.slice(doc.bodyStart));
        tableStart = header ? doc.bodyStart + header.index : Infinity;
      }
      return at >= tableStart;
    },
  };
}

/**
 * True where a former organ's name is right or no organ's name in a document dated after the organ
 * ended: a rule it issued while it stood (a rule dated after it ended is a slip), a cell of a table
 * of legal bases, or history told around it.
 */
function rightInItsTime(index: AgencyIndex, agency: Agency, chain: Agency[], text: string, match: SurfaceMatch<NameHit>, view: DocumentView): boolean {
  const ruleYear = yearOfRule(text, match);
  if (ruleYear !== undefined) return ruleYear === null || `${ruleYear}-01-01` < firstDayAfter(agency.until!);
  return view.inLegalBasisTable(match.start) || tellsHistory(index, agency, chain, text, match);
}

/** True where the document defines the name as its own short name (（以下简称环保部）, 简称“环保部”): it is then the document's word. */
const definesShortName = (text: string, name: string) => ['', '“', '"', '「'].some((quote) => text.includes(`简称${quote}${name}`));

/** A successor that was made from its predecessor when that one ended (a rename or a new organ built on it) can replace its name. */
const wholeSuccession = (agency: Agency, chain: Agency[]) => chain.every((next, i) => next.founded === (i === 0 ? agency : chain[i - 1]).until);

function findingFor(index: AgencyIndex, text: string, match: SurfaceMatch<NameHit>, view: DocumentView): Finding | null {
  const { agency, form } = match.value;
  if (form === 'informal' && index.isShared(match.surface)) return null;
  if (agency.until) {
    const date = view.date();
    if (date && index.isOutdatedAt(agency, date)) {
      const chain = index.successionAt(agency, date);
      if (rightInItsTime(index, agency, chain, text, match, view)) return null;
      const data = { name: match.surface, since: agency.until, date };
      if (chain.length === 0) return { messageId: 'ceased', data };
      const last = index.preferredName(chain[chain.length - 1]);
      const replacement = wholeSuccession(agency, chain) ? last : undefined;
      if (chain.length === 1) return { messageId: 'outdated', data: { ...data, successor: last }, replacement };
      const steps = chain.map((next, i) => `${(i === 0 ? agency : chain[i - 1]).until} ${index.preferredName(next)}`);
      return { messageId: 'outdatedChain', data: { ...data, chain: steps.join(' → ') }, replacement };
    }
  }
  if (form !== 'informal' || definesShortName(text, match.surface)) return null;
  const formal = index.preferredName(agency);
  return { messageId: 'informal', data: { name: match.surface, formal }, replacement: formal };
}

/** `text` is the document text or its prose (same offsets); fixes are made only where the source holds the name as such. */
function checkText(doc: PolicyDocument, index: AgencyIndex, text: string, from: number, to: number, view: DocumentView, report: (report: Report) => void): void {
  // Names the text has shown to be a body's department (霍尼韦尔公司人事部): later bare uses are that department.
  const departments = new Set<string>();
  for (const match of index.scan(text, from, to)) {
    // Most names met are names of current organs in a form that is right: nothing to look at around them.
    const { agency, form } = match.value;
    if (!agency.until && form !== 'informal') continue;
    if (BODY_BEFORE.test(lettersBefore(text, match.start, 4))) departments.add(match.surface);
    if (departments.has(match.surface) || !standsAsName(index, text, match)) continue;
    const finding = findingFor(index, text, match, view);
    if (!finding) continue;
    const range = doc.lines.range(match.start, match.end);
    const { messageId, data, replacement } = finding;
    const fixable = replacement !== undefined && doc.text.startsWith(match.surface, match.start);
    report({
      messageId,
      data,
      range,
      ...(fixable ? { fix: { title: { en: `Replace with "${replacement}"`, zh: `改为“${replacement}”` }, edits: [{ range, newText: replacement }] } } : {}),
    });
  }
}

export const agencyName: Rule = {
  meta: {
    id: 'agency-name',
    defaultSeverity: 'info',
    description: {
      en: 'Informal agency names, and names of organs that were renamed or abolished before the document\'s date, with the formal or current name.',
      zh: '机构名称不规范，或在文档日期前已更名、撤并，提示规范名称或承接机构。',
    },
    messages: {
      informal: {
        en: '"{name}" is an informal name: the formal name is "{formal}".',
        zh: '“{name}”是不规范的简称，规范名称为“{formal}”。',
      },
      outdated: {
        en: '{name} was renamed or merged as of {since}: {successor} took over. This document is dated {date}.',
        zh: '{name}自 {since} 起已撤销或更名，由{successor}承接；本文日期为 {date}。',
      },
      outdatedChain: {
        en: '{name} was renamed or merged as of {since}; its successors: {chain}. This document is dated {date}.',
        zh: '{name}自 {since} 起已撤销或更名，其后依次为：{chain}。本文日期为 {date}。',
      },
      ceased: {
        en: '{name} was abolished as of {since}. This document is dated {date}.',
        zh: '{name}自 {since} 起已撤销；本文日期为 {date}。',
      },
    },
    fixable: true,
  },
  check({ doc, knowledge, report }) {
    const index = knowledge.agencies;
    // The date and the tables are looked up only when a former organ is named: most documents name none.
    const view = viewOf(doc);
    // The title is the one front-matter value checked: it is prose that readers see first.
    const title = doc.entry('title');
    if (title && typeof title.value === 'string') checkText(doc, index, doc.text, title.valueStart, title.valueEnd, view, report);
    checkText(doc, index, doc.prose, doc.bodyStart, doc.prose.length, view, report);
  },
};
