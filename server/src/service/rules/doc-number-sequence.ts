import { asciiDigits } from '../parse/numerals';
import { isVerbatim, quotedNumber } from '../parse/official';
import type { Report, Rule } from '../types';

/** Numbering systems whose own form is `…令第N号` / `…公告第N号`: their 第 is correct. */
const ORDINAL_SYSTEMS = /(?:令|公告|通告)$/;
/**
 * A number followed by the name of the instrument it numbers (`…处字(2005)第02026号《行政处罚决定书》`,
 * `…捕字（2016）00066号《逮捕证》`) is an enforcement or court instrument, not a 公文: its 第 and
 * zero-padding are its own form, and a citation must quote them as issued.
 */
const INSTRUMENT_AFTER = /^\s*《[^《》\n]{1,20}[书证单]》/;

export const docNumberSequence: Rule = {
  meta: {
    id: 'doc-number-sequence',
    defaultSeverity: 'warning',
    description: {
      en: 'The sequence number of a 发文字号 has no 第, no leading zero, Arabic half-width digits, and ends with 号 (GB/T 9704-2012, 7.2.5).',
      zh: '发文字号的发文顺序号不加“第”、不编虚位、使用半角阿拉伯数字，并以“号”结尾（GB/T 9704-2012 第 7.2.5 条）。',
    },
    messages: {
      ordinal: {
        en: 'Remove "第" before the sequence number of the 发文字号 "{number}".',
        zh: '发文字号“{number}”的顺序号前不加“第”。',
      },
      leadingZero: {
        en: 'The sequence number "{sequence}" of the 发文字号 "{number}" has a leading zero; write {fixed}.',
        zh: '发文字号“{number}”的顺序号“{sequence}”编了虚位，应写作 {fixed}。',
      },
      fullWidth: {
        en: 'The sequence number "{sequence}" of the 发文字号 "{number}" has full-width digits; write {fixed}.',
        zh: '发文字号“{number}”的顺序号“{sequence}”使用了全角数字，应写作 {fixed}。',
      },
      missingHao: {
        en: 'The 发文字号 "{number}" does not end with "号".',
        zh: '发文字号“{number}”缺少“号”字。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const verbatim = (start: number, end: number) => isVerbatim(doc.text, doc.prose, start, end);
    for (const number of doc.official.docNumbers) {
      const { ordinal, sequence, hao } = number;
      const data = { number: quotedNumber(number), sequence: sequence.text, fixed: String(sequence.value) };
      const reports: Report[] = [];
      const instrument = INSTRUMENT_AFTER.test(doc.prose.slice(number.end, number.end + 30));
      if (ordinal && !instrument && !ORDINAL_SYSTEMS.test(number.agency.text)) {
        const range = doc.lines.range(ordinal.start, ordinal.end);
        reports.push({
          messageId: 'ordinal',
          data,
          range,
          fix: verbatim(ordinal.start, ordinal.end) ? { title: { en: 'Remove "第"', zh: '删除“第”' }, edits: [{ range, newText: '' }] } : undefined,
        });
      }
      const ascii = asciiDigits(sequence.text);
      if (ascii !== sequence.text || (ascii.length > 1 && ascii.startsWith('0') && !instrument)) {
        const range = doc.lines.range(sequence.start, sequence.end);
        reports.push({
          messageId: ascii !== sequence.text ? 'fullWidth' : 'leadingZero',
          data,
          range,
          fix: verbatim(sequence.start, sequence.end) ? { title: { en: `Write ${data.fixed}`, zh: `改为 ${data.fixed}` }, edits: [{ range, newText: data.fixed }] } : undefined,
        });
      }
      if (!hao) {
        const at = doc.lines.positionAt(sequence.end);
        reports.push({
          messageId: 'missingHao',
          data,
          range: doc.lines.range(number.start, number.end),
          fix: verbatim(sequence.start, sequence.end) ? { title: { en: 'Add "号"', zh: '补上“号”' }, edits: [{ range: { start: at, end: at }, newText: '号' }] } : undefined,
        });
      }
      reports.forEach(report);
    }
  },
};
