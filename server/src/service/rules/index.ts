import type { Rule } from '../types';
import { frontMatterPosition } from './front-matter-position';
import { yamlSyntax } from './yaml-syntax';

/** Every rule policydoc has, in the order their results are listed. Adding a rule: one file here, one doc page. */
export const RULES: readonly Rule[] = [
  frontMatterPosition,
  yamlSyntax,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.meta.id));
