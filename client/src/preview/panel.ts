// The clean preview webview: shows the server's cleaned HTML beside the editor, live.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CleanDocumentParams, CleanResult } from '../../../server/src/service';
import { makeNonce, previewPage } from '../../../server/src/service/clean/template';

export const LANGUAGES = ['markdown', 'plaintext'];
const UPDATE_DELAY_MS = 250;
const VIEW_TYPE = 'policydoc.preview';

export function imagesEnabled(): boolean {
  return vscode.workspace.getConfiguration('policydoc').get<boolean>('preview.images', true);
}

export function requestClean(client: LanguageClient, uri: vscode.Uri, extra: Partial<CleanDocumentParams> = {}): Promise<CleanResult | null> {
  const params: CleanDocumentParams = { uri: uri.toString(), images: imagesEnabled(), ...extra };
  return client.sendRequest<CleanResult | null>('policydoc/cleanDocument', params);
}

/** One preview panel that follows the active policy document. */
export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private showRemoved = false;
  private timer: NodeJS.Timeout | undefined;
  private version = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && LANGUAGES.includes(editor.document.languageId) && editor.document !== this.document) void this.show(editor.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        const top = event.visibleRanges[0]?.start.line;
        if (event.textEditor.document === this.document && top !== undefined) void this.panel?.webview.postMessage({ type: 'scroll', line: top });
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('policydoc.preview.images') && this.document) void this.render(this.document, true);
      }),
    );
  }

  get active(): vscode.TextDocument | undefined {
    return this.panel ? this.document : undefined;
  }

  async open(document: vscode.TextDocument): Promise<void> {
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [media] });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.document = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: { type?: string; href?: unknown }) => {
        if (message.type === 'open' && typeof message.href === 'string' && /^https?:\/\//i.test(message.href)) void vscode.env.openExternal(vscode.Uri.parse(message.href));
      });
    }
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    await this.show(document);
  }

  toggleRemoved(): void {
    this.showRemoved = !this.showRemoved;
    void vscode.commands.executeCommand('setContext', 'policydoc.preview.showRemoved', this.showRemoved);
    void this.panel?.webview.postMessage({ type: 'showRemoved', value: this.showRemoved });
  }

  private async show(document: vscode.TextDocument): Promise<void> {
    this.document = document;
    await this.render(document, true);
  }

  private scheduleUpdate(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.document) void this.render(this.document, false);
    }, UPDATE_DELAY_MS);
  }

  /** Asks the server for the cleaned document; a full page the first time, a message after that (scroll kept). */
  private async render(document: vscode.TextDocument, fullPage: boolean): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const version = ++this.version;
    const result = await requestClean(this.client, document.uri).catch(() => null);
    if (version !== this.version || this.panel !== panel) return; // a newer render started meanwhile
    const html = result?.html ?? '';
    panel.title = `${/^zh\b/i.test(vscode.env.language) ? '预览' : 'Preview'} ${document.uri.path.split('/').pop() ?? ''}`;
    if (!fullPage) {
      void panel.webview.postMessage({ type: 'update', html });
      return;
    }
    const webview = panel.webview;
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    webview.html = previewPage({
      html,
      title: result?.meta.title ?? '',
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      nonce: makeNonce(),
      images: imagesEnabled(),
      showRemoved: this.showRemoved,
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
