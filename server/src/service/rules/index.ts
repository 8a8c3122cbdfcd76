import type { Rule } from '../types';
import { agencyName } from './agency-name';
import { cliCodeFormat } from './cli-code-format';
import { controlCharacter } from './control-character';
import { dateFormat } from './date-format';
import { dateRange } from './date-range';
import { dateWeekday } from './date-weekday';
import { docNumberAgencyCode } from './doc-number-agency-code';
import { docNumberBracket } from './doc-number-bracket';
import { docNumberDateOrder } from './doc-number-date-order';
import { docNumberSequence } from './doc-number-sequence';
import { docNumberYear } from './doc-number-year';
import { duplicateKey } from './duplicate-key';
import { emptyTitle } from './empty-title';
import { frontMatterPosition } from './front-matter-position';
import { frontMatterUnclosed } from './front-matter-unclosed';
import { fullwidthDigits } from './fullwidth-digits';
import { halfwidthPunctuation } from './halfwidth-punctuation';
import { keyType } from './key-type';
import { lookalikeCharacters } from './lookalike-characters';
import { nestedTitleMarks } from './nested-title-marks';
import { punctuationSpacing } from './punctuation-spacing';
import { replacementCharacter } from './replacement-character';
import { requiredKey } from './required-key';
import { sectionNumbering } from './section-numbering';
import { titleMismatch } from './title-mismatch';
import { unbalancedPairs } from './unbalanced-pairs';
import { unknownKey } from './unknown-key';
import { urlFormat } from './url-format';
import { webBoilerplate } from './web-boilerplate';
import { writtenDateFormat } from './written-date-format';
import { yamlSyntax } from './yaml-syntax';

/** Every rule policydoc has, in the order their results are listed. Adding a rule: one file here, one doc page. */
export const RULES: readonly Rule[] = [
  frontMatterPosition,
  frontMatterUnclosed,
  yamlSyntax,
  duplicateKey,
  requiredKey,
  keyType,
  dateFormat,
  dateWeekday,
  dateRange,
  urlFormat,
  unknownKey,
  emptyTitle,
  titleMismatch,
  docNumberBracket,
  docNumberYear,
  docNumberSequence,
  docNumberDateOrder,
  docNumberAgencyCode,
  writtenDateFormat,
  cliCodeFormat,
  sectionNumbering,
  unbalancedPairs,
  halfwidthPunctuation,
  punctuationSpacing,
  nestedTitleMarks,
  fullwidthDigits,
  agencyName,
  webBoilerplate,
  controlCharacter,
  replacementCharacter,
  lookalikeCharacters,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.meta.id));
