// Problems the robustness suite found, each pinned by the smallest input that showed it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import { LineMap } from '../../server/src/service/parse/lineMap';
import { markdownProblems } from './allowlist';
import { applyEdits } from '../../server/src/service/edits';
import { assertRangeInside, timed } from './fuzz';

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

describe('Markdown export of allowlisted URLs', () => {
  // Each URL passes the sanitiser as a relative URL, but written bare into `](…)` a Markdown reader saw a javascript: link.
  const cases: [string, string][] = [
    ['a ) that closes the link early', '<a href="https://a.cn/(x) [y](javascript:alert(1)">a</a>'],
    ['a <…> destination', '<img src="&lt;javascript:alert(1)&gt;" alt="b">'],
    ['an entity decoded by the reader', '<a href="&amp;#106;avascript:alert(1)">c</a>'],
  ];
  for (const [what, html] of cases) {
    test(what, () => {
      const { doc, service } = diagnose(`---\nlayout: post\ntitle: "t"\n---\n<p>见${html}。</p>\n`);
      const { markdown = '' } = service.cleanDocument(doc, { markdown: true });
      assert.deepEqual(markdownProblems(markdown), [], markdown);
    });
  }

  test('an ordinary link is written as it was', () => {
    const { doc, service } = diagnose('---\nlayout: post\ntitle: "t"\n---\n<p><a href="https://a.cn/x?a=1">链接</a></p>\n');
    assert.match(service.cleanDocument(doc, { markdown: true }).markdown ?? '', /\[链接\]\(https:\/\/a\.cn\/x\?a=1\)/);
  });
});

describe('applying many fixes to a large text', () => {
  test('is linear: 5,000 edits on a 10 MB text within the call bound', () => {
    const text = '国家发改委召开会议。\n'.repeat(1_000_000);
    const lines = new LineMap(text);
    const edits = Array.from({ length: 5000 }, (_, i) => ({ range: lines.range(i * 2000, i * 2000 + 5), newText: '国家发展改革委' }));
    const fixed = timed('applyEdits', () => applyEdits(text, lines, edits));
    assert.equal(fixed.length, text.length + 5000 * 2);
    assert.ok(fixed.startsWith('国家发展改革委召开会议。\n国家发改委'));
  });

  test('inserts at one position keep their order, as LSP asks', () => {
    const text = 'ab';
    const at = { line: 0, character: 1 };
    assert.equal(applyEdits(text, new LineMap(text), [{ range: { start: at, end: at }, newText: '1' }, { range: { start: at, end: at }, newText: '2' }]), 'a12b');
  });
});
