import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { makeWorkspace, readFixture, SEEDS, uriOf } from './client';

const serverModule = path.resolve(__dirname, '..', '..', 'server', 'out', 'server.js');

// The VS Code client starts the server over node IPC (TransportKind.ipc); this is that path without VS Code.
test('the server speaks LSP over node IPC as the VS Code client starts it', { timeout: 20_000 }, async () => {
  const root = makeWorkspace();
  const child = fork(serverModule, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const uri = uriOf(root, SEEDS.hexo0);
  const published = new Promise<PublishDiagnosticsParams>((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      if (params.uri === uri) resolve(params);
    });
  });
  connection.listen();
  try {
    const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).toString(), capabilities: {} });
    assert.ok((result as { capabilities: { codeActionProvider?: unknown } }).capabilities.codeActionProvider);
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFixture(SEEDS.hexo0) } });
    const { diagnostics } = await published;
    assert.ok(diagnostics.some((d) => d.code === 'front-matter-position'));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
});
