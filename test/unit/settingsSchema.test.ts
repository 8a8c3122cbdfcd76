// The `policydoc.rules` setting's schema in package.json is generated from the rule list
// (scripts/settings-schema.ts): it must list exactly the rules the service has, with their
// severities, and a description in English and Chinese for each.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ruleDescriptions, rulesSettingSchema } from '../../scripts/settings-schema';
import { SEVERITIES } from '../../server/src/service/config';
import { RULE_METAS } from '../../server/src/service/ruleCatalog';

const repo = path.resolve(__dirname, '..', '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repo, file), 'utf8'));
const manifest = read('package.json');
const setting = manifest.contributes.configuration.properties['policydoc.rules'];
const RULE_LIST = RULE_METAS.map((meta) => meta.id);

describe('package.json: the policydoc.rules setting', () => {
  test('lists exactly the rules of server/src/service/rules/index.ts, in their order, and no others', () => {
    assert.deepEqual(Object.keys(setting.properties), RULE_LIST);
    assert.equal(setting.additionalProperties, false);
  });

  test('each rule takes a severity (off, hint, info, warning, error) or {severity, options}', () => {
    for (const id of RULE_LIST) {
      const [severity, object] = setting.properties[id].anyOf;
      assert.deepEqual(severity.enum, [...SEVERITIES], id);
      assert.deepEqual(object.properties.severity.enum, [...SEVERITIES], id);
      assert.deepEqual(Object.keys(object.properties), ['severity', 'options'], id);
    }
  });

  test('is resource-scoped, so each workspace folder has its own', () => {
    assert.equal(setting.scope, 'resource');
  });

  test('is what scripts/settings-schema.ts generates (run it after adding a rule)', () => {
    assert.deepEqual(setting, rulesSettingSchema());
  });

  for (const [file, locale] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh']] as const) {
    test(`${file} has each rule's description from its meta (${locale})`, () => {
      const nls = read(file);
      for (const [key, description] of Object.entries(ruleDescriptions(locale))) assert.equal(nls[key], description, key);
      for (const id of RULE_LIST) assert.ok(setting.properties[id].markdownDescription === `%policydoc.rules.${id}.description%`);
      if (locale === 'zh') for (const id of RULE_LIST) assert.match(nls[`policydoc.rules.${id}.description`], /[\u4e00-\u9fff]/, id);
    });
  }

  test('every %key% of package.json has an English and a Chinese text', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length > RULE_LIST.length);
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    for (const key of keys) {
      assert.equal(typeof en[key], 'string', `package.nls.json: ${key}`);
      assert.equal(typeof zh[key], 'string', `package.nls.zh-cn.json: ${key}`);
    }
  });
});

describe('package.json: Restricted Mode', () => {
  test('is supported in a limited way, with a description', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.untrustedWorkspaces.description, /^%.+%$/);
  });
});
