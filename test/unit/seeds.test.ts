import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { makeService, span } from './helpers';

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

test('seeds give exactly the expected diagnostics', () => {
  const files = readdirSync(FIXTURES).filter((name) => /^\d{3}_/.test(name)).sort();
  assert.deepEqual(files.map((name) => name.slice(0, 3)), Object.keys(EXPECTED));
  const service = makeService();
  for (const name of files) {
    const file = path.join(FIXTURES, name);
    const parsed = service.parse(pathToFileURL(file).href, readFileSync(file, 'utf8'));
    const diagnostics = service.getDiagnostics(parsed).map((d) => `${d.code} ${SEVERITY[d.severity ?? 0]} ${span(d.range)}`);
    assert.deepEqual({ profile: parsed.profile, diagnostics }, EXPECTED[name.slice(0, 3)], name);
  }
});

test('seeds fixed by fix-all keep only the info', () => {
  const service = makeService();
  for (const name of readdirSync(FIXTURES).filter((n) => /^00[0-2]_/.test(n))) {
    const file = path.join(FIXTURES, name);
    const text = readFileSync(file, 'utf8');
    const parsed = service.parse(pathToFileURL(file).href, text);
    const edits = service.getFixAllEdits(parsed);
    assert.equal(edits.length, 1, name);
    const fixed = text.slice(1);
    assert.equal(edits[0].newText, '');
    const again = service.getDiagnostics(service.parse(pathToFileURL(file).href, fixed)).map((d) => d.code);
    assert.deepEqual(again, name.startsWith('002') ? ['title-mismatch'] : [], name);
  }
});
