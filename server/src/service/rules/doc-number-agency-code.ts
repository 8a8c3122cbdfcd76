import agencyCodes from '../../../data/agency-codes.json';
import type { Rule } from '../types';

const CODES = new Set(agencyCodes.codes.map((entry) => entry.code));
const PREFIXES = agencyCodes.prefixes.map((entry) => entry.prefix);

/** Known when the 代字 is listed, or starts with the prefix of an agency that builds its codes that way (商…, 发改…, 财…). */
export function isKnownAgencyCode(code: string): boolean {
  return CODES.has(code) || PREFIXES.some((prefix) => code.startsWith(prefix));
}

export const docNumberAgencyCode: Rule = {
  meta: {
    id: 'doc-number-agency-code',
    defaultSeverity: 'hint',
    description: {
      en: 'The 代字 (agency code) of a 发文字号 is one policydoc knows; an unknown one may be a typo.',
      zh: '发文字号中的发文机关代字应为已知代字；未知代字可能是笔误。',
    },
    messages: {
      unknown: {
        en: 'The 代字 "{code}" of the 发文字号 "{number}" is not a known agency code; check it.',
        zh: '发文字号“{number}”中的代字“{code}”不在已知代字中，请核对。',
      },
    },
    fixable: false,
  },
  check({ doc, report }) {
    for (const number of doc.official.docNumbers) {
      const { agency } = number;
      if (!number.agencyExact || isKnownAgencyCode(agency.text)) continue;
      report({ messageId: 'unknown', data: { code: agency.text, number: number.text }, range: doc.lines.range(agency.start, agency.end) });
    }
  },
};
