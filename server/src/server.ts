// The policydoc language server: a thin adapter from LSP to the pure language service. It runs in a
// Node process or in a web worker (host/): the same code, with the host's connection and files.
import {
  CodeActionKind,
  CompletionTriggerKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  FileChangeType,
  type CodeAction,
  type Diagnostic,
  type InitializeParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CHECK_WORKSPACE_REQUEST,
  CLEAN_DOCUMENT_REQUEST,
  DOCUMENT_GLOB,
  DOCUMENT_INFO_REQUEST,
  type CheckWorkspaceResult,
  type CleanDocumentParams,
  type CleanResult,
  type DocumentInfo,
  type DocumentInfoParams,
} from '../../common/src/protocol';
import { createLanguageService, inScope, USER_KNOWLEDGE_FILES, type DocumentEntry, type KnowledgeKind, type LanguageService, type Locale, type PolicyDocument, type PolicydocConfig } from './service';
import { createHost, DOCUMENT_FILE } from './host';
import { toLocale } from './service/i18n';
import { fileUri, sameResource } from './service/uri';
import { Debouncer } from './lsp/debouncer';
import { DocumentCache } from './lsp/documentCache';
import { EnableSettings } from './lsp/enable';
import { Folders, type Folder } from './lsp/folders';
import { readEditorSettings } from './lsp/settings';
import { checkWorkspace } from './lsp/checkWorkspace';
import { relationsKey, WorkspaceIndexer, type Progress } from './lsp/workspaceIndexer';

const FIX_ALL_KIND = 'source.fixAll.policydoc';
const CONFIG_FILE = '.policydocrc.json';
const FIX_ALL_TITLE = { en: 'Fix all auto-fixable policydoc problems', zh: '修复所有可自动修复的 policydoc 问题' };
/** Sent by the client when the user trusts the workspace (Restricted Mode ends): project files may be read now. */
const TRUST_GRANTED = 'policydoc/didGrantWorkspaceTrust';

/** What the client may send in `initializationOptions`. */
interface InitializationOptions {
  locale?: string;
  /** False in Restricted Mode: no `.policydocrc.json` or `.policydoc/*` is read from the workspace. Absent means trusted. */
  trusted?: boolean;
  /** The extension's storage folder for this workspace: the workspace index cache goes there. */
  storagePath?: string;
}

/** A workspace folder's own engine: the service holds its config, its user knowledge and what completion learnt from its documents. */
interface FolderState {
  service: LanguageService;
  cache: DocumentCache;
  /** A `.policydocrc.json` at the folder's root makes every included file a policy document (see service/scope.ts). */
  hasProjectConfig: boolean;
  /** The folder's `.policydoc/*.yaml` as read, for the index builder's own services. */
  knowledgeFiles: { kind: KnowledgeKind; uri: string; text: string }[];
}

const host = createHost();
const { connection, readFile, docsUri } = host;
const documents = new TextDocuments(TextDocument);
const logError = (message: string) => connection.console.error(message);

let locale: Locale = 'en';
function makeState(root: string | undefined): FolderState {
  const service = createLanguageService({ docsUri, logError });
  guard('configure', undefined, () => service.configure({ root, locale }));
  // Every folder's service reads the one index: citations resolve across folders.
  service.setWorkspace({ get index() { return indexer.index; }, label: (uri) => indexer.label(uri) });
  // An open document's edit that changes what other documents can see of it re-checks them.
  const onIndexed = (previous: DocumentEntry | undefined, next: DocumentEntry) => {
    if (relationsKey(previous) !== relationsKey(next)) indexer.changed(true);
  };
  return { service, cache: new DocumentCache(service, onIndexed), hasProjectConfig: false, knowledgeFiles: [] };
}
const folders = new Folders<FolderState>(makeState);
let canShowProgress = false;
let indexer = makeIndexer(undefined);

function makeIndexer(storagePath: string | undefined): WorkspaceIndexer {
  return new WorkspaceIndexer({
    host,
    folders,
    isOpen: (uri) => documents.get(uri) !== undefined,
    parseSetup: (folder) => ({ root: folder.root, config: folder.config, userKnowledge: (folder as Folder<FolderState>).state.knowledgeFiles, locale }),
    onChanged: revalidateStale,
    progress: startProgress,
    cache: storagePath !== undefined ? host.cacheStore?.(storagePath) : undefined,
    locale: () => locale,
    logError,
  });
}

/** Work-done progress the user can cancel, where the client shows it. */
async function startProgress(title: string): Promise<Progress | undefined> {
  if (!canShowProgress) return undefined;
  try {
    const reporter = await connection.window.createWorkDoneProgress();
    reporter.begin(title, 0, undefined, true);
    return {
      report: (done, total, message) => reporter.report(total > 0 ? Math.floor((done / total) * 100) : 0, message ?? ''),
      get cancelled() {
        return reporter.token.isCancellationRequested;
      },
      done: () => reporter.done(),
    };
  } catch {
    return undefined;
  }
}
const debouncer = new Debouncer();

let trusted = true;
let enableSettings = new EnableSettings(undefined);
let canPullConfiguration = false;
let canWatchFiles = false;
let canRegisterConfiguration = false;
let canVersionEdits = false;
let canTrackFolders = false;
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

/** The workspace folders the client opened (every one, not just the first), or the old single root. */
function folderUris(params: InitializeParams): string[] {
  if (params.workspaceFolders) return params.workspaceFolders.map((folder) => folder.uri);
  if (params.rootUri) return [params.rootUri];
  if (params.rootPath) return [fileUri(params.rootPath)];
  return [];
}

connection.onInitialize((params) => {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  locale = toLocale(options.locale ?? params.locale);
  trusted = options.trusted !== false;
  canShowProgress = params.capabilities.window?.workDoneProgress === true;
  if (options.storagePath) indexer = makeIndexer(options.storagePath);
  guard('configure', undefined, () => folders.loose.state.service.configure({ locale }));
  for (const uri of folderUris(params)) folders.add(uri);
  const workspace = params.capabilities.workspace;
  canPullConfiguration = workspace?.configuration === true;
  canWatchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canRegisterConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canVersionEdits = workspace?.workspaceEdit?.documentChanges === true;
  canTrackFolders = workspace?.workspaceFolders === true;
  if (canPullConfiguration) enableSettings = new EnableSettings((uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'policydoc' }));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      // Only where a character opens a place with something to offer:
      // - `〔` starts the year of a 发文字号 (the current year is offered);
      // - ` ` after `key:` or a list item's `-` in the front matter starts a value (booleans, layouts,
      //   the workspace's categories and tags, agency names); a space anywhere else gets no answer
      //   (see onCompletion), because Markdown has quick suggestions off and authors type spaces a lot.
      // Agency names and 代字 in the body are typed through an IME, which no character announces: they
      // come with quick suggestions (plain text) or Ctrl+Space. Not `:` (a value needs the space first,
      // `key:value` is not YAML) and not `-` (the space after it is the trigger).
      completionProvider: { triggerCharacters: ['〔', ' '] },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'policydoc' },
  };
});

connection.onInitialized(async () => {
  // The one watcher of config and knowledge files, and of the documents the index holds (the client watches nothing itself).
  if (canWatchFiles) {
    const watchers = [...[CONFIG_FILE, ...Object.values(USER_KNOWLEDGE_FILES)].map((file) => `**/${file}`), DOCUMENT_GLOB].map((globPattern) => ({ globPattern }));
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }
  if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policydoc' });
  if (canTrackFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
      await ready;
      for (const removed of event.removed) {
        const folder = folders.remove(removed.uri);
        if (folder) clearProjectDiagnostics(folder);
      }
      for (const added of event.added) await loadFolder(folders.add(added.uri));
      revalidateAll(); // documents may now belong to another folder
      void indexer.build();
    });
  }
  try {
    for (const folder of folders.all()) await loadFolder(folder);
  } finally {
    markReady(); // documents opened meanwhile were waiting for `ready` and are validated once, with these settings
  }
  void indexer.build();
});

/** Reads a folder's project files and settings and hands them to its service. */
async function loadFolder(folder: Folder<FolderState>): Promise<void> {
  await loadProjectConfig(folder);
  await loadUserKnowledge(folder);
  if (canPullConfiguration) await pullEditorSettings(folder);
  configureService(folder);
}

/** A project file at the folder's root: its uri (in the folder's scheme, `file:` or github.dev's `vscode-vfs:`). */
function projectFileUri(folderUri: string, relative: string): string {
  return `${folderUri}/${relative}`;
}

/** A project file at the folder's root: its uri, and its text or null when it does not exist (or cannot be read). */
async function readProjectFile(folderUri: string, relative: string): Promise<{ uri: string; text: string | null }> {
  const uri = projectFileUri(folderUri, relative);
  return { uri, text: await readFile(uri) };
}

/**
 * Reads `<root>/.policydocrc.json`; its problems are published on the file itself, and a broken file
 * leaves the defaults. In Restricted Mode nothing is read: the defaults apply.
 */
async function loadProjectConfig(folder: Folder<FolderState>): Promise<void> {
  if (folder.uri === undefined || !trusted) return;
  const { uri, text } = await readProjectFile(folder.uri, CONFIG_FILE);
  const defaults: { config: PolicydocConfig; diagnostics: Diagnostic[] } = { config: {}, diagnostics: [] };
  const checked = text === null ? defaults : guard('checkConfig', defaults, () => folder.state.service.checkConfig(text));
  folder.config = checked.config;
  folder.state.hasProjectConfig = text !== null;
  void connection.sendDiagnostics({ uri, diagnostics: checked.diagnostics });
}

/** Reads `.policydoc/agencies.yaml`, `terms.yaml` and `boilerplate.yaml`; their problems are published on the files. Not in Restricted Mode. */
async function loadUserKnowledge(folder: Folder<FolderState>): Promise<void> {
  if (folder.uri === undefined || !trusted) return;
  folder.state.knowledgeFiles = [];
  for (const [kind, relative] of Object.entries(USER_KNOWLEDGE_FILES) as [keyof typeof USER_KNOWLEDGE_FILES, string][]) {
    const { uri, text } = await readProjectFile(folder.uri, relative);
    if (text !== null) folder.state.knowledgeFiles.push({ kind, uri, text });
    const diagnostics = guard('setUserKnowledge', [], () => folder.state.service.setUserKnowledge(kind, uri, text));
    void connection.sendDiagnostics({ uri, diagnostics });
  }
}

/** Clears what was published on a folder's project files (the folder left the workspace). */
function clearProjectDiagnostics(folder: Folder<FolderState>): void {
  if (folder.uri === undefined) return;
  for (const relative of [CONFIG_FILE, ...Object.values(USER_KNOWLEDGE_FILES)]) {
    void connection.sendDiagnostics({ uri: projectFileUri(folder.uri, relative), diagnostics: [] });
  }
}

/**
 * Pulls the folder's `policydoc` settings: the settings are resource-scoped, and VS Code resolves
 * them for a resource from the user, workspace and that folder's settings, the same for every
 * document in the folder, so the folder's uri is the `scopeUri` (none for loose documents).
 */
async function pullEditorSettings(folder: Folder<FolderState>): Promise<void> {
  try {
    const [section] = await connection.workspace.getConfiguration([{ section: 'policydoc', ...(folder.uri ? { scopeUri: folder.uri } : {}) }]);
    folder.settings = readEditorSettings(section, folder.state.service, logError);
  } catch (error) {
    logError(`policydoc: reading the editor settings failed: ${String(error)}`);
  }
}

function configureService(folder: Folder<FolderState>): void {
  guard('configure', undefined, () => folder.state.service.configure({ root: folder.root, config: folder.config, editorRules: folder.settings.rules }));
  folder.state.cache.invalidate();
}

function revalidateAll(): void {
  for (const document of documents.all()) void validate(document.uri);
}

/** The index generation each open document's diagnostics were computed at: only documents checked before a change are checked again. */
const validatedAt = new Map<string, number>();
function revalidateStale(): void {
  for (const document of documents.all()) if (validatedAt.get(document.uri) !== indexer.index.generation) void validate(document.uri);
}

connection.onDidChangeConfiguration(async (change) => {
  enableSettings.reset(canPullConfiguration ? undefined : (change.settings as { policydoc?: unknown } | null)?.policydoc);
  await ready;
  for (const folder of folders.all()) {
    if (canPullConfiguration) await pullEditorSettings(folder);
    else folder.settings = readEditorSettings((change.settings as { policydoc?: unknown } | null)?.policydoc, folder.state.service, logError);
    configureService(folder);
  }
  revalidateAll();
});

connection.onDidChangeWatchedFiles(async (change) => {
  await ready;
  for (const event of change.changes) {
    if (DOCUMENT_FILE.test(event.uri)) void indexer.fileChanged(event.uri, event.type === FileChangeType.Deleted);
  }
  if (!trusted) return;
  const knowledgeFiles = Object.values(USER_KNOWLEDGE_FILES);
  let changedAny = false;
  for (const folder of folders.all()) {
    const folderUri = folder.uri;
    if (folderUri === undefined) continue;
    // Only the files at the folder's own root count (a nested `.policydocrc.json` is not this folder's).
    const changed = (file: string) => change.changes.some((event) => sameResource(event.uri, projectFileUri(folderUri, file)));
    const knowledgeChanged = knowledgeFiles.some(changed);
    if (!changed(CONFIG_FILE) && !knowledgeChanged) continue;
    if (knowledgeChanged) await loadUserKnowledge(folder);
    if (changed(CONFIG_FILE)) await loadProjectConfig(folder);
    configureService(folder);
    changedAny = true;
  }
  // Rules read the user's knowledge too: every open document is checked again; the config may include other files.
  if (changedAny) {
    revalidateAll();
    void indexer.build();
  }
});

// Restricted Mode ended: the project's config and knowledge apply from now on.
connection.onNotification(TRUST_GRANTED, async () => {
  await ready;
  if (trusted) return;
  trusted = true;
  for (const folder of folders.all()) {
    await loadProjectConfig(folder);
    await loadUserKnowledge(folder);
    configureService(folder);
  }
  revalidateAll();
});

/** The folder a document belongs to, with its service and its parse of the document's current version. */
function open(uri: string) {
  const document = documents.get(uri);
  if (!document) return undefined;
  const folder = folders.of(uri);
  const { service, cache } = folder.state;
  return { document, folder, service, parsed: () => cache.get(document) };
}

/** What the server adds to a diagnostic's data: the document version its fix was computed for. */
interface VersionedData {
  version?: number;
}

/**
 * Whether policydoc checks the document (diagnostics, code actions): an included file, and then by
 * `policydoc.enable` and whether it looks like a policy document (see service/scope.ts).
 */
async function isChecked(target: NonNullable<ReturnType<typeof open>>): Promise<boolean> {
  const { document, service, folder } = target;
  if (!guard('isIncluded', true, () => service.isIncluded(document.uri))) return false;
  const enable = await enableSettings.get(document.uri);
  return guard('scope', true, () => inScope(enable, folder.state.hasProjectConfig, () => service.isPolicyDocument(target.parsed())));
}

/** Validates the document's current version and publishes, unless it changed or closed meanwhile; a file out of scope gets none. */
async function validate(uri: string): Promise<void> {
  await ready;
  const target = open(uri);
  if (!target) return;
  const { document, service } = target;
  const version = document.version;
  let diagnostics: Diagnostic[] = [];
  if (await isChecked(target)) {
    diagnostics = guard('validation', [], () => [...service.getDiagnostics(target.parsed()), ...service.getWorkspaceDiagnostics(target.parsed())]);
  }
  validatedAt.set(uri, indexer.index.generation);
  if (documents.get(uri)?.version !== version) return;
  // A fix's edits hold for this version only: the version goes with them (see onCodeAction).
  diagnostics = diagnostics.map((diagnostic) => (diagnostic.data ? { ...diagnostic, data: { ...(diagnostic.data as object), version } } : diagnostic));
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

// TextDocuments reports an open as a content change too: an opened document is validated at once, an edited one after the debounce.
const justOpened = new Set<string>();
documents.onDidOpen((event) => justOpened.add(event.document.uri));

documents.onDidChangeContent((event) => {
  const { uri } = event.document;
  const delay = justOpened.delete(uri) ? 0 : folders.of(uri).settings.debounceMs;
  debouncer.schedule(uri, delay, () => void validate(uri));
});

documents.onDidClose((event) => {
  const { uri } = event.document;
  debouncer.cancel(uri);
  for (const folder of folders.all()) {
    folder.state.cache.delete(uri);
    folder.state.service.forgetDocument(uri);
  }
  enableSettings.forget(uri);
  validatedAt.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  void indexer.documentClosed(uri);
});

function kindRequested(only: string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** Edits for one document; tied to its version when the client can check it (it then refuses a stale edit). */
function editOf(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  if (canVersionEdits) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  return { changes: { [document.uri]: edits } };
}

connection.onCodeAction(async (params) => {
  const target = open(params.textDocument.uri);
  if (!target || !(await isChecked(target))) return [];
  const { document, service } = target;
  const { only } = params.context;
  // A diagnostic published for an older version carries edits for that text: no quick fix from it
  // (the document is being validated again, and the new diagnostics bring fresh fixes).
  const current = params.context.diagnostics.filter((diagnostic) => (diagnostic.data as VersionedData | undefined)?.version === document.version);
  return guard('code actions', [], () => {
    const doc = target.parsed();
    const actions: CodeAction[] = kindRequested(only, CodeActionKind.QuickFix)
      ? service.getCodeActions(doc, current).map((action) => ({ ...action, edit: editOf(document, action.edit?.changes?.[document.uri] ?? []) }))
      : [];
    // The fix-all action is a source action: offered only when asked for (on save, or from the Source Action menu).
    if (only !== undefined && kindRequested(only, FIX_ALL_KIND)) {
      const edits = service.getFixAllEdits(doc);
      if (edits.length > 0) actions.push({ title: FIX_ALL_TITLE[service.locale], kind: FIX_ALL_KIND, edit: editOf(document, edits) });
    }
    return actions;
  });
});

/** A space starts a front-matter value (`key: `, `  - `); elsewhere it is just a space. */
function spaceStartsValue(document: TextDocument, parsed: () => PolicyDocument, line: number, character: number): boolean {
  const before = document.getText({ start: { line, character: 0 }, end: { line, character } });
  if (!/^[A-Za-z_][\w-]*[ \t]*:[ \t]$|^[ \t]*-[ \t]$/.test(before)) return false;
  const fm = parsed().frontMatter;
  const offset = document.offsetAt({ line, character });
  return fm !== null && offset >= fm.contentStart && offset <= fm.contentEnd;
}

connection.onCompletion((params) => {
  const target = open(params.textDocument.uri);
  if (!target) return null;
  const { context, position } = params;
  if (context?.triggerKind === CompletionTriggerKind.TriggerCharacter && context.triggerCharacter === ' ' && !spaceStartsValue(target.document, target.parsed, position.line, position.character)) return null;
  return guard('completion', null, () => target.service.getCompletions(target.parsed(), position));
});

connection.onHover((params) => {
  const target = open(params.textDocument.uri);
  if (!target) return null;
  return guard('hover', null, () => target.service.getHover(target.parsed(), params.position));
});

// Outline, breadcrumbs and folding: for every open document, in scope or not (they only show its structure).
connection.onDocumentSymbol((params) => {
  const target = open(params.textDocument.uri);
  if (!target) return [];
  return guard('documentSymbol', [], () => target.service.getDocumentSymbols(target.parsed()));
});

connection.onFoldingRanges((params) => {
  const target = open(params.textDocument.uri);
  if (!target) return [];
  return guard('foldingRange', [], () => target.service.getFoldingRanges(target.parsed()));
});

// Navigation over the workspace index: every open document (the index has the others).
connection.onDefinition((params) => {
  const target = open(params.textDocument.uri);
  if (!target) return [];
  return guard('definition', [], () => target.service.getDefinition(target.parsed(), params.position));
});

connection.onReferences((params) => {
  const target = open(params.textDocument.uri);
  if (!target) return [];
  return guard('references', [], () => target.service.getReferences(target.parsed(), params.position, params.context.includeDeclaration));
});

connection.onDocumentLinks((params) => {
  const target = open(params.textDocument.uri);
  if (!target) return [];
  return guard('documentLink', [], () => target.service.getDocumentLinks(target.parsed()));
});

connection.onWorkspaceSymbol((params) => guard('workspaceSymbol', [], () => folders.loose.state.service.getWorkspaceSymbols(params.query)));

// Check Workspace: every document's diagnostics, the closed files' too, with cancellable progress.
connection.onRequest(CHECK_WORKSPACE_REQUEST, async (_params: unknown, token): Promise<CheckWorkspaceResult> => {
  await ready;
  await indexer.build();
  return checkWorkspace({
    indexer,
    folders,
    isOpen: (uri) => documents.get(uri) !== undefined,
    readFile,
    enable: (uri) => enableSettings.get(uri),
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    revalidateOpen: revalidateAll,
    progress: startProgress,
    token,
    locale,
    guard,
  });
});

connection.onRequest(DOCUMENT_INFO_REQUEST, (params: DocumentInfoParams): DocumentInfo | null => {
  const target = open(params.uri);
  if (!target) return null;
  return guard('documentInfo', null, () => target.service.getDocumentInfo(target.parsed()));
});

connection.onRequest(CLEAN_DOCUMENT_REQUEST, (params: CleanDocumentParams): CleanResult | null => {
  const target = open(params.uri);
  if (!target) return null;
  return guard('cleanDocument', null, () => target.service.cleanDocument(target.parsed(), { images: params.images, markdown: params.markdown }));
});

documents.listen(connection);
connection.listen();
