import type { TextEdit } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import type { PolicyDocument } from '../parse/document';
import type { FrontMatterEntry } from '../parse/frontMatter';
import { keyTypeOf, type KeyType } from '../profiles';
import type { Fix, Rule } from '../types';
import { valueRange } from './frontMatterHelpers';

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringList = (value: unknown) => Array.isArray(value) && value.every(isString);

const ACCEPTS: Record<KeyType, (value: unknown) => boolean> = {
  string: isString,
  date: isString,
  url: isString,
  boolean: (value) => typeof value === 'boolean',
  number: (value) => typeof value === 'number',
  // Hexo also takes nested lists in categories: one list per category hierarchy.
  'string-or-list': (value) => isString(value) || (Array.isArray(value) && value.every((item) => isString(item) || isStringList(item))),
  'url-list': (value) => isString(value) || isStringList(value),
  'boolean-or-number': (value) => typeof value === 'boolean' || typeof value === 'number',
  any: () => true,
};

const MESSAGE_OF: Record<Exclude<KeyType, 'any'>, string> = {
  string: 'notText',
  date: 'notDate',
  url: 'notUrl',
  boolean: 'notBoolean',
  number: 'notNumber',
  'string-or-list': 'notStringOrList',
  'url-list': 'notUrlList',
  'boolean-or-number': 'notBooleanOrNumber',
};

/** Strings that YAML 1.1 (Jekyll's Ruby parser) reads as booleans, but YAML 1.2 (Hexo's js-yaml) keeps as strings. */
const BOOLEAN_WORDS: Record<string, boolean> = { true: true, yes: true, on: true, false: false, no: false, off: false };
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const PREVIEW_LENGTH = 40;

/** The value's source on one line, shortened, for messages. */
function preview(doc: PolicyDocument, entry: FrontMatterEntry): string {
  const text = doc.text.slice(entry.valueStart, entry.valueEnd).trim();
  const firstLine = text.split(/\r?\n|\r/)[0];
  return firstLine.length > PREVIEW_LENGTH || firstLine !== text ? `${firstLine.slice(0, PREVIEW_LENGTH)}…` : firstLine;
}

/** Replaces a one-line scalar value by `newText`, or nothing when the value is not such a scalar. */
function replaceScalar(doc: PolicyDocument, entry: FrontMatterEntry, newText: string, title: Fix['title']): Fix | undefined {
  const source = doc.text.slice(entry.valueStart, entry.valueEnd);
  if (!isScalar(entry.valueNode) || /[\r\n]/.test(source)) return undefined;
  const edit: TextEdit = { range: valueRange(doc, entry), newText };
  return { title, edits: [edit] };
}

export const keyType: Rule = {
  meta: {
    id: 'key-type',
    defaultSeverity: 'error',
    description: {
      en: 'Each front-matter key must have the type its profile declares (text, date, boolean, URL, list…).',
      zh: '前置元数据中每个键的值都必须符合文档类型声明的类型（文本、日期、布尔值、URL、列表等）。',
    },
    messages: {
      notText: { en: '"{key}" must be text, but {value} is not read as text; put it in quotes.', zh: '“{key}”的值应为文本，但 {value} 不会被读作文本；请加上引号。' },
      notDate: { en: '"{key}" must be a date written as text (e.g. 2021-05-20 10:00:00); {value} is not.', zh: '“{key}”的值应为以文本书写的日期（如 2021-05-20 10:00:00）；{value} 不是。' },
      notUrl: { en: '"{key}" must be a URL; {value} is not text.', zh: '“{key}”的值应为 URL；{value} 不是文本。' },
      notBoolean: { en: '"{key}" must be true or false; {value} is not.', zh: '“{key}”的值应为 true 或 false；{value} 不是。' },
      boolAsString: {
        en: '"{key}" must be the boolean {fixed}, not the text {value}: Hexo reads any non-empty text as true.',
        zh: '“{key}”应为布尔值 {fixed}，而不是文本 {value}：Hexo 会把任何非空文本当作 true。',
      },
      notNumber: { en: '"{key}" must be a number; {value} is not.', zh: '“{key}”的值应为数字；{value} 不是。' },
      numberAsString: { en: '"{key}" must be the number {fixed}, not the text {value}.', zh: '“{key}”应为数字 {fixed}，而不是文本 {value}。' },
      notStringOrList: { en: '"{key}" must be text or a list of texts; {value} is neither.', zh: '“{key}”的值应为文本或文本列表；{value} 都不是。' },
      notUrlList: { en: '"{key}" must be a list of URLs; {value} is not.', zh: '“{key}”的值应为 URL 列表；{value} 不是。' },
      notBooleanOrNumber: { en: '"{key}" must be true, false or a number; {value} is none of them.', zh: '“{key}”的值应为 true、false 或数字；{value} 都不是。' },
    },
    fixable: true,
  },
  check({ doc, profile, report }) {
    for (const entry of doc.frontMatter?.entries ?? []) {
      const type = keyTypeOf(profile, entry.key);
      const { value } = entry;
      // Null is required-key's business; undefined is a value YAML could not load (yaml-syntax).
      if (!type || type === 'any' || value === null || value === undefined || ACCEPTS[type](value)) continue;
      const data = { key: entry.key, value: preview(doc, entry) };
      const range = valueRange(doc, entry);
      const wantsBoolean = type === 'boolean' || type === 'boolean-or-number';
      const wantsNumber = type === 'number' || type === 'boolean-or-number';
      if (wantsBoolean && isString(value) && value.trim().toLowerCase() in BOOLEAN_WORDS) {
        const fixed = String(BOOLEAN_WORDS[value.trim().toLowerCase()]);
        const fix = replaceScalar(doc, entry, fixed, { en: `Write ${fixed}`, zh: `改为 ${fixed}` });
        report({ messageId: 'boolAsString', data: { ...data, fixed }, range, fix });
      } else if (wantsNumber && isString(value) && NUMBER.test(value.trim())) {
        const fixed = String(Number(value.trim()));
        const fix = replaceScalar(doc, entry, fixed, { en: `Write ${fixed}`, zh: `改为 ${fixed}` });
        report({ messageId: 'numberAsString', data: { ...data, fixed }, range, fix });
      } else if ((type === 'string' || type === 'string-or-list') && (typeof value === 'number' || typeof value === 'boolean')) {
        const quoted = `'${doc.text.slice(entry.valueStart, entry.valueEnd).trim()}'`;
        const fix = replaceScalar(doc, entry, quoted, { en: `Quote: ${quoted}`, zh: `加引号：${quoted}` });
        report({ messageId: 'notText', data, range, fix });
      } else {
        report({ messageId: MESSAGE_OF[type], data, range });
      }
    }
  },
};
