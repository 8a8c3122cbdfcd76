import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { codes, FRONT_MATTER_RULES, makeWorkspace, messageOf, readFixture, SEEDS, startServer, uriOf, withServer, type TestServer } from './client';

/** Other rule families (公文, punctuation, boilerplate) also fire on the seeds; these tests are about the front-matter rules. */
const repo = path.resolve(__dirname, '..', '..');
const frontMatter = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => FRONT_MATTER_RULES.has(String(d.code)));

describe('seeds over stdio', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    root = makeWorkspace();
    server = await startServer({ root, locale: 'en' });
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  for (const name of [SEEDS.hexo0, SEEDS.hexo1]) {
    test(`${name}: front-matter-position warning on line 0`, async () => {
      const { diagnostics, version } = await server.open(uriOf(root, name), readFixture(name));
      assert.equal(version, 1);
      assert.deepEqual(codes(frontMatter(diagnostics)), ['front-matter-position']);
      const [diagnostic] = frontMatter(diagnostics);
      assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
      assert.equal(diagnostic.range.start.line, 0);
      assert.equal(diagnostic.source, 'policydoc');
      assert.match(messageOf(diagnostic), /[A-Za-z]/);
    });
  }

  test('002: front-matter-position on line 0 and title-mismatch (info) on line 2', async () => {
    const { diagnostics } = await server.open(uriOf(root, SEEDS.hexo2), readFixture(SEEDS.hexo2));
    assert.deepEqual(
      frontMatter(diagnostics).map((d) => [d.code, d.severity, d.range.start.line]),
      [
        ['front-matter-position', DiagnosticSeverity.Warning, 0],
        ['title-mismatch', DiagnosticSeverity.Information, 2],
      ],
    );
  });

  for (const name of [SEEDS.pkulaw, SEEDS.jekyll]) {
    test(`${name}: no front-matter diagnostics`, async () => {
      const { diagnostics } = await server.open(uriOf(root, name), readFixture(name));
      assert.deepEqual(frontMatter(diagnostics), []);
    });
  }

  test('each diagnostic links to its rule\'s documentation page in the repository', async () => {
    const { diagnostics } = await server.open(uriOf(root, 'linked.md'), readFixture(SEEDS.hexo2));
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) {
      const href = diagnostic.codeDescription?.href;
      assert.ok(href, `no documentation link for ${diagnostic.code}`);
      assert.equal(href, pathToFileURL(path.join(repo, 'docs', 'rules', `${diagnostic.code}.md`)).toString());
      assert.ok(fs.existsSync(fileURLToPath(href)));
    }
  });

  test('policydoc/documentInfo returns the detected profile, null for unknown documents', async () => {
    const info = (uri: string) => server.connection.sendRequest('policydoc/documentInfo', { uri });
    assert.deepEqual(await info(uriOf(root, SEEDS.hexo0)), { profile: 'hexo', profileForced: false });
    assert.deepEqual(await info(uriOf(root, SEEDS.pkulaw)), { profile: 'pkulaw', profileForced: false });
    assert.deepEqual(await info(uriOf(root, SEEDS.jekyll)), { profile: 'jekyll', profileForced: false });
    assert.equal(await info(uriOf(root, 'not-open.md')), null);
  });

  test('didClose clears the diagnostics', async () => {
    const uri = uriOf(root, SEEDS.hexo1);
    const cleared = server.nextDiagnostics(uri);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await cleared).diagnostics, []);
    assert.equal(await server.connection.sendRequest('policydoc/documentInfo', { uri }), null);
  });

  test('untitled documents are validated too', async () => {
    const { diagnostics } = await server.open('untitled:Untitled-1', `\n${readFixture(SEEDS.jekyll)}`, 'markdown');
    assert.deepEqual(codes(frontMatter(diagnostics)), ['front-matter-position']);
  });
});

describe('locale', () => {
  const hasChinese = /[\u4e00-\u9fff]/;

  test('InitializeParams.locale zh-cn gives Chinese messages', async () => {
    const root = makeWorkspace();
    await withServer({ root, locale: 'zh-cn' }, async (server) => {
      const { diagnostics } = await server.open(uriOf(root, SEEDS.hexo0), readFixture(SEEDS.hexo0));
      assert.ok(diagnostics.length > 0);
      for (const diagnostic of diagnostics) assert.match(messageOf(diagnostic), hasChinese);
    });
  });

  test('initializationOptions.locale wins over InitializeParams.locale', async () => {
    const root = makeWorkspace();
    await withServer({ root, locale: 'en', initializationOptions: { locale: 'zh-cn' } }, async (server) => {
      const { diagnostics } = await server.open(uriOf(root, SEEDS.hexo0), readFixture(SEEDS.hexo0));
      assert.ok(diagnostics.length > 0);
      for (const diagnostic of diagnostics) assert.match(messageOf(diagnostic), hasChinese);
    });
  });

  test('English when the client says en', async () => {
    const root = makeWorkspace();
    await withServer({ root, locale: 'en' }, async (server) => {
      const { diagnostics } = await server.open(uriOf(root, SEEDS.hexo0), readFixture(SEEDS.hexo0));
      const [position] = diagnostics.filter((d) => d.code === 'front-matter-position');
      assert.match(messageOf(position), /^[\x20-\x7e]+$/);
    });
  });
});
