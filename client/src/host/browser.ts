// VS Code for the Web: the same server bundle in a web worker. The worker has no file system: the
// project files it asks for (`.policydocrc.json`, `.policydoc/*.yaml`, documents to index) are read
// and listed here, through `vscode.workspace.fs` and `findFiles`, which also reach virtual
// workspaces (github.dev).
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/browser';
import {
  DOCUMENT_GLOB,
  LIST_DOCUMENTS_REQUEST,
  READ_FILE_REQUEST,
  type ListDocumentsParams,
  type ListDocumentsResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../../../common/src/protocol';

/** The DOM's Worker (this project compiles without the DOM library). */
type ServerWorker = Exclude<ServerOptions, () => unknown>;
declare const Worker: new (url: string) => ServerWorker;

export function createBrowserClient(context: vscode.ExtensionContext, options: LanguageClientOptions): LanguageClient {
  const script = vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'server.js').toString(true);
  // A new worker for every start (a restart stops the client, then starts it), the old one ended.
  let worker: ServerWorker | undefined;
  const startWorker = async () => {
    worker?.terminate();
    worker = new Worker(script);
    return worker;
  };
  const client = new LanguageClient('policydoc', 'policydoc', startWorker, options);
  client.onRequest(READ_FILE_REQUEST, async ({ uri }: ReadFileParams): Promise<ReadFileResult> => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
    } catch {
      return null;
    }
  });
  client.onRequest(LIST_DOCUMENTS_REQUEST, async ({ folderUri }: ListDocumentsParams): Promise<ListDocumentsResult> => {
    const pattern = new vscode.RelativePattern(vscode.Uri.parse(folderUri), DOCUMENT_GLOB);
    const found = await vscode.workspace.findFiles(pattern, '**/{node_modules,.*}/**');
    return found.map((uri) => uri.toString());
  });
  return client;
}
