/**
 * What is known of the 代字 (发文机关代字) of a 发文字号: the listed codes and code prefixes, where a
 * 代字 starts in prose, and what a well-formed one looks like. Read by the parser (official.ts) and
 * by doc-number-agency-code.
 */

import agencies from '../../../data/agencies.json';
import agencyCodeForm from '../../../data/agency-code-form.json';

/** The 代字 of the agency registry (agencies.json), longest first. */
export const KNOWN_CODES: readonly string[] = [...new Set(agencies.agencies.flatMap((agency) => agency.codes ?? []))].sort((a, b) => b.length - a.length);
const CODE_SET = new Set(KNOWN_CODES);
const PREFIXES = agencies.agencies.flatMap((agency) => agency.codePrefixes ?? []);
const BOUNDARIES = agencyCodeForm.boundaries.words;
const FINALS = agencyCodeForm.finals.characters;
const PLACEHOLDERS = agencyCodeForm.placeholders.characters;

/** Known when the 代字 is listed, or starts with the prefix of an agency that builds its codes that way (商…, 发改…, 财…). */
export function isKnownAgencyCode(code: string): boolean {
  return CODE_SET.has(code) || PREFIXES.some((prefix) => code.startsWith(prefix));
}

/** Ends like a 代字: in a kind of document or an organ's letter (发, 函, 字…). */
export function hasAgencyCodeFinal(code: string): boolean {
  return code !== '' && FINALS.includes(code[code.length - 1]);
}

/** Shaped like a 代字: short, ending like one, no placeholder (某某办发). */
export function isWellFormedAgencyCode(code: string): boolean {
  return code.length >= 2 && code.length <= agencyCodeForm.maxLength && hasAgencyCodeFinal(code) && ![...code].some((char) => PLACEHOLDERS.includes(char));
}

/** Where the 代字 starts in `run` (the CJK characters before the bracket): after the last word of prose in it. */
export function agencyCodeStart(run: string): number {
  let cut = 0;
  for (const word of BOUNDARIES) {
    const at = run.lastIndexOf(word);
    if (at >= 0) cut = Math.max(cut, at + word.length);
  }
  return cut;
}
