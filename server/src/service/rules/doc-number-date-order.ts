import { documentDate } from '../parse/documentDate';
import { quotedNumber } from '../parse/official';
import type { Rule } from '../types';

export const docNumberDateOrder: Rule = {
  meta: {
    id: 'doc-number-date-order',
    defaultSeverity: 'warning',
    description: {
      en: "A document's own 发文字号 cannot carry a year after its 成文日期 (or its front-matter date).",
      zh: '文件自身发文字号的年份不能晚于其成文日期（或前置元数据中的日期）的年份。',
    },
    messages: {
      after: {
        en: 'The 发文字号 "{number}" has the year {year}, after the document\'s date ({dateYear}).',
        zh: '发文字号“{number}”的年份 {year} 晚于文件日期的年份 {dateYear}。',
      },
    },
    fixable: false,
  },
  check({ doc, report }) {
    const number = doc.official.ownNumber;
    if (!number || number.year.value === null) return;
    // The own 落款 when it can be told; else the front-matter date, when the post is dated: a post
    // cannot be published before the document it carries was numbered.
    const date = doc.official.writtenDate ?? documentDate(doc);
    if (!date || number.year.value <= date.year) return;
    // Signed in December and numbered when issued in January: the usual turn of the year, not a fault.
    if (number.year.value === date.year + 1 && date.month === 12) return;
    report({
      messageId: 'after',
      data: { number: quotedNumber(number), year: number.year.value, dateYear: date.year },
      range: doc.lines.range(number.year.start, number.year.end),
    });
  },
};
