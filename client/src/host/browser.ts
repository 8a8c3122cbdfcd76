// VS Code for the Web: the same server bundle in a web worker. The worker has no file system: the
// project files it asks for (`.policydocrc.json`, `.policydoc/*.yaml`) are read here, through
// `vscode.workspace.fs`, which also reaches virtual workspaces (github.dev).
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/browser';
import { READ_FILE_REQUEST, type ReadFileParams, type ReadFileResult } from '../../../common/src/protocol';

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
  return client;
}
