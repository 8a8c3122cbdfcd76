import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { createLanguageService } from '../../server/src/service';
import { SEVERITIES } from '../../server/src/service/config';
import { KEY_TYPES, PROFILE_NAMES } from '../../server/src/service/profiles';
import { CONFIGURABLE_RULE_IDS } from '../../server/src/service/ruleCatalog';

const repo = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas', 'policydocrc.schema.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const sorted = (values: Iterable<string>) => [...values].sort();

describe('schemas/policydocrc.schema.json', () => {
  test('lists exactly the rules the service has', () => {
    assert.deepEqual(sorted(Object.keys(schema.definitions.rules.properties)), sorted(CONFIGURABLE_RULE_IDS));
  });

  test('lists exactly the profiles, key types and severities the service accepts', () => {
    assert.deepEqual(sorted(Object.keys(schema.properties.profiles.properties)), sorted(PROFILE_NAMES));
    assert.deepEqual(sorted(schema.definitions.profileName.enum), sorted(PROFILE_NAMES));
    assert.deepEqual(sorted(schema.definitions.keyType.oneOf[0].enum), sorted(KEY_TYPES));
    assert.deepEqual(sorted(schema.definitions.severity.enum), sorted(SEVERITIES));
  });

  test('every description is bilingual', () => {
    const descriptions: string[] = [];
    JSON.stringify(schema, (key, value) => {
      if (key === 'description') descriptions.push(value);
      return value;
    });
    assert.ok(descriptions.length > 10);
    for (const description of descriptions) assert.match(description, /[A-Za-z].* \/ .*[\u4e00-\u9fff]/, description);
  });

  // The schema (for the editor) and the service's validator (for the server and the CLI) must agree.
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const service = createLanguageService();
  const configs: [string, unknown, boolean][] = [
    ['empty', {}, true],
    ['severities and options', { $schema: './schemas/policydocrc.schema.json', rules: { 'front-matter-position': 'error', 'date-range': { severity: 'hint', options: { earliest: '1990-01-01' } } } }, true],
    ['profiles, overrides, globs', { profiles: { hexo: { keys: { source: 'string', toc: null }, required: ['title'] } }, overrides: [{ files: ['news/**'], profile: 'gongwen', rules: { 'required-key': 'off' } }], include: ['**/*.md'], exclude: 'drafts/**' }, true],
    ['unknown rule', { rules: { 'no-such-rule': 'error' } }, false],
    ['bad severity', { rules: { 'front-matter-position': 'loud' } }, false],
    ['rule setting of the wrong type', { rules: { 'front-matter-position': 1 } }, false],
    ['unknown property', { rulez: {} }, false],
    ['unknown profile', { profiles: { wordpress: {} } }, false],
    ['bad key type', { profiles: { hexo: { keys: { source: 'text' } } } }, false],
    ['override without files', { overrides: [{ profile: 'hexo' }] }, false],
    ['override with an unknown profile', { overrides: [{ files: '*.md', profile: 'wordpress' }] }, false],
    ['not an object', [], false],
  ];
  for (const [what, config, valid] of configs) {
    test(`schema and service agree: ${what} is ${valid ? 'valid' : 'invalid'}`, () => {
      assert.equal(validate(config), valid, JSON.stringify(validate.errors));
      assert.equal(service.checkConfig(JSON.stringify(config)).diagnostics.length === 0, valid);
    });
  }
});

describe('package.json contributions', () => {
  const nls = (name: string) => JSON.parse(fs.readFileSync(path.join(repo, name), 'utf8')) as Record<string, string>;

  test('every %key% of the manifest has an English and a Chinese string', () => {
    const keys = [...JSON.stringify(manifest.contributes).matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length >= 3);
    const english = nls('package.nls.json');
    const chinese = nls('package.nls.zh-cn.json');
    for (const key of keys) {
      assert.ok(english[key], `package.nls.json lacks ${key}`);
      assert.match(chinese[key] ?? '', /[\u4e00-\u9fff]/, `package.nls.zh-cn.json lacks ${key}`);
    }
    assert.deepEqual(sorted(Object.keys(english)), sorted(Object.keys(chinese)));
  });

  test('the settings the server reads are contributed, and the schema is wired to the config file', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties['policydoc.validate.debounceMs'].default, 100);
    assert.equal(properties['policydoc.rules'].type, 'object');
    assert.deepEqual(properties['policydoc.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.policydocrc.json', url: './schemas/policydocrc.schema.json' }]);
    assert.equal(manifest.main, './client/out/extension.js');
  });
});
