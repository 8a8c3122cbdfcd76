import { weekdayName, weekdayOf } from '../dates';
import type { Rule } from '../types';
import { dateEntries } from './dateEntries';
import { scalarSource, stringEdit, valueRange } from './frontMatterHelpers';

export const dateWeekday: Rule = {
  meta: {
    id: 'date-weekday',
    defaultSeverity: 'warning',
    description: {
      en: 'The weekday written in an RFC 2822 date must be the weekday of that date.',
      zh: 'RFC 2822 日期中写的星期几必须与该日期相符。',
    },
    messages: {
      wrongWeekday: {
        en: '{date} was a {actual}, not a {written}.',
        zh: '{date} 是 {actual}，不是 {written}。',
      },
    },
    fixable: true,
  },
  check({ doc, profile, report }) {
    for (const { entry, result } of dateEntries(doc, profile)) {
      if (!result.ok || !result.date.writtenWeekday) continue;
      const { year, month, day, writtenWeekday } = result.date;
      const actual = weekdayName(weekdayOf(year, month, day));
      if (writtenWeekday.index === weekdayOf(year, month, day)) continue;
      const source = scalarSource(doc, entry.valueNode);
      const edit = source && stringEdit(doc, source, writtenWeekday.start, writtenWeekday.end, actual);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      report({
        messageId: 'wrongWeekday',
        data: { date, actual, written: writtenWeekday.text },
        range: edit ? edit.range : valueRange(doc, entry),
        fix: edit && { title: { en: `Change the weekday to ${actual}`, zh: `将星期改为 ${actual}` }, edits: [edit] },
      });
    }
  },
};
