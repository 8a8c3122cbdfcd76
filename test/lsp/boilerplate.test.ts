// The project's .policydoc/boilerplate.yaml in the editor: its patterns reach the web-boilerplate rule
// in open documents when the file is written, and a broken pattern gets a diagnostic on the file.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeWorkspace, messageOf, startServer, uriOf, type TestServer } from './client';

const TEXT = ['# 关于做好数据治理工作的通知', '', '各区要抓好落实。', '', '关注本站公众号，获取更多政策解读', ''].join('\n');
const FILE = [
  'patterns:',
  '  - kind: promotion',
  "    pattern: '^关注本站公众号，获取更多政策解读$'",
  "    example: '关注本站公众号，获取更多政策解读'",
  '  - kind: footer',
  "    pattern: '^([未闭合$'",
  "    example: '([未闭合'",
  '',
].join('\n');

describe('LSP: user boilerplate patterns', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    root = makeWorkspace({});
    server = await startServer({ root, locale: 'en' });
  });
  after(() => server.stop());

  test('writing .policydoc/boilerplate.yaml re-checks open documents; the bad pattern is reported on the file', async () => {
    const uri = uriOf(root, 'notice.md');
    const boilerplate = (params: { diagnostics: { code?: unknown }[] }) => params.diagnostics.filter((d) => d.code === 'web-boilerplate').length;
    assert.equal(boilerplate(await server.open(uri, TEXT)), 0);
    fs.mkdirSync(path.join(root, '.policydoc'), { recursive: true });
    fs.writeFileSync(path.join(root, '.policydoc', 'boilerplate.yaml'), FILE);
    const fileUri = uriOf(root, '.policydoc/boilerplate.yaml');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 1 }] });
    const published = await server.waitForDiagnostics(uri, (params) => boilerplate(params) === 1);
    const diagnostic = published.diagnostics.find((d) => d.code === 'web-boilerplate')!;
    assert.equal(diagnostic.range.start.line, 4);
    assert.match(messageOf(diagnostic), /portal promotion/);
    const onFile = await server.waitForDiagnostics(fileUri, (params) => params.diagnostics.length === 1);
    assert.equal(onFile.diagnostics[0].range.start.line, 5);
    assert.match(messageOf(onFile.diagnostics[0]), /not a valid regular expression/);
  });

  test('deleting the file takes its patterns away', async () => {
    const uri = uriOf(root, 'notice.md');
    fs.rmSync(path.join(root, '.policydoc', 'boilerplate.yaml'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, '.policydoc/boilerplate.yaml'), type: 3 }] });
    await server.waitForDiagnostics(uri, (params) => params.diagnostics.every((d) => d.code !== 'web-boilerplate'));
  });
});
