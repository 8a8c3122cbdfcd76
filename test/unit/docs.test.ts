import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/service/rules';
import { FRONT_MATTER_RULES } from './helpers';

const DOCS = path.join(import.meta.dirname, '..', '..', 'docs', 'rules');

test('every rule has a documentation page and a line in docs/rules/README.md', () => {
  const index = readFileSync(path.join(DOCS, 'README.md'), 'utf8');
  for (const { meta } of RULES) {
    assert.ok(existsSync(path.join(DOCS, `${meta.id}.md`)), `docs/rules/${meta.id}.md`);
    assert.ok(index.includes(`| [${meta.id}](${meta.id}.md) | ${meta.defaultSeverity} |`), `README line of ${meta.id}`);
    // The index describes each rule as the rule itself does, its example included.
    const line = index.split('\n').find((candidate) => candidate.startsWith(`| [${meta.id}](`))!;
    assert.ok(line.endsWith(` | ${meta.description.en} ${meta.description.zh} |`), `README line of ${meta.id}: not the rule's description`);
  }
});

test('front-matter rule pages state the rule\'s default severity and fixability, in English and Chinese', () => {
  for (const { meta } of RULES.filter((rule) => FRONT_MATTER_RULES.has(rule.meta.id))) {
    const page = readFileSync(path.join(DOCS, `${meta.id}.md`), 'utf8');
    assert.ok(page.startsWith(`# ${meta.id}\n`), meta.id);
    assert.ok(page.includes(`Default severity: **${meta.defaultSeverity}**`), meta.id);
    assert.ok(page.includes(meta.fixable ? 'Fixable: **yes**' : 'Fixable: no'), meta.id);
    assert.ok(page.includes('\n## 中文\n'), meta.id);
    for (const option of Object.keys(meta.defaultOptions ?? {})) assert.ok(page.includes(`"${option}"`), `${meta.id} option ${option}`);
  }
});
