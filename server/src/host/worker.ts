// The web-worker host (VS Code for the Web): a connection over the worker's messages; project files
// are read and documents listed by the client (`vscode.workspace.fs`, `findFiles`), which also
// serves virtual workspaces (github.dev). No index cache: the worker has no storage of its own.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import {
  LIST_DOCUMENTS_REQUEST,
  READ_FILE_REQUEST,
  type ListDocumentsParams,
  type ListDocumentsResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../../../common/src/protocol';
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
    async listDocuments(folderUri) {
      try {
        const uris = await connection.sendRequest<ListDocumentsResult>(LIST_DOCUMENTS_REQUEST, { folderUri } satisfies ListDocumentsParams);
        return uris.map((uri) => ({ uri }));
      } catch {
        return [];
      }
    },
    async stampOf() {
      return undefined;
    },
  };
}
