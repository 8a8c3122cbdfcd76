// Property tests of the language service on random edits of the seeds: no exception, no call beyond the bound,
// every range inside the document, fixes confined and idempotent, cleaner output within the allowlist.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { createLanguageService, type PolicyDocument } from '../../server/src/service';
import { LineMap } from '../../server/src/service/parse/lineMap';
import { allowlistProblems, markdownProblems } from './allowlist';
import { applyConfined, assertRangeInside, check, mutatedDocument, positionIn, positionSpec, runs, timed, wellFormed } from './fuzz';

const NOW = new Date('2026-07-01T00:00:00Z');
/** Passes of `policydoc check --fix` (server/src/cli/check.ts): the fixes must settle within them. */
const MAX_FIX_PASSES = 10;

function service() {
  const errors: string[] = [];
  // The service catches a throwing rule or feature and logs it: a log is an exception that was swallowed.
  const languageService = createLanguageService({ now: () => NOW, logError: (message) => errors.push(message) });
  return { languageService, errors };
}

/** Diagnostics, code actions and the fix-all edits of one text: all ranges inside, all edits confined. */
function checkDiagnosticsAndFixes(ls: ReturnType<typeof service>['languageService'], doc: PolicyDocument): void {
  const diagnostics = timed('getDiagnostics', () => ls.getDiagnostics(doc));
  for (const diagnostic of diagnostics) {
    assertRangeInside(doc.lines, diagnostic.range, `diagnostic ${diagnostic.code}`);
    const fix = (diagnostic.data as { fix?: { edits: { range: never; newText: string }[] } } | undefined)?.fix;
    if (fix) applyConfined(doc.text, fix.edits, `fix of ${diagnostic.code}`);
  }
  const actions = timed('getCodeActions', () => ls.getCodeActions(doc, diagnostics));
  for (const action of actions) applyConfined(doc.text, action.edit?.changes?.[doc.uri] ?? [], `code action ${action.title}`);
}

describe('language service on mutated seeds', () => {
  test('diagnostics, fixes, completion, hover and clean: no exception, bounded, ranges inside', async () => {
    await check(
      fc.property(mutatedDocument, fc.array(positionSpec, { minLength: 1, maxLength: 4 }), fc.boolean(), (text, positions, images) => {
        const { languageService: ls, errors } = service();
        const uri = text.includes('北大法宝') ? 'file:///fuzz/doc.txt' : 'file:///fuzz/doc.md';
        const doc = timed('parse', () => ls.parse(uri, text));
        checkDiagnosticsAndFixes(ls, doc);
        for (const [f, wild] of positions) {
          const position = positionIn(text, f, wild);
          const completions = timed('getCompletions', () => ls.getCompletions(doc, position));
          for (const item of completions.items) {
            const edit = item.textEdit;
            if (edit && 'range' in edit) assertRangeInside(doc.lines, edit.range, `completion ${item.label}`);
            if (edit && 'insert' in edit) {
              assertRangeInside(doc.lines, edit.insert, `completion ${item.label}`);
              assertRangeInside(doc.lines, edit.replace, `completion ${item.label}`);
            }
            for (const extra of item.additionalTextEdits ?? []) assertRangeInside(doc.lines, extra.range, `completion ${item.label}`);
          }
          const hover = timed('getHover', () => ls.getHover(doc, position));
          if (hover?.range) assertRangeInside(doc.lines, hover.range, 'hover');
        }
        const cleaned = timed('cleanDocument', () => ls.cleanDocument(doc, { images, markdown: true }));
        assert.deepEqual(allowlistProblems(cleaned.html), [], 'cleaner HTML outside the allowlist');
        assert.deepEqual(markdownProblems(cleaned.markdown ?? ''), [], 'Markdown export renders outside the allowlist');
        for (const removed of cleaned.removed) assertRangeInside(doc.lines, removed.range, `removed ${removed.kind}`);
        assert.deepEqual(errors, [], 'the service logged a swallowed exception');
      }),
      runs(150),
    );
  });

  test('fix-all settles within the CLI passes, is idempotent there and never breaks the text', async () => {
    await check(
      fc.property(mutatedDocument, (text) => {
        const { languageService: ls, errors } = service();
        const uri = 'file:///fuzz/fix.md';
        let current = text;
        let doc = ls.parse(uri, current);
        let settled = false;
        for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
          const edits = timed('getFixAllEdits', () => ls.getFixAllEdits(doc));
          const next = applyConfined(current, edits, `fix-all pass ${pass}`);
          if (next === current) {
            settled = true;
            break;
          }
          if (wellFormed(current)) assert.ok(wellFormed(next), `fix-all pass ${pass} split a surrogate pair`);
          if (!current.includes('\0')) assert.ok(!next.includes('\0'), `fix-all pass ${pass} wrote a NUL`);
          current = next;
          doc = timed('parse', () => ls.parse(uri, current));
          checkDiagnosticsAndFixes(ls, doc);
        }
        assert.ok(settled, `fix-all did not settle within ${MAX_FIX_PASSES} passes`);
        // At the fixed point, fixing again changes nothing.
        assert.equal(applyConfined(current, ls.getFixAllEdits(ls.parse(uri, current)), 'fix-all at the fixed point'), current);
        assert.deepEqual(errors, [], 'the service logged a swallowed exception');
      }),
      runs(120),
    );
  });

  test('links and images with any target: the HTML and the Markdown export stay within the allowlist', async () => {
    const piece = fc.constantFrom('javascript:', 'JaVaScRiPt:', 'http://a.cn/', 'data:image/png;base64,AA', 'x', '(', ')', '[', ']', '![', '](', ' ', '<', '>', '\\', "'", '&#41;', '&quot;', '%29', '&#x09;', ':', '*', '_', '`');
    const target = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(''));
    const label = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join('').replace(/[<>]/g, ''));
    await check(
      fc.property(target, target, label, label, (href, src, text, alt) => {
        const { languageService: ls, errors } = service();
        const html = `<p>见<a href="${href.replace(/"/g, '&quot;')}">${text}</a>和<img src="${src.replace(/"/g, '&quot;')}" alt="${alt}">。</p>`;
        const doc = ls.parse('file:///fuzz/links.md', `---\nlayout: post\ntitle: "t"\n---\n${html}\n`);
        const cleaned = timed('cleanDocument', () => ls.cleanDocument(doc, { markdown: true }));
        assert.deepEqual(allowlistProblems(cleaned.html), [], 'cleaner HTML outside the allowlist');
        assert.deepEqual(markdownProblems(cleaned.markdown ?? ''), [], 'Markdown export renders outside the allowlist');
        assert.deepEqual(errors, []);
      }),
      runs(200),
    );
  });

  test('editing config text: checkConfig never throws and its ranges are inside', async () => {
    const base = '{\n  // project\n  "rules": { "agency-name": "off", "unknown-key": { "severity": "error" } },\n  "overrides": [{ "files": ["*.txt"], "profile": "pkulaw" }]\n}\n';
    await check(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(10), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 5 }), (edits) => {
        const text = edits.reduce((t, [f, n, s]) => {
          const i = Math.floor(f * t.length);
          return t.slice(0, i) + s + t.slice(i + n);
        }, base);
        const { languageService: ls } = service();
        const checked = timed('checkConfig', () => ls.checkConfig(text));
        const lines = new LineMap(text);
        for (const diagnostic of checked.diagnostics) assertRangeInside(lines, diagnostic.range, 'config diagnostic');
        timed('configure', () => ls.configure({ root: '/fuzz', config: checked.config }));
        ls.getDiagnostics(ls.parse('file:///fuzz/a.md', '---\ntitle: a\n---\n'));
      }),
      runs(150),
    );
  });
});
