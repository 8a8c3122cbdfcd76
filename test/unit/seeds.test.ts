import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { applyFix, diagnose, frontMatterOnly, makeService, span } from './helpers';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

/** Every diagnostic the front-matter rules give on each seed: rule, severity, range. */
const EXPECTED: Record<string, { profile: string; diagnostics: string[] }> = {
  '000': { profile: 'hexo', diagnostics: ['front-matter-position warning 0:0-1:0'] },
  '001': { profile: 'hexo', diagnostics: ['front-matter-position warning 0:0-1:0'] },
  '002': { profile: 'hexo', diagnostics: ['front-matter-position warning 0:0-1:0', 'title-mismatch info 2:7-2:48'] },
  '003': { profile: 'pkulaw', diagnostics: [] },
  '004': { profile: 'jekyll', diagnostics: [] },
};
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

test('seeds give exactly the expected front-matter diagnostics', () => {
  const files = readdirSync(FIXTURES).filter((name) => /^\d{3}_/.test(name)).sort();
  assert.deepEqual(files.map((name) => name.slice(0, 3)), Object.keys(EXPECTED));
  const service = makeService();
  for (const name of files) {
    const file = path.join(FIXTURES, name);
    const parsed = service.parse(pathToFileURL(file).href, readFileSync(file, 'utf8'));
    const diagnostics = frontMatterOnly(service.getDiagnostics(parsed)).map((d) => `${d.code} ${SEVERITY[d.severity ?? 0]} ${span(d.range)}`);
    assert.deepEqual({ profile: parsed.profile, diagnostics }, EXPECTED[name.slice(0, 3)], name);
  }
});

test('moving the seeds\' front matter to line 1 leaves only the title-mismatch info', () => {
  for (const name of readdirSync(FIXTURES).filter((n) => /^00[0-2]_/.test(n))) {
    const text = readFileSync(path.join(FIXTURES, name), 'utf8');
    const fixed = applyFix(text, 'front-matter-position');
    assert.equal(fixed, text.replace(/^\n/, ''), name);
    assert.deepEqual(diagnose(fixed).map((d) => d.code), name.startsWith('002') ? ['title-mismatch'] : [], name);
  }
});
