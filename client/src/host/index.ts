// Where the client runs decides how the server runs. One bundle (client/out/extension.js, both
// `main` and `browser` in package.json) serves desktop VS Code (the server in a Node process, over
// IPC) and VS Code for the Web (the server in a web worker). Each host's module is loaded only
// when it runs, so the web extension host never touches Node's modules.
import type * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';

export const inNode = typeof process === 'object' && typeof process.versions?.node === 'string';

/** On the desktop, saved and untitled documents; on the web, documents of every file system (github.dev's `vscode-vfs:` …). */
export function documentSelector(languages: string[]): DocumentSelector {
  return languages.flatMap((language) => (inNode ? ['file', 'untitled'].map((scheme) => ({ scheme, language })) : [{ language }]));
}

export function createLanguageClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient {
  return inNode
    ? (require('./node') as typeof import('./node')).createNodeClient(context, options)
    : (require('./browser') as typeof import('./browser')).createBrowserClient(context, options);
}
