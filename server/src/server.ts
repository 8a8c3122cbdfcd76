// The policydoc language server: a thin adapter from LSP to the pure language service.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUriFinder } from './docsLinks';
import { CLEAN_DOCUMENT_REQUEST, DOCUMENT_INFO_REQUEST, type CleanDocumentParams, type CleanResult, type DocumentInfo, type DocumentInfoParams } from '../../common/src/protocol';
import { createLanguageService, inScope, USER_KNOWLEDGE_FILES, type PolicydocConfig } from './service';
import { toLocale } from './service/i18n';
import { Debouncer } from './lsp/debouncer';
import { DocumentCache } from './lsp/documentCache';
import { EnableSettings } from './lsp/enable';
import { DEFAULT_DEBOUNCE_MS, readEditorSettings, type EditorSettings } from './lsp/settings';

const FIX_ALL_KIND = 'source.fixAll.policydoc';
const CONFIG_FILE = '.policydocrc.json';
const FIX_ALL_TITLE = { en: 'Fix all auto-fixable policydoc problems', zh: '修复所有可自动修复的 policydoc 问题' };

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logError = (message: string) => connection.console.error(message);

const service = createLanguageService({ docsUri: docsUriFinder(), logError });
const cache = new DocumentCache(service);
const debouncer = new Debouncer();

let root: string | undefined;
let projectConfig: PolicydocConfig = {};
/** A `.policydocrc.json` at the root makes every included file a policy document (see service/scope.ts). */
let hasProjectConfig = false;
let enableSettings = new EnableSettings(undefined);
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

function rootFromParams(params: InitializeParams): string | undefined {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  if (uri?.startsWith('file:')) return fileURLToPath(uri);
  return params.rootPath ?? undefined;
}

connection.onInitialize((params) => {
  const options = params.initializationOptions as { locale?: string } | undefined;
  root = rootFromParams(params);
  guard('configure', undefined, () => service.configure({ root, locale: toLocale(options?.locale ?? params.locale) }));
  const workspace = params.capabilities.workspace;
  canPullConfiguration = workspace?.configuration === true;
  canWatchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canRegisterConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  if (canPullConfiguration) enableSettings = new EnableSettings((uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'policydoc' }));
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
  loadProjectConfig();
  loadUserKnowledge();
  if (canPullConfiguration) await pullEditorSettings();
  configureService(); // documents opened meanwhile are waiting for `ready` and are validated once, with these settings
  markReady();
});

/** A project file under the root: its uri, and its text or null when it does not exist (or cannot be read). */
function readProjectFile(root: string, relative: string): { uri: string; text: string | null } {
  const file = path.join(root, relative);
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // no such file: the defaults / the shipped data apply
  }
  return { uri: pathToFileURL(file).toString(), text };
}

/** Reads `<root>/.policydocrc.json`; its problems are published on the file itself, and a broken file leaves the defaults. */
function loadProjectConfig(): void {
  if (root === undefined) return;
  const { uri, text } = readProjectFile(root, CONFIG_FILE);
  const defaults: { config: PolicydocConfig; diagnostics: Diagnostic[] } = { config: {}, diagnostics: [] };
  const checked = text === null ? defaults : guard('checkConfig', defaults, () => service.checkConfig(text));
  projectConfig = checked.config;
  hasProjectConfig = text !== null;
  void connection.sendDiagnostics({ uri, diagnostics: checked.diagnostics });
}

/** Reads `.policydoc/agencies.yaml` and `.policydoc/terms.yaml`; their problems are published on the files. */
function loadUserKnowledge(): void {
  if (root === undefined) return;
  for (const [kind, relative] of Object.entries(USER_KNOWLEDGE_FILES) as [keyof typeof USER_KNOWLEDGE_FILES, string][]) {
    const { uri, text } = readProjectFile(root, relative);
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
  const pushed = (change.settings as { policydoc?: unknown } | null)?.policydoc;
  enableSettings.reset(canPullConfiguration ? undefined : pushed);
  if (canPullConfiguration) await pullEditorSettings();
  else editorSettings = readEditorSettings(pushed, service, logError);
  await ready;
  applyConfiguration();
});

connection.onDidChangeWatchedFiles(async (change) => {
  const changed = (file: string) => change.changes.some((event) => event.uri.endsWith(`/${file}`));
  const knowledgeChanged = Object.values(USER_KNOWLEDGE_FILES).some(changed);
  if (!changed(CONFIG_FILE) && !knowledgeChanged) return;
  await ready;
  if (knowledgeChanged) loadUserKnowledge();
  if (changed(CONFIG_FILE)) loadProjectConfig();
  // Rules read the user's knowledge too: every open document is checked again.
  applyConfiguration();
});

/**
 * Whether policydoc checks the document (diagnostics, code actions): an included file, and then by
 * `policydoc.enable` and whether it looks like a policy document (see service/scope.ts).
 */
async function isChecked(document: TextDocument): Promise<boolean> {
  if (!guard('isIncluded', true, () => service.isIncluded(document.uri))) return false;
  const enable = await enableSettings.get(document.uri);
  return guard('scope', true, () => inScope(enable, hasProjectConfig, () => service.isPolicyDocument(cache.get(document))));
}

/** Validates the document's current version and publishes, unless it changed or closed meanwhile; a file out of scope gets none. */
async function validate(uri: string): Promise<void> {
  await ready;
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  let diagnostics: Diagnostic[] = [];
  if (await isChecked(document)) {
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
  enableSettings.forget(uri);
  service.forgetDocument(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

function kindRequested(only: string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !(await isChecked(document))) return [];
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

connection.onRequest(DOCUMENT_INFO_REQUEST, (params: DocumentInfoParams): DocumentInfo | null => {
  const document = documents.get(params.uri);
  if (!document) return null;
  return guard('documentInfo', null, () => service.getDocumentInfo(cache.get(document)));
});

connection.onRequest(CLEAN_DOCUMENT_REQUEST, (params: CleanDocumentParams): CleanResult | null => {
  const document = documents.get(params.uri);
  if (!document) return null;
  return guard('cleanDocument', null, () => service.cleanDocument(cache.get(document), { images: params.images, markdown: params.markdown }));
});

documents.listen(connection);
connection.listen();
