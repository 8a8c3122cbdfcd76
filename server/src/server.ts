// The policydoc language server: a thin adapter from LSP to the pure language service. It runs in a
// Node process or in a web worker (host/): the same code, with the host's connection and files.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createHost } from './host';
import { createLanguageService, USER_KNOWLEDGE_FILES, type CleanDocumentParams, type PolicydocConfig } from './service';
import { toLocale } from './service/i18n';
import { Debouncer } from './lsp/debouncer';
import { DocumentCache } from './lsp/documentCache';
import { DEFAULT_DEBOUNCE_MS, readEditorSettings, type EditorSettings } from './lsp/settings';

const FIX_ALL_KIND = 'source.fixAll.policydoc';
const CONFIG_FILE = '.policydocrc.json';
const FIX_ALL_TITLE = { en: 'Fix all auto-fixable policydoc problems', zh: '修复所有可自动修复的 policydoc 问题' };

interface DocumentInfoParams {
  uri: string;
}

const { connection, readFile, docsUri } = createHost();
const documents = new TextDocuments(TextDocument);
const logError = (message: string) => connection.console.error(message);

const service = createLanguageService({ docsUri, logError });
const cache = new DocumentCache(service);
const debouncer = new Debouncer();

let root: string | undefined;
let projectConfig: PolicydocConfig = {};
let editorSettings: EditorSettings = { rules: {}, debounceMs: DEFAULT_DEBOUNCE_MS };
let canPullConfiguration = false;
let canWatchFiles = false;
let canRegisterConfiguration = false;
/** Validation waits until the settings of the first round are in, so a document is not validated twice at start. */
let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (markReady = resolve));

/** Runs a service call; a failure is logged and replaced by `fallback`, never thrown at the connection. */
function guard<T>(what: string, fallback: T, call: () => T): T {
  try {
    return call();
  } catch (error) {
    logError(`policydoc: ${what} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return fallback;
  }
}

/** The root folder's URI (`file:`, or `vscode-vfs:` and the like in VS Code for the Web). */
function rootFromParams(params: InitializeParams): string | undefined {
  return (params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined)?.replace(/\/$/, '');
}

connection.onInitialize((params) => {
  const options = params.initializationOptions as { locale?: string } | undefined;
  root = rootFromParams(params);
  guard('configure', undefined, () => service.configure({ root, locale: toLocale(options?.locale ?? params.locale) }));
  const workspace = params.capabilities.workspace;
  canPullConfiguration = workspace?.configuration === true;
  canWatchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canRegisterConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      completionProvider: { triggerCharacters: ['〔', ':', ' ', '-'] },
      hoverProvider: true,
    },
    serverInfo: { name: 'policydoc' },
  };
});

connection.onInitialized(async () => {
  if (canWatchFiles) {
    const watchers = [CONFIG_FILE, ...Object.values(USER_KNOWLEDGE_FILES)].map((file) => ({ globPattern: `**/${file}` }));
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }
  if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policydoc' });
  await loadProjectConfig();
  await loadUserKnowledge();
  if (canPullConfiguration) await pullEditorSettings();
  configureService(); // documents opened meanwhile are waiting for `ready` and are validated once, with these settings
  markReady();
});

/** A project file under the root: its uri, and its text or null when it does not exist (or cannot be read). */
async function readProjectFile(root: string, relative: string): Promise<{ uri: string; text: string | null }> {
  const uri = `${root}/${relative}`;
  return { uri, text: await readFile(uri) };
}

/** Reads `<root>/.policydocrc.json`; its problems are published on the file itself, and a broken file leaves the defaults. */
async function loadProjectConfig(): Promise<void> {
  if (root === undefined) return;
  const { uri, text } = await readProjectFile(root, CONFIG_FILE);
  const defaults: { config: PolicydocConfig; diagnostics: Diagnostic[] } = { config: {}, diagnostics: [] };
  const checked = text === null ? defaults : guard('checkConfig', defaults, () => service.checkConfig(text));
  projectConfig = checked.config;
  void connection.sendDiagnostics({ uri, diagnostics: checked.diagnostics });
}

/** Reads `.policydoc/agencies.yaml` and `.policydoc/terms.yaml`; their problems are published on the files. */
async function loadUserKnowledge(): Promise<void> {
  if (root === undefined) return;
  for (const [kind, relative] of Object.entries(USER_KNOWLEDGE_FILES) as [keyof typeof USER_KNOWLEDGE_FILES, string][]) {
    const { uri, text } = await readProjectFile(root, relative);
    const diagnostics = guard('setUserKnowledge', [], () => service.setUserKnowledge(kind, uri, text));
    void connection.sendDiagnostics({ uri, diagnostics });
  }
}

async function pullEditorSettings(): Promise<void> {
  try {
    const [section] = await connection.workspace.getConfiguration([{ section: 'policydoc' }]);
    editorSettings = readEditorSettings(section, service, logError);
  } catch (error) {
    logError(`policydoc: reading the editor settings failed: ${String(error)}`);
  }
}

function configureService(): void {
  guard('configure', undefined, () => service.configure({ root, config: projectConfig, editorRules: editorSettings.rules }));
  cache.invalidate();
}

/** Hands the current project config and editor settings to the service and re-validates every open document. */
function applyConfiguration(): void {
  configureService();
  for (const document of documents.all()) void validate(document.uri);
}

connection.onDidChangeConfiguration(async (change) => {
  if (canPullConfiguration) await pullEditorSettings();
  else editorSettings = readEditorSettings((change.settings as { policydoc?: unknown } | null)?.policydoc, service, logError);
  await ready;
  applyConfiguration();
});

connection.onDidChangeWatchedFiles(async (change) => {
  const changed = (file: string) => change.changes.some((event) => event.uri.endsWith(`/${file}`));
  const knowledgeChanged = Object.values(USER_KNOWLEDGE_FILES).some(changed);
  if (!changed(CONFIG_FILE) && !knowledgeChanged) return;
  await ready;
  if (knowledgeChanged) await loadUserKnowledge();
  if (changed(CONFIG_FILE)) await loadProjectConfig();
  // Rules read the user's knowledge too: every open document is checked again.
  applyConfiguration();
});

/** Validates the document's current version and publishes, unless it changed or closed meanwhile. */
async function validate(uri: string): Promise<void> {
  await ready;
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  let diagnostics: Diagnostic[] = [];
  if (guard('isIncluded', true, () => service.isIncluded(uri))) {
    diagnostics = guard('validation', [], () => service.getDiagnostics(cache.get(document)));
  }
  if (documents.get(uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

// TextDocuments reports an open as a content change too: an opened document is validated at once, an edited one after the debounce.
const justOpened = new Set<string>();
documents.onDidOpen((event) => justOpened.add(event.document.uri));

documents.onDidChangeContent((event) => {
  const { uri } = event.document;
  const delay = justOpened.delete(uri) ? 0 : editorSettings.debounceMs;
  debouncer.schedule(uri, delay, () => void validate(uri));
});

documents.onDidClose((event) => {
  const { uri } = event.document;
  debouncer.cancel(uri);
  cache.delete(uri);
  service.forgetDocument(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

function kindRequested(only: string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !guard('isIncluded', true, () => service.isIncluded(document.uri))) return [];
  const { only, diagnostics } = params.context;
  return guard('code actions', [], () => {
    const doc = cache.get(document);
    const actions: CodeAction[] = kindRequested(only, CodeActionKind.QuickFix) ? service.getCodeActions(doc, diagnostics) : [];
    // The fix-all action is a source action: offered only when asked for (on save, or from the Source Action menu).
    if (only !== undefined && kindRequested(only, FIX_ALL_KIND)) {
      const edits = service.getFixAllEdits(doc);
      if (edits.length > 0) actions.push({ title: FIX_ALL_TITLE[service.locale], kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } });
    }
    return actions;
  });
});

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  return guard('completion', null, () => service.getCompletions(cache.get(document), params.position));
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  return guard('hover', null, () => service.getHover(cache.get(document), params.position));
});

connection.onRequest('policydoc/documentInfo', (params: DocumentInfoParams) => {
  const document = documents.get(params.uri);
  if (!document) return null;
  return guard('documentInfo', null, () => service.getDocumentInfo(cache.get(document)));
});

connection.onRequest('policydoc/cleanDocument', (params: CleanDocumentParams) => {
  const document = documents.get(params.uri);
  if (!document) return null;
  return guard('cleanDocument', null, () => service.cleanDocument(cache.get(document), { images: params.images, markdown: params.markdown }));
});

documents.listen(connection);
connection.listen();
