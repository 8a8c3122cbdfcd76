// The bad-input corpus through the language service: a clear diagnostic or nothing, never an exception or runaway work.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import { allowlistProblems } from './allowlist';
import { asText, BAD_CONFIGS, badInputs, type BadInput } from './corpus';
import { applyConfined, assertRangeInside, CALL_BOUND_MS, timed } from './fuzz';

const NOW = new Date('2026-07-01T00:00:00Z');

/** Large inputs get 1 s per megabyte on top of 3 s: work linear in the size passes, quadratic work does not. */
function boundFor(input: BadInput): number {
  return input.large ? 3000 + 1000 * Math.ceil(input.bytes.length / 1_000_000) : CALL_BOUND_MS;
}

/** What the service must say about some inputs; the others only must not fail. */
const EXPECTED: Record<string, (codes: string[]) => boolean> = {
  'image.md': (codes) => codes.join() === 'binary-file',
  'nul-start.txt': (codes) => codes.includes('control-character') && !codes.includes('binary-file'),
  'elf.md': (codes) => codes.join() === 'binary-file',
  'bomb.md': (codes) => codes.includes('yaml-syntax'),
  'bom.md': (codes) => codes.includes('front-matter-position'),
};

describe('bad-input corpus through the service', () => {
  for (const input of badInputs()) {
    test(input.what, () => {
      const errors: string[] = [];
      const service = createLanguageService({ now: () => NOW, logError: (message) => errors.push(message) });
      const bound = boundFor(input);
      const text = asText(input);
      const uri = `file:///corpus/${input.name}`;
      const doc = timed('parse', () => service.parse(uri, text), bound);
      const diagnostics = timed('getDiagnostics', () => service.getDiagnostics(doc), bound);
      for (const diagnostic of diagnostics) assertRangeInside(doc.lines, diagnostic.range, `diagnostic ${diagnostic.code}`);
      const codes = [...new Set(diagnostics.map((d) => String(d.code)))];
      assert.ok(EXPECTED[input.name]?.(codes) ?? true, `unexpected diagnostics: ${codes.join(', ')}`);
      const edits = timed('getFixAllEdits', () => service.getFixAllEdits(doc), bound);
      applyConfined(text, edits, 'fix-all');
      for (const fraction of [0, 0.5, 1]) {
        const position = doc.lines.positionAt(Math.floor(text.length * fraction));
        timed('getCompletions', () => service.getCompletions(doc, position), bound);
        timed('getHover', () => service.getHover(doc, position), bound);
      }
      const cleaned = timed('cleanDocument', () => service.cleanDocument(doc, { markdown: true }), bound);
      assert.deepEqual(allowlistProblems(cleaned.html), []);
      assert.deepEqual(errors, [], 'the service logged a swallowed exception');
    });
  }

  for (const [what, text] of BAD_CONFIGS) {
    test(`config: ${what}`, () => {
      const service = createLanguageService({ now: () => NOW });
      const checked = timed('checkConfig', () => service.checkConfig(text));
      assert.ok(checked.diagnostics.length > 0, 'a broken config is reported');
      for (const diagnostic of checked.diagnostics) assert.match(String(diagnostic.message), /\S/);
      service.configure({ root: '/corpus', config: checked.config });
      assert.ok(Array.isArray(service.getDiagnostics(service.parse('file:///corpus/a.md', '---\ntitle: a\n---\n'))));
    });
  }
});
