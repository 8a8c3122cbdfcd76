import { daysInMonth } from '../dates';
import type { Agency, AgencyIndex, NameHit } from '../knowledge';
import type { SurfaceMatch } from '../knowledge/surfaceIndex';
import { documentDate, type CalendarDate } from '../parse/documentDate';
import type { PolicyDocument } from '../parse/document';
import type { Report, Rule } from '../types';

/** Words that show a sentence tells the history of an agency, where its old name is right. */
const HISTORY_WORDS = /更名|改名|前身|挂牌|重组|组建|撤销|撤并|不再保留|不再单设|划入|并入|整合|改为|机构改革|时任|曾任/;
const YEAR = /((?:19|20)\d{2})(?=年|〕)/g;
const SENTENCE_END = /[。！？；\n]/;
const SENTENCE_LIMIT = 300;
/** A name followed by a few letters and a bracketed year is the 代字 of a 发文字号 (人社部发〔2019〕1号), not a name in prose. */
const DOC_NUMBER_AFTER = /^[\u3400-\u9fff]{0,6}\s*[〔[［(（【]\s*(?:19|20)\d{2}/;
/** Letters that make a word with a name's last letter: 国家财政部门 is not 国家财政部, 加强党的建设部署 has no 建设部. */
const WORD_AFTER: Record<string, string> = { 部: '门署分位件队落首', 局: '部面势限', 办: '法理', 会: '议员计', 委: '员托', 署: '名理' };

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (date: CalendarDate) => `${date.year}-${pad(date.month)}-${pad(date.day)}`;

/** The date the document speaks from: its 成文日期, else its front-matter date (documentDate). */
function dateOfDocument(doc: PolicyDocument): string | null {
  const written = doc.official.writtenDate;
  if (written && written.month >= 1 && written.month <= 12 && written.day >= 1 && written.day <= daysInMonth(written.year, written.month)) return isoDate(written);
  const date = documentDate(doc);
  return date && isoDate(date);
}

/** The sentence of the text around a span (at most a few hundred characters each way). */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < SENTENCE_LIMIT && !SENTENCE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < SENTENCE_LIMIT && !SENTENCE_END.test(text[to])) to++;
  return text.slice(from, to);
}

/** True where the text holds a name as such: not inside a longer word or a 发文字号. */
function standsAsName(text: string, match: SurfaceMatch<NameHit>): boolean {
  const after = text.slice(match.end, match.end + 16);
  if (after && WORD_AFTER[match.surface[match.surface.length - 1]]?.includes(after[0])) return false;
  return !DOC_NUMBER_AFTER.test(after);
}

/** Where an old name is right even in a later document: history told, a former agency, past years, its successor beside it. */
function tellsHistory(agency: Agency, chain: Agency[], text: string, match: SurfaceMatch<NameHit>): boolean {
  if (text[match.start - 1] === '原') return true;
  const sentence = sentenceAround(text, match.start, match.end);
  if (HISTORY_WORDS.test(sentence)) return true;
  if (chain.some((next) => [next.name, ...next.short].some((name) => sentence.includes(name)))) return true;
  const cutYear = Number(agency.until!.slice(0, 4));
  return [...sentence.matchAll(YEAR)].some((year) => Number(year[1]) < cutYear);
}

interface Finding {
  messageId: string;
  data: Record<string, string>;
  /** The name to put in its place, when that is certain. */
  replacement?: string;
}

/** A successor that was made from its predecessor when that one ended (a rename or a new organ built on it) can replace its name. */
const wholeSuccession = (agency: Agency, chain: Agency[]) => chain.every((next, i) => next.founded === (i === 0 ? agency : chain[i - 1]).until);

function findingFor(index: AgencyIndex, text: string, match: SurfaceMatch<NameHit>, dateOf: () => string | null): Finding | null {
  const { agency, form } = match.value;
  if (form === 'informal' && index.isLevelFree(match.surface)) return null;
  if (agency.until) {
    const date = dateOf();
    if (date && index.isOutdatedAt(agency, date)) {
      const chain = index.successionAt(agency, date);
      if (tellsHistory(agency, chain, text, match)) return null;
      const data = { name: match.surface, since: agency.until, date };
      if (chain.length === 0) return { messageId: 'ceased', data };
      const last = index.preferredName(chain[chain.length - 1]);
      const replacement = wholeSuccession(agency, chain) ? last : undefined;
      if (chain.length === 1) return { messageId: 'outdated', data: { ...data, successor: last }, replacement };
      const steps = chain.map((next, i) => `${(i === 0 ? agency : chain[i - 1]).until} ${index.preferredName(next)}`);
      return { messageId: 'outdatedChain', data: { ...data, chain: steps.join(' → ') }, replacement };
    }
  }
  if (form !== 'informal') return null;
  const formal = index.preferredName(agency);
  return { messageId: 'informal', data: { name: match.surface, formal }, replacement: formal };
}

/** `text` is the document text or its prose (same offsets); fixes are made only where the source holds the name as such. */
function checkText(doc: PolicyDocument, index: AgencyIndex, text: string, from: number, to: number, dateOf: () => string | null, report: (report: Report) => void): void {
  for (const match of index.scan(text, from, to)) {
    if (!standsAsName(text, match)) continue;
    const finding = findingFor(index, text, match, dateOf);
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
    // The date is looked up only when a former organ is named: most documents name none.
    let date: string | null | undefined;
    const dateOf = () => (date === undefined ? (date = dateOfDocument(doc)) : date);
    // The title is the one front-matter value checked: it is prose that readers see first.
    const title = doc.entry('title');
    if (title && typeof title.value === 'string') checkText(doc, index, doc.text, title.valueStart, title.valueEnd, dateOf, report);
    checkText(doc, index, doc.prose, doc.bodyStart, doc.prose.length, dateOf, report);
  },
};
