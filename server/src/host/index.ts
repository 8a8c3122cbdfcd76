// What the language server needs from where it runs. One bundle (server/out/server.js) serves both
// hosts, so the .vsix ships the engine and its data once: a Node process (desktop VS Code, over IPC
// or --stdio) and a web worker (VS Code for the Web). Each host's module is loaded only when it
// runs, so the worker never touches Node's modules.
import type { Connection } from 'vscode-languageserver';
import type { DocumentEntry, KnowledgeKind, Locale, PolicydocConfig } from '../service';

/** How a workspace folder's service parses: what an index builder elsewhere (a worker thread) needs to parse alike. */
export interface ParseSetup {
  root?: string;
  config?: PolicydocConfig;
  userKnowledge?: { kind: KnowledgeKind; uri: string; text: string }[];
  locale: Locale;
}

export interface BuiltEntries {
  entries: (DocumentEntry & { stamp?: string })[];
  /** Files that vanished or could not be read. */
  failed: string[];
}

/** A document's file name, as DOCUMENT_GLOB (common/src/protocol.ts) matches it. */
export const DOCUMENT_FILE = /\.(?:md|markdown|txt)$/i;

/** A document file of a workspace folder; `stamp` changes whenever the file does (mtime and size), where the host can tell. */
export interface DocumentFile {
  uri: string;
  stamp?: string;
}

export interface ServerHost {
  connection: Connection;
  /** A project file's text, or null when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | null>;
  /** The `.md`, `.markdown` and `.txt` files under a folder, leaving out `node_modules` and dot folders. */
  listDocuments(folderUri: string): Promise<DocumentFile[]>;
  /** The file's current stamp, or undefined when it is gone (or the host cannot tell). */
  stampOf(uri: string): Promise<string | undefined>;
  /** A place for the workspace index cache (the extension's storage folder, passed by the client); absent on the web. */
  cacheStore?(storagePath: string): { read(): Promise<string | null>; write(text: string): Promise<void> };
  /** Reads and indexes many files off the thread that answers the editor (Node: worker threads); absent on the web. */
  buildEntries?(files: string[], setup: ParseSetup, options: { onProgress(done: number): void; isCancelled(): boolean }): Promise<BuiltEntries>;
  /** Where a rule's documentation page is, for links from diagnostics. */
  docsUri?: (ruleId: string) => string | undefined;
}

export function createHost(): ServerHost {
  const inNode = typeof process === 'object' && typeof process.versions?.node === 'string';
  return inNode ? (require('./node') as typeof import('./node')).createNodeHost() : (require('./worker') as typeof import('./worker')).createWorkerHost();
}
