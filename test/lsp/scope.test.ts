// Scope over stdio: in a workspace without .policydocrc.json a real Chinese README gets no policydoc
// diagnostics and no code actions, a policy post does; `policydoc.enable` and a project config widen it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { makeWorkspace, readFixture, SEEDS, uriOf, withServer } from './client';

const README = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'scope', 'negative', 'gd-law-crawler.readme.md'), 'utf8');
const everything = { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } };

describe('scope over stdio', () => {
  test('without .policydocrc.json (enable: auto): the README gets none, the policy post does', async () => {
    const root = makeWorkspace({ 'README.md': README });
    await withServer({ root, settings: { enable: 'auto' } }, async (server) => {
      const readme = await server.open(uriOf(root, 'README.md'), README);
      assert.deepEqual(readme.diagnostics, []);
      const actions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(root, 'README.md') }, range: everything, context: { diagnostics: [], only: ['source.fixAll.policydoc'] } });
      assert.deepEqual(actions, []);
      const post = await server.open(uriOf(root, SEEDS.hexo0), readFixture(SEEDS.hexo0));
      assert.ok(post.diagnostics.length > 0);
    });
  });

  test('enable: always checks the README too; never checks nothing', async () => {
    const root = makeWorkspace({ 'README.md': README });
    await withServer({ root, settings: { enable: 'always' } }, async (server) => {
      assert.ok((await server.open(uriOf(root, 'README.md'), README)).diagnostics.length > 0);
    });
    await withServer({ root, settings: { enable: 'never' } }, async (server) => {
      assert.deepEqual((await server.open(uriOf(root, SEEDS.hexo0), readFixture(SEEDS.hexo0))).diagnostics, []);
    });
  });

  test('a .policydocrc.json makes every included file a policy document, and its include narrows', async () => {
    const root = makeWorkspace({ 'README.md': README, 'notes/README.md': README, '.policydocrc.json': '{ "include": ["*.md"] }' });
    await withServer({ root, settings: { enable: 'auto' } }, async (server) => {
      assert.ok((await server.open(uriOf(root, 'README.md'), README)).diagnostics.length > 0);
      assert.deepEqual((await server.open(uriOf(root, 'notes/README.md'), README)).diagnostics, []);
    });
  });
});
