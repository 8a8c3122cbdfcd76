// textDocument/documentSymbol and textDocument/foldingRange over stdio, on a real law (lawrefbook, in the committed corpus sample).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { makeWorkspace, startServer, uriOf, type TestServer } from './client';

const LAW = path.resolve(__dirname, '../corpus/docs/lawrefbook/诉讼与非诉讼程序法/人民调解法(2010-08-28).md');

describe('outline and folding', () => {
  let server: TestServer;
  let uri: string;
  before(async () => {
    const root = makeWorkspace();
    server = await startServer({ root, locale: 'zh-cn' });
    uri = uriOf(root, 'law.md');
    await server.open(uri, fs.readFileSync(LAW, 'utf8'));
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  test('the server offers both', () => {
    assert.ok(server.capabilities.documentSymbolProvider);
    assert.ok(server.capabilities.foldingRangeProvider);
  });

  test('document symbols: the law\'s chapters hold its articles, each with the range of its text', async () => {
    const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const all = (list: DocumentSymbol[]): DocumentSymbol[] => list.flatMap((symbol) => [symbol, ...all(symbol.children ?? [])]);
    const chapter = all(symbols).find((symbol) => symbol.name.startsWith('第一章'));
    assert.ok(chapter, JSON.stringify(symbols.map((symbol) => symbol.name)));
    assert.ok((chapter.children ?? []).some((symbol) => symbol.name.startsWith('第一条')));
    assert.ok(all(symbols).some((symbol) => symbol.name.startsWith('第二章')));
    for (const symbol of all(symbols)) {
      assert.ok(symbol.range.start.line <= symbol.selectionRange.start.line && symbol.selectionRange.end.line <= symbol.range.end.line, symbol.name);
    }
  });

  test('folding ranges: one per chapter at least, each on lines of the document', async () => {
    const ranges = await server.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = fs.readFileSync(LAW, 'utf8').split('\n');
    const chapterLines = lines.flatMap((line, index) => (/^## 第[一二三四五六七八九十]+章/.test(line) ? [index] : []));
    for (const line of chapterLines) assert.ok(ranges.some((range) => range.startLine === line), `no fold at line ${line}`);
    for (const range of ranges) assert.ok(range.startLine < range.endLine && range.endLine < lines.length);
  });
});
