import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cli, ROOT, workspace } from './helpers';

test('the configuration example in the README is a valid config', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const example = /```jsonc\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, 'README has a jsonc config example');
  const dir = workspace({ '.policydocrc.json': example, 'a.md': '---\ntitle: x\n---\n' }, false);
  const run = cli(['check'], dir);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
});
