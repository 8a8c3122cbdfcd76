// Many files are checked in worker threads: same results, same order, same fixes as one thread.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { POOL_THRESHOLD, workerCount } from '../../server/src/cli/pool';
import { BLANK_FIRST, BROKEN_YAML, cli, FIXTURES, SEED, workspace } from './helpers';

/** More files than the pool threshold, every seed and the small broken documents, in nested folders. */
function manyFiles(): string {
  const files: Record<string, string> = {};
  const seeds = Object.values(SEED).map((name) => [name, fs.readFileSync(path.join(FIXTURES, name), 'utf8')] as const);
  for (let i = 0; i <= POOL_THRESHOLD + 40; i++) {
    const [name, text] = seeds[i % seeds.length];
    files[`part${i % 7}/${String(i).padStart(4, '0')}_${name}`] = i % 11 === 0 ? BLANK_FIRST : i % 13 === 0 ? BROKEN_YAML : text;
  }
  return workspace(files, false);
}

function contents(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of fs.readdirSync(dir)) {
    for (const name of fs.readdirSync(path.join(dir, part))) found.set(`${part}/${name}`, fs.readFileSync(path.join(dir, part, name), 'utf8'));
  }
  return found;
}

test('workerCount: none for few files, one per core for many, POLICYDOC_WORKERS overrides', () => {
  assert.equal(workerCount(10, {}), 0);
  assert.equal(workerCount(POOL_THRESHOLD + 1, { POLICYDOC_WORKERS: '3' }), 3);
  assert.equal(workerCount(10, { POLICYDOC_WORKERS: '4' }), 4);
  assert.equal(workerCount(2, { POLICYDOC_WORKERS: '4' }), 2, 'never more workers than files');
  assert.equal(workerCount(5000, { POLICYDOC_WORKERS: '1' }), 0, 'one worker is no better than the main thread');
  assert.equal(workerCount(5000, { POLICYDOC_WORKERS: '0' }), 0);
  assert.ok(workerCount(5000, { POLICYDOC_WORKERS: 'lots' }) !== 1);
});

test('check in worker threads prints exactly what one thread prints, in every format', () => {
  const dir = manyFiles();
  for (const format of ['json', 'stylish', 'sarif']) {
    const single = cli(['check', '--all', '--format', format], dir, { POLICYDOC_WORKERS: '0' });
    const pooled = cli(['check', '--all', '--format', format], dir, { POLICYDOC_WORKERS: '3' });
    assert.equal(single.status, 1, single.stderr);
    assert.equal(pooled.status, single.status, pooled.stderr);
    assert.equal(pooled.stderr, '');
    assert.equal(pooled.stdout, single.stdout, `${format} output differs`);
  }
  const entries = JSON.parse(cli(['check', '--all', '--format', 'json'], dir, { POLICYDOC_WORKERS: '2' }).stdout) as { file: string }[];
  assert.equal(entries.length, POOL_THRESHOLD + 41);
  assert.deepEqual(
    entries.map((entry) => entry.file),
    entries.map((entry) => entry.file).sort(),
    'files in walk order',
  );
});

test('--fix in worker threads writes the same files as one thread', () => {
  const single = manyFiles();
  const pooled = manyFiles();
  const before = contents(pooled);
  const a = cli(['check', '--fix', '--format', 'json'], single, { POLICYDOC_WORKERS: '0' });
  const b = cli(['check', '--fix', '--format', 'json'], pooled, { POLICYDOC_WORKERS: '3' });
  assert.equal(b.stdout, a.stdout);
  const after = contents(pooled);
  assert.deepEqual(after, contents(single));
  assert.notDeepEqual(after, before, 'the fixes were written');
});
