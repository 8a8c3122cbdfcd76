// What the language server needs from where it runs. One bundle (server/out/server.js) serves both
// hosts, so the .vsix ships the engine and its data once: a Node process (desktop VS Code, over IPC
// or --stdio) and a web worker (VS Code for the Web). Each host's module is loaded only when it
// runs, so the worker never touches Node's modules.
import type { Connection } from 'vscode-languageserver';

export interface ServerHost {
  connection: Connection;
  /** A project file's text, or null when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | null>;
  /** Where a rule's documentation page is, for links from diagnostics. */
  docsUri?: (ruleId: string) => string | undefined;
}

export function createHost(): ServerHost {
  const inNode = typeof process === 'object' && typeof process.versions?.node === 'string';
  return inNode ? (require('./node') as typeof import('./node')).createNodeHost() : (require('./worker') as typeof import('./worker')).createWorkerHost();
}
