import { documentDate } from '../parse/documentDate';
import { asciiDigits } from '../parse/numerals';
import { type DocNumber, isVerbatim, quotedNumber } from '../parse/official';
import type { PolicyDocument } from '../parse/document';
import type { Rule } from '../types';

/** The full year a two-digit one stands for, when the document's own year ends in those digits. */
function expandShortYear(doc: PolicyDocument, digits: string): number | null {
  const years = [doc.official.writtenDate?.year, documentDate(doc)?.year];
  return years.find((year) => year !== undefined && String(year).endsWith(digits)) ?? null;
}

function correctYear(doc: PolicyDocument, number: DocNumber): { messageId: string; fixed: string | null } | null {
  const { text, value } = number.year;
  if (/^[0-9]{4}$/.test(text)) return null;
  if (value !== null) return { messageId: /[0-9０-９]/.test(text) ? 'fullWidth' : 'chinese', fixed: String(value) };
  const digits = asciiDigits(text);
  if (digits.length === 2) {
    const year = expandShortYear(doc, digits);
    return { messageId: 'short', fixed: year === null ? null : String(year) };
  }
  return { messageId: 'short', fixed: null };
}

export const docNumberYear: Rule = {
  meta: {
    id: 'doc-number-year',
    defaultSeverity: 'warning',
    description: {
      en: 'The year of a 发文字号 is written in full with four Arabic digits (GB/T 9704-2012, 7.2.5).',
      zh: '发文字号中的年份应使用阿拉伯数字标全称（GB/T 9704-2012 第 7.2.5 条）。',
    },
    messages: {
      short: {
        en: 'The year "{year}" of the 发文字号 "{number}" is not written in full; use four digits.',
        zh: '发文字号“{number}”的年份“{year}”未标全称，应写四位年份。',
      },
      fullWidth: {
        en: 'The year "{year}" of the 发文字号 "{number}" has full-width digits; use {fixed}.',
        zh: '发文字号“{number}”的年份“{year}”使用了全角数字，应写作 {fixed}。',
      },
      chinese: {
        en: 'The year "{year}" of the 发文字号 "{number}" is in Chinese numerals; use {fixed}.',
        zh: '发文字号“{number}”的年份“{year}”使用了汉字数字，应写作 {fixed}。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    for (const number of doc.official.docNumbers) {
      const problem = correctYear(doc, number);
      if (!problem) continue;
      const { year } = number;
      const range = doc.lines.range(year.start, year.end);
      const canFix = problem.fixed !== null && isVerbatim(doc.text, doc.prose, year.start, year.end);
      report({
        messageId: problem.messageId,
        data: { number: quotedNumber(number), year: year.text, fixed: problem.fixed ?? '' },
        range,
        fix: canFix ? { title: { en: `Write the year as ${problem.fixed}`, zh: `年份改为 ${problem.fixed}` }, edits: [{ range, newText: problem.fixed! }] } : undefined,
      });
    }
  },
};
