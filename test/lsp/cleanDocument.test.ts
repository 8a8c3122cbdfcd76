// The custom request policydoc/cleanDocument over stdio: the cleaned seeds, live after an edit, null for an unknown document.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeWorkspace, readFixture, SEEDS, startServer, uriOf, type TestServer } from './client';
import type { CleanResult } from '../../server/src/service';

const GOLD = path.resolve(__dirname, '../gold');
const gold = (name: string, ext: string) => fs.readFileSync(path.join(GOLD, name.replace(/\.\w+$/, ext)), 'utf8');

describe('policydoc/cleanDocument', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    root = makeWorkspace();
    server = await startServer({ root, locale: 'zh-cn' });
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  const clean = (uri: string, params: object = {}) => server.connection.sendRequest<CleanResult | null>('policydoc/cleanDocument', { uri, ...params });

  for (const name of Object.values(SEEDS)) {
    test(`${name}: {meta, html, text, removed} as the gold files`, async () => {
      const uri = uriOf(root, name);
      await server.open(uri, readFixture(name));
      const result = await clean(uri);
      assert.ok(result);
      assert.deepEqual(Object.keys(result).sort(), ['html', 'meta', 'removed', 'text']);
      assert.equal(result.text, gold(name, '.txt'));
      assert.deepEqual(result.meta, JSON.parse(gold(name, '.meta.json')));
      assert.match(result.html, /^<article class="pd-doc /);
      for (const removed of result.removed) {
        assert.equal(typeof removed.kind, 'string');
        assert.ok(removed.range.start.line <= removed.range.end.line);
      }
    });
  }

  test('answers for the current text after an edit, with images off and Markdown on request', async () => {
    const uri = uriOf(root, 'edited.md');
    await server.open(uri, readFixture(SEEDS.hexo1));
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: '---\ntitle: 新标题\n---\n<p>　　第一段。</p>\n<p class="article-editor">责任编辑：张三</p>\n<img src="https://example.com/a.png">\n' }],
    });
    const result = await clean(uri, { images: false, markdown: true });
    assert.ok(result);
    assert.equal(result.text, '新标题\n\n第一段。\n');
    assert.equal(result.meta.editor, '张三');
    assert.ok(!result.html.includes('<img'));
    assert.match(result.markdown ?? '', /^---\ntitle: 新标题\neditor: 张三\n---\n\n# 新标题\n\n第一段。\n$/);
    assert.deepEqual(result.removed.map((removed) => [removed.kind, removed.range.start.line]), [['editor-line', 4]]);
  });

  test('null for a document the server does not have open', async () => {
    assert.equal(await clean(uriOf(root, 'not-open.md')), null);
  });
});
