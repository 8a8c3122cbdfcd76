// The policydoc extension client: starts the language server and shows the document's profile.
// Everything about the documents themselves lives in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerPreview } from './preview';

interface DocumentInfo {
  profile: string;
  profileForced: boolean;
}

const LANGUAGES = ['markdown', 'plaintext'];
const STATUS_DELAY_MS = 300;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/.policydocrc.json');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => ['file', 'untitled'].map((scheme) => ({ scheme, language }))),
    synchronize: { fileEvents: watcher },
    initializationOptions: { locale: vscode.env.language },
    // A crashed server is started again, up to this many times in 3 minutes (the default error
    // handler of vscode-languageclient); test/e2e kills it to check that editing recovers.
    connectionOptions: { maxRestartCount: 4 },
  };
  client = new LanguageClient('policydoc', 'policydoc', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(createProfileStatus(client));
  registerPreview(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** A status-bar item with the profile the server detected for the active document. */
function createProfileStatus(languageClient: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  const chinese = /^zh\b/i.test(vscode.env.language);
  let timer: NodeJS.Timeout | undefined;

  async function update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !LANGUAGES.includes(document.languageId)) {
      item.hide();
      return;
    }
    const uri = document.uri.toString();
    const info = await languageClient.sendRequest<DocumentInfo | null>('policydoc/documentInfo', { uri }).catch(() => null);
    if (vscode.window.activeTextEditor?.document.uri.toString() !== uri) return; // the user moved on meanwhile
    if (!info) {
      item.hide();
      return;
    }
    const how = chinese ? (info.profileForced ? '由配置指定' : '根据内容检测') : info.profileForced ? 'set by configuration' : 'detected from the content';
    item.text = `$(law) ${info.profile}`;
    item.tooltip = chinese ? `policydoc 文档类型：${info.profile}（${how}）` : `policydoc profile: ${info.profile} (${how})`;
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
