import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers';

const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

// npm 11 runs a project's own bin ("self-execution") by linking the project into its npx cache.
// A fresh cache keeps the test independent of earlier runs; skipping scripts keeps npm from
// running `prepare` (a rebuild) while other tests use the built files.
test('npx policydoc --version works from the repository root', () => {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'policydoc-npx-'));
  try {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const run = spawnSync(npx, ['--offline', 'policydoc', '--version'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: cache, npm_config_ignore_scripts: 'true', npm_config_update_notifier: 'false' },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), version);
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
});
