// Helpers for the LSP tests: start the bundled server over stdio, speak JSON-RPC to it, collect what it publishes.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, ServerCapabilities, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LineMap } from '../../server/src/service/parse/lineMap';
import { applyEdits } from '../../server/src/service/edits';

const repo = path.resolve(__dirname, '..', '..');
const serverModule = path.join(repo, 'server', 'out', 'server.js');
export const fixtures = path.join(repo, 'test', 'fixtures');

/** A safety bound so a broken server fails a test instead of hanging it; not a timing assertion (generous: CI machines are shared). */
const SAFETY_TIMEOUT_MS = 60_000;

export const SEEDS = {
  hexo0: '000_680b3455c651966d.md',
  hexo1: '001_23dc74ad63b58a12.md',
  hexo2: '002_5b2f985364582157.md',
  pkulaw: '003_3f3e0725406a3fc4.txt',
  jekyll: '004_c3879432c9c75c10.md',
} as const;

/** A fresh workspace folder in the temp directory holding copies of the seeds (and optional extra files). */
export function makeWorkspace(extra: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'policydoc-lsp-'));
  for (const name of Object.values(SEEDS)) fs.copyFileSync(path.join(fixtures, name), path.join(root, name));
  for (const [name, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

export function uriOf(root: string, name: string): string {
  return pathToFileURL(path.join(root, name)).toString();
}

export interface StartOptions {
  root: string;
  locale?: string;
  initializationOptions?: unknown;
  /**
   * The `policydoc` settings section the test client answers `workspace/configuration` with (a function:
   * per `scopeUri`); `enable` is `always` unless given, so a test's small documents are checked whether
   * or not they look like policy documents.
   */
  settings?: unknown;
  /** More workspace folders after `root` (a multi-root workspace). */
  folders?: string[];
  /** Client capabilities merged over the defaults below (`workspace` and `textDocument` shallowly). */
  capabilities?: { workspace?: Record<string, unknown>; textDocument?: Record<string, unknown>; window?: Record<string, unknown> };
  /** Requests from the server the test answers itself (registered before `initialize`, e.g. window/workDoneProgress/create). */
  handlers?: Record<string, (params: unknown) => unknown>;
  /** Notifications from the server the test listens to (registered before `initialize`, e.g. $/progress). */
  listeners?: Record<string, (params: unknown) => void>;
}

export interface TestServer {
  connection: ProtocolConnection;
  /** What the server said it can do (the initialize result). */
  capabilities: ServerCapabilities;
  /** What the server registered dynamically (client/registerCapability). */
  registrations: { method: string; registerOptions?: unknown }[];
  process: ChildProcess;
  /** Everything the server logged (window/logMessage). */
  logs: string[];
  /** The next publish for `uri` not yet consumed by a test. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
  /** Consumes publishes for `uri` until one satisfies `accept`. */
  waitForDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, languageId?: string): Promise<PublishDiagnosticsParams>;
  /** Resolves with the exit code once the server has shut down and exited. */
  stop(): Promise<number | null>;
}

/** Bounds a wait by the safety timeout and, when given, by the server process dying. */
function withTimeout<T>(promise: Promise<T>, what: string, died?: Promise<never>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${SAFETY_TIMEOUT_MS} ms`)), SAFETY_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout, ...(died ? [died] : [])]).finally(() => clearTimeout(timer));
}

export async function startServer(options: StartOptions): Promise<TestServer> {
  if (!fs.existsSync(serverModule)) throw new Error(`${serverModule} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [serverModule, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stopping = false;
  const died = exited.then((code) => {
    throw new Error(stopping ? 'server stopped' : `server exited unexpectedly with code ${code}`);
  });
  died.catch(() => {});
  const logs: string[] = [];
  const queues = new Map<string, PublishDiagnosticsParams[]>();
  const waiters = new Map<string, (params: PublishDiagnosticsParams) => void>();

  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const waiter = waiters.get(params.uri);
    if (waiter) {
      waiters.delete(params.uri);
      waiter(params);
    } else {
      queues.set(params.uri, [...(queues.get(params.uri) ?? []), params]);
    }
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  const settingsFor = (scopeUri: string | undefined) => (typeof options.settings === 'function' ? options.settings(scopeUri) : options.settings);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
    params.items.map((item) => (item.section === 'policydoc' ? { enable: 'always', ...(settingsFor(item.scopeUri) as Record<string, unknown> | undefined) } : null)),
  );
  const registrations: { method: string; registerOptions?: unknown }[] = [];
  connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  for (const [method, handler] of Object.entries(options.handlers ?? {})) connection.onRequest(method, handler);
  for (const [method, listener] of Object.entries(options.listeners ?? {})) connection.onNotification(method, listener);
  connection.listen();

  function nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    const queued = queues.get(uri)?.shift();
    if (queued) return Promise.resolve(queued);
    if (waiters.has(uri)) throw new Error(`already waiting for diagnostics of ${uri}`);
    return withTimeout(new Promise<PublishDiagnosticsParams>((resolve) => waiters.set(uri, resolve)), `diagnostics for ${uri}`, died).finally(() => waiters.delete(uri));
  }

  async function waitForDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const params = await nextDiagnostics(uri);
      if (accept(params)) return params;
    }
  }

  const initializeResult = await withTimeout(
    connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(options.root).toString(),
      workspaceFolders: [options.root, ...(options.folders ?? [])].map((folder, i) => ({ uri: pathToFileURL(folder).toString(), name: `test${i}` })),
      locale: options.locale,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true }, ...options.capabilities?.workspace },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } }, ...options.capabilities?.textDocument },
        ...(options.capabilities?.window ? { window: options.capabilities.window } : {}),
      },
    }),
    'initialize result',
    died,
  );
  await connection.sendNotification('initialized', {});

  return {
    connection,
    capabilities: initializeResult.capabilities,
    registrations,
    process: child,
    logs,
    nextDiagnostics,
    waitForDiagnostics,
    async open(uri, text, languageId = uri.endsWith('.txt') ? 'plaintext' : 'markdown') {
      const published = nextDiagnostics(uri);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return published;
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      stopping = true;
      try {
        await withTimeout(connection.sendRequest('shutdown'), 'shutdown reply');
        await connection.sendNotification('exit');
        return await withTimeout(exited, 'server exit');
      } finally {
        connection.dispose();
        if (child.exitCode === null) child.kill();
      }
    },
  };
}

/** Runs `body` with a started server and always stops it, so a failing test cannot leave a process behind. */
export async function withServer(options: StartOptions, body: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await startServer(options);
  try {
    await body(server);
  } finally {
    await server.stop();
  }
}

/** The front-matter rules of the foundation issue: the seeds' expected diagnostics are stated in terms of these. */
export const FRONT_MATTER_RULES: ReadonlySet<string> = new Set([
  'front-matter-position', 'front-matter-unclosed', 'yaml-syntax', 'duplicate-key', 'required-key', 'key-type', 'date-format',
  'date-weekday', 'date-range', 'url-format', 'unknown-key', 'empty-title', 'title-mismatch',
]);

/** Applies the edits a workspace edit makes to one document. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? [];
  return applyEdits(text, new LineMap(text), edits);
}

/** Rule ids of diagnostics, in order. */
export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code));
}

/** A diagnostic's message as plain text (LSP 3.18 also allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(fixtures, name), 'utf8');
}
