import { fullWidthDates, type FullWidthSpan } from '../parse/fullWidthDates';
import { asciiDigits } from '../parse/numerals';
import { isVerbatim } from '../parse/official';
import { proseParagraphs } from '../parse/paragraphs';
import type { Rule } from '../types';

/**
 * A date or part of one (`２０２５年`, `２０２２年３月`, `2022年１２月`, `３０日`), or else a number, with its
 * decimal point and thousands separators (`２．７`, `２９，８２１，０００`); reported when it has a full-width digit.
 * A list item's number before a date is not a decimal point: `１．２００３年７月前` is `１` and `２００３年７月`.
 */
const FULLWIDTH_NUMBER =
  /(?<![0-9０-９])[0-9０-９]{2,4}年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?|(?<![0-9０-９])[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?|(?<![0-9０-９])[0-9０-９]{1,2}日|[０-９]+(?:．[０-９]+(?![０-９年月日])|(?:，[０-９]{3})+(?![０-９]))?/g;
const ASCII_SEPARATOR: Record<string, string> = { '．': '.', '，': ',' };
/**
 * The digits of a 发文字号 (`〔２０２１〕５号`) are the doc-number rules' to report, those of a whole date
 * (`２０２１年３月５日`) lookalike-characters': a number inside 〔〕 or before 号, and a span overlapping a
 * whole date, are left alone.
 */
const DOC_NUMBER_AFTER = /^[号〕]/;
const DOC_NUMBER_BEFORE = /〔$/;

export const fullwidthDigits: Rule = {
  meta: {
    id: 'fullwidth-digits',
    defaultSeverity: 'info',
    description: {
      en: 'Numbers in Chinese text are written with half-width Arabic digits (GB/T 15835-2011), not full-width ０-９.',
      zh: '中文文本中的数字用半角阿拉伯数字（GB/T 15835-2011），不用全角数字０-９。',
    },
    messages: {
      digits: {
        en: 'Full-width digits "{digits}": write "{ascii}".',
        zh: '全角数字“{digits}”，应为“{ascii}”。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const { prose, text } = doc;
    const docNumbers = doc.official.docNumbers;
    const overlaps = (spans: readonly { start: number; end: number }[], from: number, to: number) => spans.some((span) => from < span.end && to > span.start);
    let wholeDates: FullWidthSpan[] | undefined;
    for (const { start, text: paragraph } of proseParagraphs(doc)) {
      if (!/[０-９]/.test(paragraph)) continue;
      for (const match of paragraph.matchAll(FULLWIDTH_NUMBER)) {
        const from = start + match.index;
        const to = from + match[0].length;
        if (!/[０-９]/.test(match[0]) || !isVerbatim(text, prose, from, to) || overlaps(docNumbers, from, to)) continue;
        if (DOC_NUMBER_AFTER.test(paragraph.slice(match.index + match[0].length)) || DOC_NUMBER_BEFORE.test(paragraph.slice(0, match.index))) continue;
        if (/[年月日]/.test(match[0]) && overlaps((wholeDates ??= fullWidthDates(doc)), from, to)) continue;
        const ascii = asciiDigits(match[0]).replace(/[．，]/g, (separator) => ASCII_SEPARATOR[separator]);
        const range = doc.lines.range(from, to);
        report({
          messageId: 'digits',
          data: { digits: match[0], ascii },
          range,
          fix: { title: { en: `Write ${ascii}`, zh: `改为 ${ascii}` }, edits: [{ range, newText: ascii }] },
        });
      }
    }
  },
};
