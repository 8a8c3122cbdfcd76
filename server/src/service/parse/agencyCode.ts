/**
 * The form of a 代字 (发文机关代字) of a 发文字号: where it starts in prose and what a well-formed one
 * looks like. Read by the parser (official.ts) and by doc-number-agency-code. Which 代字 exist is
 * the knowledge registry's to say: the parser asks it through `KnownCodes`.
 */

import agencyCodeForm from '../../../data/agency-code-form.json';

/**
 * The 代字 the registry knows, as the parser asks about them: the knowledge store's code index
 * (registry, mined table and the project's `.policydoc/agencies.yaml`) answers, built once per registry.
 */
export interface KnownCodes {
  /** Listed, or extending an organ's registered stem (商…, 发改…). */
  isKnown(code: string): boolean;
  /** The longest listed 代字 that `text` ends with. */
  knownEnd(text: string): string | undefined;
}

/** What a parse without a registry knows: no 代字 (the service always hands the store's). */
export const NO_KNOWN_CODES: KnownCodes = { isKnown: () => false, knownEnd: () => undefined };

const BOUNDARIES = agencyCodeForm.boundaries.words;
const FINALS = agencyCodeForm.finals.characters;
const PLACEHOLDERS = agencyCodeForm.placeholders.characters;

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
