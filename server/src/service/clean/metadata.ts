/** Metadata of the header card: from the front matter, and from the lines of the body that are metadata. */
import { parseDate } from '../dates';
import type { PolicyDocument } from '../parse/document';
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

type BodyField = 'originalTitle' | 'editor' | 'source' | 'sourceUrl';

const FIELDS: [BodyField, RegExp][] = [
  ['originalTitle', /^原标题\s*[:：]\s*(.+)$/],
  ['editor', /^[（(]?责任编辑\s*[:：]\s*([^）)]+)[）)]?$/],
  ['source', /^[（(]?(?:文章|稿件|信息|新闻)?来源\s*[:：]\s*([^）)]+)[）)]?$/],
  ['sourceUrl', /^(https?:\/\/\S+)$/],
];

/** Which metadata a body paragraph is, if it is one: `原标题：…`, `责任编辑：…`, `来源：…`, `（文章来源：…）`, a bare source link. */
export function bodyMetadata(text: string): { field: BodyField; value: string } | null {
  const line = text.trim();
  if (line.includes('\n') || line.length > 200) return null;
  for (const [field, pattern] of FIELDS) {
    const match = pattern.exec(line);
    if (match) return { field, value: match[1].trim() };
  }
  return null;
}
