// Problems the robustness suite found, each pinned by the smallest input that showed it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import { LineMap } from '../../server/src/service/parse/lineMap';
import { assertRangeInside } from './fuzz';

const NOW = new Date('2026-07-01T00:00:00Z');

function diagnose(text: string, uri = 'file:///r/doc.md') {
  const errors: string[] = [];
  const service = createLanguageService({ now: () => NOW, logError: (message) => errors.push(message) });
  const doc = service.parse(uri, text);
  const diagnostics = service.getDiagnostics(doc);
  assert.deepEqual(errors, []);
  return { doc, diagnostics, service };
}

describe('positions inside a CRLF', () => {
  test('an offset between CR and LF maps to the end of the line', () => {
    const lines = new LineMap('ab\r\ncd');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  });

  test('a YAML error at the end of a CRLF line stays on the line', () => {
    const { doc, diagnostics } = diagnose("---\r\ntitle: 'abc\r\nx: '1\r\n---\r\n");
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) assertRangeInside(doc.lines, diagnostic.range, String(diagnostic.code));
  });
});
