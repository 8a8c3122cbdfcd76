import agencyNames from '../../../data/agency-names.json';
import { documentDate, type CalendarDate } from '../parse/documentDate';
import type { PolicyDocument } from '../parse/document';
import type { Report, Rule } from '../types';

/** One name in the table: informal (always flagged) or renamed / merged from `validUntil` on. */
export interface AgencyName {
  name: string;
  formal: string;
  kind: 'informal' | 'renamed' | 'merged';
  /** First day (YYYY-MM-DD) on which the name no longer applies. */
  validUntil?: string;
  /** The agency that took the name's place (`renamed`) or its duties (`merged`). */
  successor?: string;
  note: string;
  source: string;
}

const TABLE = agencyNames as AgencyName[];
const BY_NAME = new Map(TABLE.map((entry) => [entry.name, entry]));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest names first; `国家财政部门` ("national finance departments") is not `国家财政部`. */
const NAME_PATTERN = new RegExp(`(?:${[...BY_NAME.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?!门)`, 'g');
/** Words that show a sentence tells the history of an agency, where its old name is right. */
const HISTORY_WORDS = /更名|改名|前身|挂牌|重组|组建|撤销|不再保留|不再单设|划入|并入|改为|时任|曾任/;
const YEAR = /((?:19|20)\d{2})(?=年|〕)/g;
const SENTENCE_END = /[。！？；\n]/;
const SENTENCE_LIMIT = 300;

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (date: CalendarDate) => `${date.year}-${pad(date.month)}-${pad(date.day)}`;

/** The sentence of the text around an offset (at most a few hundred characters each way). */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < SENTENCE_LIMIT && !SENTENCE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < SENTENCE_LIMIT && !SENTENCE_END.test(text[to])) to++;
  return text.slice(from, to);
}

/** Where an old name is right even in a later document: history told, a former agency, past years. */
function isHistorical(entry: AgencyName, sentence: string, before: string): boolean {
  if (before === '原') return true;
  if (HISTORY_WORDS.test(sentence) || (entry.successor && sentence.includes(entry.successor))) return true;
  const cutYear = Number(entry.validUntil!.slice(0, 4));
  return [...sentence.matchAll(YEAR)].some((match) => Number(match[1]) < cutYear);
}

/** The entries an agency passed through up to the document's date, starting with `entry`. */
function successionAt(entry: AgencyName, date: string): AgencyName[] {
  const chain = [entry];
  for (let link = entry; link.successor && link.validUntil! <= date; ) {
    const next = BY_NAME.get(link.successor);
    if (!next || next.kind === 'informal' || !next.validUntil || next.validUntil > date || chain.includes(next)) break;
    chain.push(next);
    link = next;
  }
  return chain;
}

interface Finding {
  messageId: string;
  data: Record<string, string>;
  /** The name to put in its place, when that is certain. */
  replacement?: string;
}

function findingFor(entry: AgencyName, text: string, start: number, dateOf: () => CalendarDate | null): Finding | null {
  if (entry.kind === 'informal') return { messageId: 'informal', data: { name: entry.name, formal: entry.formal }, replacement: entry.formal };
  const date = dateOf();
  if (!date || isoDate(date) < entry.validUntil!) return null;
  if (isHistorical(entry, sentenceAround(text, start, start + entry.name.length), text[start - 1] ?? '')) return null;
  const chain = successionAt(entry, isoDate(date));
  const data = { name: entry.name, successor: entry.successor!, since: entry.validUntil!, date: isoDate(date) };
  if (chain.length > 1) {
    const last = chain[chain.length - 1];
    return { messageId: 'renamedThenMerged', data: { ...data, since2: last.validUntil!, final: last.successor! } };
  }
  return entry.kind === 'renamed' ? { messageId: 'renamed', data, replacement: entry.successor } : { messageId: 'merged', data };
}

/** `text` is the document text or its prose (same offsets); fixes are made only where the source holds the name as such. */
function checkText(doc: PolicyDocument, text: string, from: number, to: number, dateOf: () => CalendarDate | null, report: (report: Report) => void): void {
  for (const match of text.slice(from, to).matchAll(NAME_PATTERN)) {
    const entry = BY_NAME.get(match[0])!;
    const start = from + match.index;
    const finding = findingFor(entry, text, start, dateOf);
    if (!finding) continue;
    const range = doc.lines.range(start, start + entry.name.length);
    const { messageId, data, replacement } = finding;
    const fixable = replacement !== undefined && doc.text.startsWith(entry.name, start);
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
      en: 'Informal agency names, and names that were no longer right on the document\'s date, with the formal or current name.',
      zh: '机构名称不规范，或在文档日期时已更名、撤并，提示规范名称或现名称。',
    },
    messages: {
      informal: {
        en: '"{name}" is an informal name: the formal name is "{formal}".',
        zh: '“{name}”是不规范的简称，规范名称为“{formal}”。',
      },
      renamed: {
        en: '{name} was renamed {successor} on {since}; this document is dated {date}.',
        zh: '{name}已于 {since} 更名为{successor}，本文日期为 {date}。',
      },
      merged: {
        en: '{name} has not been a separate agency since {since}: its duties passed to {successor}; this document is dated {date}.',
        zh: '{name}自 {since} 起不再单设，职责划入{successor}；本文日期为 {date}。',
      },
      renamedThenMerged: {
        en: '{name} was renamed {successor} on {since}, which has not been a separate agency since {since2}: its duties passed to {final}; this document is dated {date}.',
        zh: '{name}已于 {since} 更名为{successor}，后者自 {since2} 起不再单设，职责划入{final}；本文日期为 {date}。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    // The date is looked up only when an old name is found: most documents have none.
    let date: CalendarDate | null | undefined;
    const dateOf = () => (date === undefined ? (date = documentDate(doc)) : date);
    // The title is the one front-matter value checked: it is prose that readers see first.
    const title = doc.entry('title');
    if (title && typeof title.value === 'string') checkText(doc, doc.text, title.valueStart, title.valueEnd, dateOf, report);
    checkText(doc, doc.prose, doc.bodyStart, doc.prose.length, dateOf, report);
  },
};
