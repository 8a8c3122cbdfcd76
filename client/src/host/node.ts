// Desktop: the server (server/out/server.js) in a Node process, over IPC.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export function createNodeClient(context: vscode.ExtensionContext, options: LanguageClientOptions): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--enable-source-maps', '--inspect=6009'] } },
  };
  return new LanguageClient('policydoc', 'policydoc', serverOptions, options);
}
