import { parseDate } from '../dates';
import type { Rule } from '../types';
import { dateEntries } from './dateEntries';
import { valueRange } from './frontMatterHelpers';

/** A date up to a day ahead of the clock is accepted: the writer's time zone may be ahead of ours. */
const GRACE_MS = 24 * 60 * 60 * 1000;
const DEFAULT_EARLIEST = '1949-10-01';

export const dateRange: Rule = {
  meta: {
    id: 'date-range',
    defaultSeverity: 'warning',
    description: {
      en: 'Dates must not be in the future (Jekyll skips future posts; in crawled news it is a typo or a time-zone slip) nor before a plausible earliest date.',
      zh: '日期不能晚于当前时间（Jekyll 不发布未来日期的文章；在抓取的新闻中通常是笔误或时区错误），也不能早于合理的最早日期。',
    },
    messages: {
      future: { en: '"{key}" is in the future: {value}.', zh: '“{key}”是未来的日期：{value}。' },
      tooOld: {
        en: '"{key}" is before {earliest}: {value}. Is the year right?',
        zh: '“{key}”早于 {earliest}：{value}。年份是否正确？',
      },
    },
    fixable: false,
    defaultOptions: { earliest: DEFAULT_EARLIEST },
  },
  check({ doc, profile, options, now, report }) {
    const earliestText = typeof options.earliest === 'string' ? options.earliest : DEFAULT_EARLIEST;
    const earliest = parseDate(earliestText);
    for (const { entry, text, result } of dateEntries(doc, profile)) {
      if (!result.ok) continue;
      const data = { key: entry.key, value: text.trim(), earliest: earliestText };
      if (result.date.time > now.getTime() + GRACE_MS) report({ messageId: 'future', data, range: valueRange(doc, entry) });
      else if (earliest.ok && result.date.time < earliest.date.time) report({ messageId: 'tooOld', data, range: valueRange(doc, entry) });
    }
  },
};
