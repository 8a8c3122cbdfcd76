// Conventions of a well-behaved server, over stdio with a real LSP client: every workspace folder has
// its own config and settings, Restricted Mode reads no project file, quick fixes are never stale,
// and completion is triggered only where a character starts something to complete.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionList, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, makeWorkspace, readFixture, SEEDS, uriOf, withServer, type TestServer } from './client';

const SEED = SEEDS.hexo0; // starts with a blank line: front-matter-position (with a fix) and web-boilerplate
const ruleOf = (params: PublishDiagnosticsParams, rule: string) => params.diagnostics.find((diagnostic) => diagnostic.code === rule);

describe('a multi-root workspace: each folder has its own root, .policydocrc.json and settings', () => {
  test('a rule off in one folder\'s config and on as an error in the other\'s, and settings pulled per folder', async () => {
    const quiet = makeWorkspace({ '.policydocrc.json': '{ "rules": { "front-matter-position": "off" } }' });
    const strict = makeWorkspace({ '.policydocrc.json': '{ "rules": { "front-matter-position": "error" } }' });
    const scopes: (string | undefined)[] = [];
    // The editor settings of the second folder switch web-boilerplate off; the first folder's do not.
    const settings = (scopeUri: string | undefined) => {
      scopes.push(scopeUri);
      return scopeUri === pathToFileURL(strict).toString() ? { rules: { 'web-boilerplate': 'off' } } : {};
    };
    await withServer({ root: quiet, folders: [strict], settings }, async (server) => {
      const text = readFixture(SEED);
      const inQuiet = await server.open(uriOf(quiet, SEED), text);
      const inStrict = await server.open(uriOf(strict, SEED), text);
      assert.equal(ruleOf(inQuiet, 'front-matter-position'), undefined, 'off in the first folder');
      assert.ok(ruleOf(inQuiet, 'web-boilerplate'), 'the first folder keeps web-boilerplate');
      assert.equal(ruleOf(inStrict, 'front-matter-position')?.severity, 1, 'an error in the second folder');
      assert.equal(ruleOf(inStrict, 'web-boilerplate'), undefined, "off by the second folder's settings");
      assert.ok(scopes.includes(pathToFileURL(quiet).toString()) && scopes.includes(pathToFileURL(strict).toString()), 'settings were pulled with each folder as scopeUri');

      // A change to one folder's config applies to that folder's documents only.
      const fs = await import('node:fs');
      const path = await import('node:path');
      fs.writeFileSync(path.join(quiet, '.policydocrc.json'), '{ "rules": { "web-boilerplate": "off" } }');
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(quiet, '.policydocrc.json'), type: 2 }] });
      const after = await server.waitForDiagnostics(uriOf(quiet, SEED), (params) => ruleOf(params, 'web-boilerplate') === undefined);
      assert.ok(ruleOf(after, 'front-matter-position'), 'the first folder now has front-matter-position');
    });
  });

  test('a document outside every folder gets the defaults', async () => {
    const configured = makeWorkspace({ '.policydocrc.json': '{ "rules": { "front-matter-position": "off" } }' });
    const elsewhere = makeWorkspace();
    await withServer({ root: configured }, async (server) => {
      const loose = await server.open(uriOf(elsewhere, SEED), readFixture(SEED));
      assert.ok(ruleOf(loose, 'front-matter-position'));
    });
  });
});

describe('Restricted Mode', () => {
  const files = {
    '.policydocrc.json': '{ "rules": { "front-matter-position": "off" } }',
    '.policydoc/agencies.yaml': '- name: 杭州市数据资源管理局\n  kind: 市政府工作部门\n  informal: [杭州数据局]\n',
  };
  const post = '---\ntitle: 杭州数据局发布通知\ndate: 2021-05-20 10:00:00\ncategories: [政策]\n---\n\n杭州数据局发布通知。\n';

  test('untrusted: neither .policydocrc.json nor .policydoc/ is read; once trust is granted both apply', async () => {
    const root = makeWorkspace({ ...files, 'post.md': post });
    await withServer({ root, initializationOptions: { trusted: false } }, async (server) => {
      const seed = await server.open(uriOf(root, SEED), readFixture(SEED));
      assert.ok(ruleOf(seed, 'front-matter-position'), 'the config that switches it off was not read');
      const own = await server.open(uriOf(root, 'post.md'), post);
      assert.equal(ruleOf(own, 'agency-name'), undefined, "the workspace's agencies were not read");

      await server.connection.sendNotification('policydoc/didGrantWorkspaceTrust');
      const trustedSeed = await server.waitForDiagnostics(uriOf(root, SEED), (params) => ruleOf(params, 'front-matter-position') === undefined);
      assert.ok(ruleOf(trustedSeed, 'web-boilerplate'));
      const trustedOwn = await server.waitForDiagnostics(uriOf(root, 'post.md'), (params) => ruleOf(params, 'agency-name') !== undefined);
      assert.match(String(ruleOf(trustedOwn, 'agency-name')?.message), /杭州市数据资源管理局/);
    });
  });

  test('trusted (the default for a client that says nothing): both are read', async () => {
    const root = makeWorkspace({ ...files });
    await withServer({ root }, async (server) => {
      const seed = await server.open(uriOf(root, SEED), readFixture(SEED));
      assert.equal(ruleOf(seed, 'front-matter-position'), undefined);
    });
  });
});

describe('quick fixes are never stale', () => {
  async function codeActions(server: TestServer, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics[0].range;
    return server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only: ['quickfix'] } });
  }

  for (const documentChanges of [false, true]) {
    test(`a diagnostic of an older version gets no quick fix; the new one's fix applies to the new text${documentChanges ? ' (edit tied to the version)' : ''}`, async () => {
      const root = makeWorkspace();
      const capabilities = documentChanges ? { workspace: { workspaceEdit: { documentChanges: true } } } : undefined;
      await withServer({ root, capabilities, settings: { validate: { debounceMs: 0 } } }, async (server) => {
        const uri = uriOf(root, SEED);
        const text = readFixture(SEED);
        const first = await server.open(uri, text);
        const stale = [ruleOf(first, 'front-matter-position')!];
        assert.ok((await codeActions(server, uri, stale)).length > 0, 'a fix for the current version');

        // The user types two more blank lines at the top; the old diagnostic's edit would now cut the wrong lines.
        await server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 2 },
          contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }],
        });
        assert.deepEqual(await codeActions(server, uri, stale), [], 'no quick fix from a diagnostic of version 1');

        const second = await server.waitForDiagnostics(uri, (params) => params.version === 2);
        const fresh = [ruleOf(second, 'front-matter-position')!];
        const [action] = await codeActions(server, uri, fresh);
        assert.ok(action, 'the new diagnostic has its fix');
        const newText = `\n\n${text}`;
        if (documentChanges) {
          const [change] = action.edit!.documentChanges as TextDocumentEdit[];
          assert.deepEqual(change.textDocument, { uri, version: 2 });
          const fixed = applyWorkspaceEdit(newText, uri, { changes: { [uri]: change.edits as never } });
          assert.ok(fixed.startsWith('---\n'));
        } else {
          assert.ok(applyWorkspaceEdit(newText, uri, action.edit).startsWith('---\n'));
        }
      });
    });
  }
});

describe('completion trigger characters', () => {
  const post = '---\ntitle: 通知\ndate: 2021-05-20 10:00:00\ncategories: [政策]\ncomments: false\n---\n\n国家发展改革委 印发 通知 （发改办〔\n';

  async function complete(server: TestServer, uri: string, line: number, character: number, triggerCharacter?: string): Promise<CompletionList | null> {
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    return server.connection.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character }, context });
  }

  test('only 〔 and a space; a space answers only where a front-matter value starts', async () => {
    const root = makeWorkspace({ 'post.md': post });
    await withServer({ root }, async (server) => {
      assert.deepEqual(server.capabilities.completionProvider?.triggerCharacters, ['〔', ' ']);
      const uri = uriOf(root, 'post.md');
      await server.open(uri, post);
      // `comments: ` (line 4): the boolean values.
      const value = await complete(server, uri, 4, 'comments: '.length, ' ');
      assert.deepEqual(value?.items.map((item) => item.label).sort(), ['false', 'true']);
      // A space in the body: nothing is asked of the service.
      const lines = post.split('\n');
      assert.equal(await complete(server, uri, 7, lines[7].indexOf(' ') + 1, ' '), null);
      // The same place asked for explicitly (Ctrl+Space) is still answered.
      assert.notEqual(await complete(server, uri, 7, lines[7].indexOf(' ') + 1), null);
      // `〔` offers the year.
      const year = await complete(server, uri, 7, lines[7].length, '〔');
      assert.ok(year?.items.some((item) => /^\d{4}$/.test(String(item.label))), JSON.stringify(year?.items.map((item) => item.label)));
    });
  });
});

describe('one watcher of config files and documents', () => {
  test('the server registers the only watcher, of .policydocrc.json, .policydoc/* and the documents it indexes; the client watches nothing', async () => {
    const root = makeWorkspace();
    await withServer({ root }, async (server) => {
      // Registration happens on `initialized`, before the first document is validated.
      await server.open(uriOf(root, SEED), readFixture(SEED));
      const watchers = server.registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles');
      assert.equal(watchers.length, 1);
      const globs = (watchers[0].registerOptions as { watchers: { globPattern: string }[] }).watchers.map((watcher) => watcher.globPattern);
      assert.deepEqual(globs, ['**/.policydocrc.json', '**/.policydoc/agencies.yaml', '**/.policydoc/terms.yaml', '**/.policydoc/boilerplate.yaml', '**/*.{md,markdown,txt}']);
    });
    const fs = await import('node:fs');
    const path = await import('node:path');
    const client = fs.readdirSync(path.join(__dirname, '..', '..', 'client', 'src'), { recursive: true }).map(String).filter((file) => file.endsWith('.ts'));
    for (const file of client) {
      const source = fs.readFileSync(path.join(__dirname, '..', '..', 'client', 'src', file), 'utf8');
      assert.doesNotMatch(source, /createFileSystemWatcher|fileEvents:/, file);
    }
  });
});
