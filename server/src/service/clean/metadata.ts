/** Metadata of the header card: from the front matter, and from the lines of the body that are metadata. */
import { parseDate } from '../dates';
import type { PolicyDocument } from '../parse/document';
import labelData from '../../../data/metadata-labels.json';
import type { CleanMeta } from './types';

const BEIJING_OFFSET_MS = 8 * 3600_000;

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(stringOf).filter((item): item is string => item !== undefined);
  const single = stringOf(value);
  return single === undefined ? [] : [single];
}

/** A front-matter date as `YYYY-MM-DD HH:mm:ss` in Beijing time; the text as written when it cannot be read. */
export function beijingTime(value: unknown): string | undefined {
  if (value instanceof Date) return formatBeijing(value.getTime());
  const text = stringOf(value);
  if (text === undefined) return undefined;
  const parsed = parseDate(text);
  return parsed.ok ? formatBeijing(parsed.date.time) : text;
}

function formatBeijing(time: number): string {
  return new Date(time + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export function frontMatterMeta(doc: PolicyDocument): CleanMeta {
  const value = (key: string) => doc.entry(key)?.value;
  const meta = { profile: doc.profile } as CleanMeta;
  const title = stringOf(value('title'));
  if (title !== undefined) meta.title = title;
  const date = beijingTime(value('date'));
  if (date !== undefined) meta.date = date;
  meta.categories = listOf(value('categories') ?? value('category'));
  meta.tags = listOf(value('tags') ?? value('tag'));
  const author = stringOf(value('author'));
  if (author !== undefined) meta.author = author;
  const source = stringOf(value('source'));
  if (source !== undefined) meta.source = source;
  return meta;
}

export type BodyField = 'originalTitle' | 'editor' | 'source' | 'sourceUrl' | 'date' | 'author';

const LABELS = new Map<string, BodyField>(Object.entries(labelData.fields as Record<BodyField, string[]>).flatMap(([field, labels]) => labels.map((label) => [label, field as BodyField])));
/** Labelled lines of the page itself (通知类型, 访问量): part of a metadata paragraph, shown nowhere. */
const PAGE_LABELS = new Set<string>(labelData.pageLabels);
/** `label：value`: `来源：新华社` (brackets around the whole, `（责任编辑：王翔）`, are taken off first). */
const LABELLED = /^([\u4e00-\u9fff]{1,6})\s*[:：]\s*(.*)$/;
const BRACKETED = /^[（(](.*)[）)]$/;
const BARE_URL = /^(https?:\/\/\S+)$/;
/** A by-line naming the paper an article was taken from, with its date and author: `摘自《中国建设报》2023.02.22 申雯雯`. */
const QUOTED_FROM = /^[（(]?(?:摘自|转自|摘编自|转载自)《([^《》\n]{1,30})》[\s\u3000]*[\d.\-/年月日]{0,12}[\s\u3000]*[\p{Script=Han}·]{0,8}[）)]?$/u;
/** A known label run on after the previous field's value, without a space: `日期:2023-01-2816:35来源:宜昌住房公积金中心`. */
const RUN_ON_LABELS = [...LABELS.keys(), ...labelData.pageLabels].sort((a, b) => b.length - a.length);
// A two-character label (来源, 日期) only after a non-Han character: inside 信息来源 or 发布日期 it is part of a longer label.
const RUN_ON_LABEL = new RegExp(
  `(?<=.)(?=(?:${RUN_ON_LABELS.filter((label) => label.length > 2).join('|')})[:：])|(?<=[^\\u4e00-\\u9fff])(?=(?:${RUN_ON_LABELS.filter((label) => label.length <= 2).join('|')})[:：])`,
);
/** Fields written side by side on one line: `来源：国务院办公厅　发布日期：2019-01-05`. */
const FIELD_SEPARATOR = /\s{2,}|\u3000+|\s*[|｜]\s*/;

export interface BodyMetadataField {
  field: BodyField;
  value: string;
}

/** The field a metadata label names (`原文链接` → sourceUrl), if it is one. */
export function bodyMetadataLabel(label: string): BodyField | undefined {
  return LABELS.get(label.trim());
}

/**
 * The metadata a body paragraph is, if it is only metadata: `原标题：…`, `（责任编辑：…）`, `来源：… 发布时间：…`
 * (one field a line or several side by side), a bare source link. `partial` lists the fields of a
 * paragraph that mixes known fields with other labelled lines (`通知类型：校内通知`).
 */
export function bodyMetadata(text: string): { fields: BodyMetadataField[]; complete: boolean } | null {
  const paragraph = text.trim();
  if (paragraph.length > 300) return null;
  const url = BARE_URL.exec(paragraph);
  if (url) return { fields: [{ field: 'sourceUrl', value: url[1] }], complete: true };
  const quoted = QUOTED_FROM.exec(paragraph);
  if (quoted) return { fields: [{ field: 'source', value: quoted[1] }], complete: true };
  const fields: BodyMetadataField[] = [];
  let complete = true;
  for (const line of paragraph.split('\n')) {
    for (const segment of line.trim().split(FIELD_SEPARATOR).flatMap((part) => part.replace(BRACKETED, '$1').trim().split(RUN_ON_LABEL))) {
      const match = LABELLED.exec(segment.replace(BRACKETED, '$1').trim());
      if (!match) return null;
      const field = LABELS.get(match[1]);
      if (field && match[2].trim() !== '') fields.push({ field, value: match[2].trim() });
      else if (!PAGE_LABELS.has(match[1])) complete = false;
    }
  }
  return fields.length > 0 ? { fields, complete } : null;
}
