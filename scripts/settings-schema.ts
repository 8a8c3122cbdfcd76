// Writes the schema of the `policydoc.rules` setting into package.json from the rule list
// (server/src/service/ruleCatalog.ts: document and cross-document rules): one property per rule id, a severity or {severity, options},
// its description from the rule's meta in package.nls.json (English) and package.nls.zh-cn.json.
// Run after adding a rule: `node --import tsx scripts/settings-schema.ts`; test/unit/settingsSchema.test.ts
// fails while package.json or the nls files are out of date.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SEVERITIES } from '../server/src/service/config';
import { RULE_METAS } from '../server/src/service/ruleCatalog';

const root = path.join(__dirname, '..');
const SEVERITY_LABEL = {
  en: { off: 'off', hint: 'hint', info: 'info', warning: 'warning', error: 'error' },
  zh: { off: '关闭', hint: '提示', info: '信息', warning: '警告', error: '错误' },
} as const;

export const ruleDescriptionKey = (id: string) => `policydoc.rules.${id}.description`;

/** The `policydoc.rules` setting's schema (its descriptions are nls keys). */
export function rulesSettingSchema(): Record<string, unknown> {
  const severity = { type: 'string', enum: [...SEVERITIES] };
  const setting = (id: string) => ({
    markdownDescription: `%${ruleDescriptionKey(id)}%`,
    anyOf: [severity, { type: 'object', properties: { severity, options: { type: 'object' } }, additionalProperties: false }],
  });
  return {
    type: 'object',
    default: {},
    markdownDescription: '%policydoc.rules.description%',
    properties: Object.fromEntries(RULE_METAS.map((meta) => [meta.id, setting(meta.id)])),
    additionalProperties: false,
    scope: 'resource',
  };
}

/** The rules' descriptions for package.nls(.zh-cn).json: what the rule checks, its default severity, its page. */
export function ruleDescriptions(locale: 'en' | 'zh'): Record<string, string> {
  return Object.fromEntries(RULE_METAS.map((meta) => {
    const severity = SEVERITY_LABEL[locale][meta.defaultSeverity];
    const tail = locale === 'zh' ? `默认：\`${meta.defaultSeverity}\`（${severity}）。` : `Default: \`${meta.defaultSeverity}\`.`;
    return [ruleDescriptionKey(meta.id), `${meta.description[locale]}${locale === 'zh' ? '' : ' '}${tail}`];
  }));
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
}

function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(path.join(root, file), `${JSON.stringify(value, null, 2)}\n`);
}

/** package.json as npm writes it, except that each rule's schema takes one line (31 rules would add a thousand). */
function writeManifest(manifest: unknown): void {
  const compact = new Map<string, string>();
  const text = JSON.stringify(manifest, (_key, value) => {
    if (isRuleSetting(value)) {
      const token = `@@rule-${compact.size}@@`;
      compact.set(token, JSON.stringify(value));
      return token;
    }
    return value;
  }, 2);
  fs.writeFileSync(path.join(root, 'package.json'), `${text.replace(/"(@@rule-\d+@@)"/g, (_, token: string) => compact.get(token)!)}\n`);
}

function isRuleSetting(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { markdownDescription?: unknown }).markdownDescription === 'string'
    && /^%policydoc\.rules\..+\.description%$/.test((value as { markdownDescription: string }).markdownDescription);
}

/** package.nls with the rule keys replaced (other keys kept in their order). */
function withRuleDescriptions(nls: Record<string, unknown>, locale: 'en' | 'zh'): Record<string, unknown> {
  const kept = Object.entries(nls).filter(([key]) => !/^policydoc\.rules\..+\.description$/.test(key));
  return { ...Object.fromEntries(kept), ...ruleDescriptions(locale) };
}

if (require.main === module) {
  const manifest = readJson('package.json') as { contributes: { configuration: { properties: Record<string, unknown> } } };
  manifest.contributes.configuration.properties['policydoc.rules'] = rulesSettingSchema();
  writeManifest(manifest);
  writeJson('package.nls.json', withRuleDescriptions(readJson('package.nls.json'), 'en'));
  writeJson('package.nls.zh-cn.json', withRuleDescriptions(readJson('package.nls.zh-cn.json'), 'zh'));
}
