import { daysInMonth } from '../dates';
import { documentDate } from '../parse/documentDate';
import { asciiDigits } from '../parse/numerals';
import { isVerbatim } from '../parse/official';
import type { Rule } from '../types';

/** This many dates on one line make it a table's row or column rather than a sentence. */
const TABLE_DATES = 3;

export const writtenDateFormat: Rule = {
  meta: {
    id: 'written-date-format',
    defaultSeverity: 'warning',
    description: {
      en: 'Dates are written with the year in full and without zero padding, e.g. 2020年3月11日 (GB/T 9704-2012, 7.3.5), and must exist.',
      zh: '日期应标全年份、月日不编虚位，如 2020年3月11日（GB/T 9704-2012 第 7.3.5 条），且必须是真实存在的日期。',
    },
    messages: {
      padded: {
        en: 'Do not pad month or day with zeros: write "{fixed}" instead of "{date}".',
        zh: '月、日不编虚位：“{date}”应写作“{fixed}”。',
      },
      shortYear: {
        en: 'The year of "{date}" is not written in full.',
        zh: '“{date}”的年份未标全称。',
      },
      impossible: {
        en: '"{date}" is not a real date.',
        zh: '“{date}”不是存在的日期。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const datesPerLine = new Map<number, number>();
    for (const date of doc.official.dates) {
      const line = doc.lines.positionAt(date.start).line;
      datesPerLine.set(line, (datesPerLine.get(line) ?? 0) + 1);
    }
    // A line of many dates is a flattened table (a 发布日期 column): its cells keep the source's form.
    const inTable = (date: { start: number }) =>
      date.start !== doc.official.writtenDate?.start && (datesPerLine.get(doc.lines.positionAt(date.start).line) ?? 0) >= TABLE_DATES;
    let ownYear: number | undefined | null = null;
    for (const date of doc.official.dates) {
      const month = date.month.value;
      const day = date.day.value;
      const range = doc.lines.range(date.start, date.end);
      const canEdit = isVerbatim(doc.text, doc.prose, date.start, date.end);
      if (date.year.text.length === 2) {
        if (ownYear === null) ownYear = doc.official.writtenDate?.year ?? documentDate(doc)?.year;
        const full = ownYear !== undefined && String(ownYear).endsWith(asciiDigits(date.year.text)) ? ownYear : null;
        const fixed = `${full}年${month}月${day}日`;
        report({
          messageId: 'shortYear',
          data: { date: date.text },
          range,
          fix: full !== null && canEdit ? { title: { en: `Write ${fixed}`, zh: `改为 ${fixed}` }, edits: [{ range, newText: fixed }] } : undefined,
        });
        continue;
      }
      const year = date.year.value;
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        report({ messageId: 'impossible', data: { date: date.text }, range });
        continue;
      }
      if ((asciiDigits(date.month.text).startsWith('0') || asciiDigits(date.day.text).startsWith('0')) && !inTable(date)) {
        const fixed = `${year}年${month}月${day}日`;
        report({
          messageId: 'padded',
          data: { date: date.text, fixed },
          range,
          fix: canEdit ? { title: { en: `Write ${fixed}`, zh: `改为 ${fixed}` }, edits: [{ range, newText: fixed }] } : undefined,
        });
      }
    }
  },
};
