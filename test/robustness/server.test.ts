// The real server over stdio: random edits of the seeds (property test), then the bad-input corpus; it answers every
// request within the bound, every range is inside the document, it stays up and its memory stays bounded.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import * as fc from 'fast-check';
import type { CodeAction, CompletionList, Diagnostic, Hover, Position, TextEdit } from 'vscode-languageserver-types';
import { LineMap } from '../../server/src/service/parse/lineMap';
import { makeWorkspace, startServer, uriOf, type TestServer } from '../lsp/client';
import { allowlistProblems } from './allowlist';
import { asText, badInputs } from './corpus';
import { applyConfined, assertRangeInside, check, mutatedDocument, positionIn, positionSpec, runs, timedAsync } from './fuzz';

/** Generous: the server holds a few documents and the knowledge data; a leak over the corpus would pass it. */
const RSS_BOUND_BYTES = 1.5 * 1024 ** 3;

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!kb) throw new Error('no VmRSS in /proc/<pid>/status');
  return Number(kb[1]) * 1024;
}

/** Requests and checks everything the editor would ask about one document version. */
async function probe(server: TestServer, uri: string, text: string, diagnostics: Diagnostic[], positions: Position[], bound?: number): Promise<void> {
  const lines = new LineMap(text);
  for (const diagnostic of diagnostics) assertRangeInside(lines, diagnostic.range, `diagnostic ${diagnostic.code}`);
  const request = <T>(method: string, params: unknown) => timedAsync(method, () => server.connection.sendRequest<T>(method, params), bound);
  for (const position of positions) {
    const completions = await request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    for (const item of completions?.items ?? []) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertRangeInside(lines, edit.range, `completion ${item.label}`);
    }
    const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    if (hover?.range) assertRangeInside(lines, hover.range, 'hover');
  }
  const whole = lines.range(0, text.length);
  const quickFixes = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics } });
  for (const action of quickFixes) applyConfined(text, action.edit?.changes?.[uri] ?? [], `quick fix ${action.title}`);
  const fixAll = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics, only: ['source.fixAll.policydoc'] } });
  for (const action of fixAll) applyConfined(text, action.edit?.changes?.[uri] ?? [], 'fix-all');
  const cleaned = await request<{ html: string; removed: { range: never }[] } | null>('policydoc/cleanDocument', { uri, markdown: true });
  assert.ok(cleaned, 'cleanDocument answered');
  assert.deepEqual(allowlistProblems(cleaned.html), []);
  for (const removed of cleaned.removed) assertRangeInside(lines, removed.range, 'removed range');
}

function failuresIn(logs: string[]): string[] {
  return logs.filter((message) => /failed/i.test(message));
}

describe('server over stdio: random edits of the seeds', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    root = makeWorkspace();
    server = await startServer({ root, settings: { validate: { debounceMs: 0 } } });
  });
  after(async () => {
    await server.stop();
  });

  const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(30), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', '\n', '\r\n', '〔2020〕', '---\n', '<p>'));
  let count = 0;

  test('open, edit, then complete, hover, code actions and clean: bounded, ranges inside, no failure logged', async () => {
    await check(
      fc.asyncProperty(mutatedDocument, fc.array(edit, { maxLength: 4 }), fc.array(positionSpec, { minLength: 1, maxLength: 3 }), async (initial, edits, positionSpecs) => {
        const uri = uriOf(root, `fuzz-${count++}.md`);
        let text = initial;
        let version = 1;
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
        for (const [f, length, inserted, token] of edits) {
          const lines = new LineMap(text);
          const start = Math.floor(f * text.length);
          const range = lines.range(start, Math.min(text.length, start + length));
          const change: TextEdit = { range, newText: inserted + token };
          text = applyConfined(text, [change], 'didChange');
          version++;
          await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: change.newText }] });
        }
        const published = await server.waitForDiagnostics(uri, (params) => params.version === version);
        await probe(server, uri, text, published.diagnostics, positionSpecs.map(([f, wild]) => positionIn(text, f, wild)));
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await server.waitForDiagnostics(uri, (params) => params.version === undefined);
        assert.deepEqual(failuresIn(server.logs), []);
      }),
      runs(40),
    );
  });
});

describe('server over stdio: the bad-input corpus', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    root = makeWorkspace({ '.policydocrc.json': 'this is not JSON {{{' });
    server = await startServer({ root, settings: { validate: { debounceMs: 0 } } });
  });
  after(async () => {
    await server.stop();
  });

  test('a config file that is not JSON gets a diagnostic on the file, and validation goes on with the defaults', async () => {
    const config = await server.waitForDiagnostics(uriOf(root, '.policydocrc.json'), () => true);
    assert.ok(config.diagnostics.length > 0);
    assert.match(String(config.diagnostics[0].message), /JSON/);
    const published = await server.open(uriOf(root, 'after-config.md'), '\n---\ntitle: t\n---\n');
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['front-matter-position']);
  });

  for (const input of badInputs()) {
    test(`${input.what}: diagnostics or nothing, every answer inside the bound, still up`, async () => {
      const uri = uriOf(root, `corpus-${input.name}`);
      const text = asText(input);
      const bound = input.large ? 3000 + 1000 * Math.ceil(input.bytes.length / 1_000_000) : undefined;
      const published = await server.open(uri, text, input.name.endsWith('.txt') ? 'plaintext' : 'markdown');
      const lines = new LineMap(text);
      await probe(server, uri, text, published.diagnostics, [lines.positionAt(0), lines.positionAt(text.length >> 1)], bound);
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await server.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0);
      assert.deepEqual(failuresIn(server.logs), []);
    });
  }

  test('after the corpus the server answers the next request and its memory is bounded', async () => {
    const uri = uriOf(root, 'next.md');
    const published = await server.open(uri, '---\nlayout: post\ntitle: "t"\n---\n国家发改委\n');
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['agency-name']);
    const info = await server.connection.sendRequest<{ profile: string }>('policydoc/documentInfo', { uri });
    assert.equal(info.profile, 'jekyll');
    const rss = rssOf(server.process.pid!);
    assert.ok(rss < RSS_BOUND_BYTES, `server RSS ${Math.round(rss / 1024 ** 2)} MB`);
  });
});
