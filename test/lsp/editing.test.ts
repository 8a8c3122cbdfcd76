import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { createLanguageService } from '../../server/src/service';
import { applyWorkspaceEdit, makeWorkspace, readFixture, SEEDS, startServer, uriOf, withServer, type TestServer } from './client';

/** A small Jekyll post whose only problem is the blank line before its front matter. */
const POST = '\n---\nlayout: post\ntitle: "商务部：提升传统消费能级"\ndate: 2021-12-29 18:26:21 +0800\n---\n\n<p>正文。</p>\n';
const atStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const firstLine = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
const has = (diagnostics: Diagnostic[], code: string) => diagnostics.some((d) => d.code === code);

describe('editing and code actions', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    root = makeWorkspace();
    server = await startServer({ root, settings: { validate: { debounceMs: 0 } } });
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  const change = (uri: string, version: number, range: typeof atStart, text: string) =>
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  const codeActions = (uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> =>
    server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: firstLine, context: { diagnostics, only } });

  test('an incremental change updates the diagnostics', async () => {
    const uri = uriOf(root, SEEDS.hexo0);
    const opened = await server.open(uri, readFixture(SEEDS.hexo0));
    assert.ok(has(opened.diagnostics, 'front-matter-position'));

    const removed = server.nextDiagnostics(uri);
    await change(uri, 2, firstLine, '');
    const afterRemoval = await removed;
    assert.equal(afterRemoval.version, 2);
    assert.ok(!has(afterRemoval.diagnostics, 'front-matter-position'));

    const added = server.nextDiagnostics(uri);
    await change(uri, 3, atStart, '\n\n');
    const afterAdding = await added;
    assert.equal(afterAdding.version, 3);
    const [position] = afterAdding.diagnostics.filter((d) => d.code === 'front-matter-position');
    assert.deepEqual(position.range.start, { line: 0, character: 0 });
  });

  test('a quick fix from the diagnostic, applied, removes the blank line before the front matter', async () => {
    const uri = uriOf(root, 'post.md');
    const { diagnostics } = await server.open(uri, POST);
    const [position] = diagnostics.filter((d) => d.code === 'front-matter-position');
    const actions = await codeActions(uri, [position], ['quickfix']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'quickfix');
    assert.deepEqual(actions[0].diagnostics, [position]);
    assert.equal(applyWorkspaceEdit(POST, uri, actions[0].edit), POST.slice(1));
  });

  test('no quick fix when the editor passes no diagnostics, and none when only source actions are asked for', async () => {
    const uri = uriOf(root, 'post2.md');
    const { diagnostics } = await server.open(uri, POST);
    assert.deepEqual(await codeActions(uri, []), []);
    const sourceOnly = await codeActions(uri, diagnostics, ['source']);
    assert.deepEqual(sourceOnly.map((action) => action.kind), ['source.fixAll.policydoc']);
  });

  test('source.fixAll.policydoc returns the service\'s fix-all edits and is only offered when asked for', async () => {
    const uri = uriOf(root, SEEDS.hexo2);
    const text = readFixture(SEEDS.hexo2);
    const { diagnostics } = await server.open(uri, text);
    const service = createLanguageService();
    service.configure({ root });
    const expected = service.getFixAllEdits(service.parse(uri, text));
    assert.ok(expected.length > 0);
    for (const only of [['source.fixAll'], ['source.fixAll.policydoc'], ['source']]) {
      const actions = await codeActions(uri, [], only);
      assert.deepEqual(actions.map((action) => action.kind), ['source.fixAll.policydoc'], `only: ${only}`);
      assert.deepEqual(actions[0].edit, { changes: { [uri]: expected } });
      assert.ok(applyWorkspaceEdit(text, uri, actions[0].edit).startsWith('---\n'));
    }
    const quickfixes = await codeActions(uri, diagnostics, ['quickfix']);
    assert.ok(quickfixes.every((action) => action.kind === 'quickfix'));
    const unrequested = await codeActions(uri, diagnostics);
    assert.ok(unrequested.every((action) => action.kind === 'quickfix'));
  });

  test('no fix-all action for a document without fixable problems', async () => {
    const uri = uriOf(root, 'clean.md');
    await server.open(uri, POST.slice(1));
    assert.deepEqual(await codeActions(uri, [], ['source.fixAll']), []);
  });

  test('code actions for a document that is not open: none', async () => {
    assert.deepEqual(await codeActions(uriOf(root, 'never-opened.md'), [], ['source.fixAll']), []);
  });
});

describe('debounced validation', () => {
  test('after a fast sequence of changes the last publish is for the last version and its text', async () => {
    const root = makeWorkspace();
    await withServer({ root }, async (server) => {
      const uri = uriOf(root, 'post.md');
      assert.ok(has((await server.open(uri, POST.slice(1))).diagnostics, 'front-matter-position') === false);
      // Versions 2..6 alternately add and remove a blank line before the front matter; the last one adds it.
      const last = 6;
      for (let version = 2; version <= last; version++) {
        const contentChanges = [version % 2 === 0 ? { range: atStart, text: '\n' } : { range: firstLine, text: '' }];
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      }
      const seen: (number | undefined)[] = [];
      const final = await server.waitForDiagnostics(uri, (params) => {
        seen.push(params.version);
        return params.version === last;
      });
      assert.ok(has(final.diagnostics, 'front-matter-position'));
      assert.deepEqual(seen, [...seen].sort((a, b) => (a ?? 0) - (b ?? 0)), 'publishes never go back to an older version');
      assert.ok(seen.every((version) => version !== undefined && version >= 2), 'every publish carries a version of the changed document');
    });
  });

  test('a change right before close publishes nothing after the clearing publish; a reopen is validated afresh', async () => {
    const root = makeWorkspace();
    await withServer({ root, settings: { validate: { debounceMs: 50 } } }, async (server) => {
      const uri = uriOf(root, 'post.md');
      await server.open(uri, POST);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: firstLine, text: '' }] });
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      // Whatever was published before the close, the clearing publish (no version) follows it.
      const cleared = await server.waitForDiagnostics(uri, (params) => params.version === undefined);
      assert.deepEqual(cleared.diagnostics, []);
      const reopened = await server.open(uri, POST);
      assert.equal(reopened.version, 1);
      assert.ok(has(reopened.diagnostics, 'front-matter-position'));
    });
  });
});
