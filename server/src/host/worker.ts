// The web-worker host (VS Code for the Web): a connection over the worker's messages; project files
// are read by the client (`vscode.workspace.fs`), which also serves virtual workspaces (github.dev).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { READ_FILE_REQUEST, type ReadFileParams, type ReadFileResult } from '../../../common/src/protocol';
import type { ServerHost } from '.';

type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];

export function createWorkerHost(): ServerHost {
  const scope = globalThis as unknown as WorkerScope;
  const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
  return {
    connection,
    async readFile(uri) {
      try {
        return await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri } satisfies ReadFileParams);
      } catch {
        return null;
      }
    },
  };
}
