// The policydoc extension client: starts the language server and shows its state and the document's profile.
// Everything about the documents themselves lives in the server.
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { createLanguageClient, documentSelector } from './host';
import { LanguageServer, type ServerState } from './languageServer';
import { messages } from './messages';
import { registerPreview } from './preview';
import { LANGUAGES } from './preview/panel';
import { CHECK_WORKSPACE_REQUEST, DOCUMENT_INFO_REQUEST, type CheckWorkspaceResult, type DocumentInfo, type DocumentInfoParams } from '../../common/src/protocol';

const STATUS_DELAY_MS = 300;
/** Sent to the server when the user trusts the workspace: it reads the project's config and knowledge from then on. */
const TRUST_GRANTED = 'policydoc/didGrantWorkspaceTrust';
const SHOW_STATUS_MENU = 'policydoc.serverStatusMenu';
const text = () => messages(vscode.l10n.t);

let server: LanguageServer | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('policydoc', { log: true });
  context.subscriptions.push(output);
  // A crashed server is started again, up to this many times in 3 minutes (the default error
  // handler of vscode-languageclient); test/e2e kills it to check that editing recovers.
  const maxRestartCount = 4;
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(LANGUAGES),
    // No `synchronize.fileEvents`: the server registers the one watcher of config and knowledge files.
    // A function: a server started later (Restart) gets the trust of that moment.
    // storagePath: where the server keeps the workspace index cache (desktop only: a web worker has no files).
    initializationOptions: () => ({
      locale: vscode.env.language,
      trusted: vscode.workspace.isTrusted,
      storagePath: context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined,
    }),
    outputChannel: output,
    connectionOptions: { maxRestartCount },
  };
  server = new LanguageServer((options) => createLanguageClient(context, options), clientOptions, output, text, maxRestartCount);
  const languageServer = server;
  // Commands, the preview's serializer and the status bar exist before the server runs (or if it never does).
  registerPreview(context, server);
  context.subscriptions.push(
    createStatus(server),
    vscode.commands.registerCommand('policydoc.restartServer', () => languageServer.restart()),
    vscode.commands.registerCommand(SHOW_STATUS_MENU, () => showStatusMenu(languageServer)),
    vscode.commands.registerCommand('policydoc.checkWorkspace', () => checkWorkspace(languageServer)),
    // Restricted Mode ends: the project's `.policydocrc.json` and `.policydoc/*` apply from now on.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void languageServer.sendNotification(TRUST_GRANTED)),
  );
  void server.start();
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}

/** The status bar's menu: restart the server, or show its output. */
async function showStatusMenu(languageServer: LanguageServer): Promise<void> {
  const { restartServer, showOutput, statusMenuPlaceholder } = text();
  const choice = await vscode.window.showQuickPick([restartServer, showOutput], { placeHolder: statusMenuPlaceholder });
  if (choice === restartServer) await languageServer.restart();
  else if (choice === showOutput) languageServer.showOutput();
}

const STATE_ICON: Record<ServerState, string> = { starting: '$(sync~spin)', running: '$(law)', stopped: '$(circle-slash)', failed: '$(error)' };

/**
 * A status-bar item with the server's state and, while it runs, the profile it detected for the
 * active document. Shown for Markdown and plain-text editors, and always when the server is down;
 * clicking it offers a restart.
 */
function createStatus(languageServer: LanguageServer): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('policydoc.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'policydoc';
  item.command = SHOW_STATUS_MENU;
  let timer: NodeJS.Timeout | undefined;
  let info: { uri: string; info: DocumentInfo } | undefined;

  function render(): void {
    const document = vscode.window.activeTextEditor?.document;
    const policyEditor = document !== undefined && LANGUAGES.includes(document.languageId);
    const state = languageServer.state;
    const strings = text();
    const shown = state === 'running' && info && info.uri === document?.uri.toString() ? info.info : undefined;
    item.text = `${STATE_ICON[state]} ${shown ? shown.profile : 'policydoc'}`;
    const stateLine = { starting: strings.serverStarting, running: strings.serverRunning, stopped: strings.serverStopped, failed: strings.serverFailed }[state];
    item.tooltip = shown ? `${strings.profileTooltip(shown.profile, shown.profileForced)}\n${stateLine}` : stateLine;
    item.backgroundColor = state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    if (policyEditor || state === 'failed') item.show();
    else item.hide();
  }

  async function update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !LANGUAGES.includes(document.languageId) || languageServer.state !== 'running') {
      render();
      return;
    }
    const uri = document.uri.toString();
    const found = await languageServer.sendRequest<DocumentInfo | null>(DOCUMENT_INFO_REQUEST, { uri } satisfies DocumentInfoParams).catch(() => null);
    if (vscode.window.activeTextEditor?.document.uri.toString() !== uri) return; // the user moved on meanwhile
    info = found ? { uri, info: found } : undefined;
    render();
  }

  function updateSoon(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), STATUS_DELAY_MS);
  }

  void update();
  return vscode.Disposable.from(
    item,
    languageServer.onDidChangeState(() => void update()),
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) updateSoon();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}

/** Check Workspace: the server checks every document and publishes each file's problems, with its own cancellable progress. */
async function checkWorkspace(languageServer: LanguageServer): Promise<void> {
  try {
    const result = await languageServer.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {});
    const message = result.cancelled ? text().workspaceCheckCancelled(result.files) : text().workspaceChecked(result.files, result.problems, result.filesWithProblems);
    void vscode.window.showInformationMessage(message);
  } catch (error) {
    void vscode.window.showErrorMessage(text().workspaceCheckFailed(error instanceof Error ? error.message : String(error)));
  }
}
