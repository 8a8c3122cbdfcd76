/**
 * Every rule a user can configure: the document rules (rules/) and the cross-document rules
 * (workspace/rules/). Config validation, the settings schema and SARIF's rule list read this one list.
 */
import { RULES } from './rules';
import type { RuleMeta } from './types';
import { WORKSPACE_RULES } from './workspace/rules';

export const RULE_METAS: readonly RuleMeta[] = [...RULES, ...WORKSPACE_RULES].map((rule) => rule.meta);
export const CONFIGURABLE_RULE_IDS: ReadonlySet<string> = new Set(RULE_METAS.map((meta) => meta.id));
