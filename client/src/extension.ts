// The policydoc extension client: starts the language server and shows the document's profile.
// Everything about the documents themselves lives in the server.
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { createLanguageClient, documentSelector } from './host';
import { LanguageServer } from './languageServer';
import { messages } from './messages';
import { registerPreview } from './preview';
import { LANGUAGES } from './preview/panel';

interface DocumentInfo {
  profile: string;
  profileForced: boolean;
}

const STATUS_DELAY_MS = 300;

let server: LanguageServer | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.policydocrc.json');
  const output = vscode.window.createOutputChannel('policydoc', { log: true });
  context.subscriptions.push(watcher, output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(LANGUAGES),
    synchronize: { fileEvents: watcher },
    initializationOptions: { locale: vscode.env.language },
    outputChannel: output,
    // A crashed server is started again, up to this many times in 3 minutes (the default error
    // handler of vscode-languageclient); test/e2e kills it to check that editing recovers.
    connectionOptions: { maxRestartCount: 4 },
  };
  server = new LanguageServer(() => createLanguageClient(context, clientOptions), output);
  // Commands, the preview's serializer and the status bar exist before the server runs (or if it never does).
  registerPreview(context, server);
  context.subscriptions.push(
    createProfileStatus(server),
    vscode.commands.registerCommand('policydoc.restartServer', () => server?.restart()),
  );
  void server.start();
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}

/** A status-bar item with the profile the server detected for the active document. */
function createProfileStatus(languageServer: LanguageServer): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  let timer: NodeJS.Timeout | undefined;

  async function update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !LANGUAGES.includes(document.languageId)) {
      item.hide();
      return;
    }
    const uri = document.uri.toString();
    const info = await languageServer.sendRequest<DocumentInfo | null>('policydoc/documentInfo', { uri }).catch(() => null);
    if (vscode.window.activeTextEditor?.document.uri.toString() !== uri) return; // the user moved on meanwhile
    if (!info) {
      item.hide();
      return;
    }
    item.text = `$(law) ${info.profile}`;
    item.tooltip = messages(vscode.env.language).profileTooltip(info.profile, info.profileForced);
    item.show();
  }

  function updateSoon(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), STATUS_DELAY_MS);
  }

  void update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) updateSoon();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
