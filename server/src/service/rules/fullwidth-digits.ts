import { asciiDigits } from '../parse/numerals';
import { isVerbatim } from '../parse/official';
import { proseParagraphs } from '../parse/paragraphs';
import type { Rule } from '../types';

/** A number in full-width digits, with its decimal point and thousands separators: `２．７`, `２９，８２１，０００`. */
const FULLWIDTH_NUMBER = /[０-９]+(?:．[０-９]+|(?:，[０-９]{3})+(?![０-９]))?/g;
const ASCII_SEPARATOR: Record<string, string> = { '．': '.', '，': ',' };
/**
 * Digits of a date or of a 发文字号 (`２０２１年３月`, `〔２０２１〕５号`) are lookalike-characters' to report:
 * a run next to 年 月 日 号 or inside 〔〕.
 */
const DATE_OR_NUMBER_AFTER = /^[年月日号〕]/;
const DATE_OR_NUMBER_BEFORE = /[年月〔]$/;

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
    for (const { start, text: paragraph } of proseParagraphs(doc)) {
      if (!/[０-９]/.test(paragraph)) continue;
      for (const match of paragraph.matchAll(FULLWIDTH_NUMBER)) {
        const from = start + match.index;
        const to = from + match[0].length;
        if (!isVerbatim(text, prose, from, to) || docNumbers.some((number) => from < number.end && to > number.start)) continue;
        if (DATE_OR_NUMBER_AFTER.test(paragraph.slice(match.index + match[0].length)) || DATE_OR_NUMBER_BEFORE.test(paragraph.slice(0, match.index))) continue;
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
