import { isWellFormedAgencyCode } from '../parse/agencyCode';
import { pinyinKeys, type CodeIndex } from '../knowledge';
import { canonicalChars, quotedNumber } from '../parse/official';
import type { Rule } from '../types';

const sound = (char: string) => pinyinKeys(char).full;

/**
 * The listed 代字 that `code` is likely a slip of the input method for: the same but for one character
 * that sounds the same (伤财函 for 商财函). Most unknown 代字 are real codes of organs the list does not
 * hold (温国土资发, 立告字); a sound-alike of a listed one is the evidence of a typo.
 */
function soundAlike(code: string, codes: CodeIndex): string | undefined {
  for (const { code: known, exact } of codes.all()) {
    if (!exact || known.length !== code.length) continue;
    const differ = [...code].flatMap((char, i) => (char === known[i] ? [] : [i]));
    if (differ.length === 1 && sound(code[differ[0]]) === sound(known[differ[0]])) return known;
  }
  return undefined;
}

export const docNumberAgencyCode: Rule = {
  meta: {
    id: 'doc-number-agency-code',
    defaultSeverity: 'hint',
    description: {
      en: 'The 代字 (agency code) of a 发文字号 is not a sound-alike slip of a known one (伤财函 for 商财函).',
      zh: '发文字号中的发文机关代字不应是已知代字的同音误写（如将“商财函”写作“伤财函”）。',
    },
    messages: {
      unknown: {
        en: 'The 代字 "{code}" of the 发文字号 "{number}" is not a known agency code; is it "{known}"?',
        zh: '发文字号“{number}”中的代字“{code}”不在已知代字中，是否应为“{known}”？',
      },
    },
    fixable: false,
  },
  check({ doc, knowledge, report }) {
    const checked = new Set<string>();
    for (const number of doc.official.docNumbers) {
      const code = canonicalChars(number.agency.text);
      // Once per document: the same 代字 cited again is the same question.
      if (!number.agencyExact || checked.has(code)) continue;
      checked.add(code);
      if (!isWellFormedAgencyCode(code) || knowledge.codes.has(code)) continue;
      const known = soundAlike(code, knowledge.codes);
      if (known) report({ messageId: 'unknown', data: { code, number: quotedNumber(number), known }, range: doc.lines.range(number.agency.start, number.agency.end) });
    }
  },
};
