import type { Rule } from '../types';
import { dateEntries } from './dateEntries';
import { valueRange } from './frontMatterHelpers';

export const dateFormat: Rule = {
  meta: {
    id: 'date-format',
    defaultSeverity: 'error',
    description: {
      en: 'Dates (date, updated) must be in a form Hexo and Jekyll read: RFC 2822, ISO 8601, YYYY-MM-DD [HH:mm[:ss]] [+0800] or YYYY/MM/DD, and must exist.',
      zh: '日期（date、updated）必须采用 Hexo 和 Jekyll 能读取的格式：RFC 2822、ISO 8601、YYYY-MM-DD [HH:mm[:ss]] [+0800] 或 YYYY/MM/DD，并且必须是真实存在的日期。',
    },
    messages: {
      unparseable: {
        en: '"{key}" is not a date policydoc can read: {value}. Use e.g. 2021-05-20 11:12:16 +0800 or Thu, 20 May 2021 03:12:16 GMT.',
        zh: '“{key}”不是可识别的日期：{value}。请使用如 2021-05-20 11:12:16 +0800 或 Thu, 20 May 2021 03:12:16 GMT 的格式。',
      },
      impossible: {
        en: '"{key}" is a date that does not exist: {value}.',
        zh: '“{key}”是一个不存在的日期：{value}。',
      },
    },
    fixable: false,
  },
  check({ doc, profile, report }) {
    for (const { entry, text, result } of dateEntries(doc, profile)) {
      if (result.ok) continue;
      report({ messageId: result.reason, data: { key: entry.key, value: text }, range: valueRange(doc, entry) });
    }
  },
};
