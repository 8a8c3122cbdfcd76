import { isWellFormedAgencyCode } from '../parse/agencyCode';
import { pinyinKeys, type CodeIndex, type Knowledge } from '../knowledge';
import type { PolicyDocument } from '../parse/document';
import { canonicalChars, quotedNumber, type DocNumber } from '../parse/official';
import type { Rule } from '../types';

const sound = (char: string) => pinyinKeys(char).full;

/** How far before a 发文字号 its organ's name is looked for (《国家版权局关于…的意见》（国版发〔2009〕2号）). */
const CONTEXT_CHARS = 80;

/** Known 代字 of the same length as `code`: exact ones, and a 代字 prefix of two characters or more completed with the rest of `code`. */
function* sameLengthCodes(code: string, codes: CodeIndex): Iterable<string> {
  for (const entry of codes.all()) {
    if (entry.exact && entry.code.length === code.length) yield entry.code;
    else if (!entry.exact && entry.code.length >= 2 && entry.code.length < code.length) yield entry.code + code.slice(entry.code.length);
  }
}

/**
 * The known 代字 that `code` is likely an input-method slip for: the same but for one character that
 * sounds the same (国半发 for 国办发). Most unknown 代字 are real codes of organs no table holds yet
 * (温国土资发, 立告字): a sound-alike of a known one is the evidence of a typo — unless the text before
 * the number holds the odd character, as the organ's name does (国家版权局 … 国版发, not 国办发), or
 * the code up to it is another organ's stem (吉发 of 吉林, not 冀发).
 */
function soundAlike(code: string, codes: CodeIndex, context: string): string | undefined {
  for (const known of sameLengthCodes(code, codes)) {
    const differ = [...code].flatMap((char, i) => (char === known[i] ? [] : [i]));
    // Only inside the code: its first character is a place's or an organ's stem (筑府办函 of 贵阳, 珠府办函 of
    // 珠海) and its last the kind of document (京建发, 京建法): either way the other code is as real.
    if (differ.length !== 1 || differ[0] === 0 || differ[0] === code.length - 1) continue;
    const char = code[differ[0]];
    // 吉发 is not a slip for 冀发: both 吉 and 冀 are the stem of a province's codes.
    if (codes.isPrefix(code.slice(0, differ[0] + 1))) continue;
    if (sound(char) === sound(known[differ[0]]) && !context.includes(char)) return known;
  }
  return undefined;
}

/**
 * The 发文字号 whose 代字 the rule weighs: read with a certain start, well formed, and in no table;
 * each 代字 once per document (the same 代字 cited again is the same question).
 */
export function* unknownCodes(doc: PolicyDocument, knowledge: Knowledge): Iterable<{ number: DocNumber; code: string }> {
  const checked = new Set<string>();
  for (const number of doc.official.docNumbers) {
    const code = canonicalChars(number.agency.text);
    if (!number.agencyExact || checked.has(code)) continue;
    checked.add(code);
    if (isWellFormedAgencyCode(code) && !knowledge.codes.lookup(code, 2)) yield { number, code };
  }
}

export const docNumberAgencyCode: Rule = {
  meta: {
    id: 'doc-number-agency-code',
    defaultSeverity: 'hint',
    description: {
      en: 'The 代字 (agency code) of a 发文字号 is not a sound-alike slip of a known one (国半发 for 国办发).',
      zh: '发文字号中的发文机关代字不应是已知代字的同音误写（如将“国办发”写作“国半发”）。',
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
    for (const { number, code } of unknownCodes(doc, knowledge)) {
      const context = doc.prose.slice(Math.max(0, number.agency.start - CONTEXT_CHARS), number.agency.start);
      const known = soundAlike(code, knowledge.codes, context);
      if (known) report({ messageId: 'unknown', data: { code, number: quotedNumber(number), known }, range: doc.lines.range(number.agency.start, number.agency.end) });
    }
  },
};
