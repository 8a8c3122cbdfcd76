// The clean preview webview: shows the server's cleaned HTML beside the editor, live. It is never
// blank: a notice shows while the document is being cleaned, and an error with a Retry button when
// the request fails (rejected, timed out, server not running).
import * as vscode from 'vscode';
import { previewPage } from '../../../common/src/page';
import { CLEAN_DOCUMENT_REQUEST, type CleanDocumentParams, type CleanResult } from '../../../common/src/protocol';
import type { LanguageServer } from '../languageServer';
import { messages } from '../messages';
import { makeNonce } from './nonce';
import { noticeHtml, type Notice } from './notice';

export const LANGUAGES = ['markdown', 'plaintext'];
export const VIEW_TYPE = 'policydoc.preview';
const UPDATE_DELAY_MS = 250;
/** How long a clean request may take, the server's start included. */
const REQUEST_TIMEOUT_S = 20;

const text = () => messages(vscode.l10n.t);

export function imagesEnabled(): boolean {
  return vscode.workspace.getConfiguration('policydoc').get<boolean>('preview.images', false);
}

/** A clean request that failed, with the reason as the user reads it. */
export class CleanError extends Error {}

/** The cleaned document from the server; throws a CleanError when there is none. */
export async function requestClean(server: LanguageServer, uri: vscode.Uri, extra: Partial<CleanDocumentParams> = {}): Promise<CleanResult> {
  const params: CleanDocumentParams = { uri: uri.toString(), images: imagesEnabled(), ...extra };
  const cancel = new vscode.CancellationTokenSource();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cancel.cancel();
      reject(new CleanError(text().previewTimeout(REQUEST_TIMEOUT_S)));
    }, REQUEST_TIMEOUT_S * 1000);
  });
  try {
    // null: the server has no such document, or cleaning it failed (the server logs why).
    const result = await Promise.race([server.sendRequest<CleanResult | null>(CLEAN_DOCUMENT_REQUEST, params, cancel.token), timeout]);
    if (!result) throw new CleanError(text().previewNotCleaned);
    return result;
  } catch (error) {
    if (error instanceof CleanError) throw error;
    if (!server.isRunning()) throw new CleanError(text().previewServerDown);
    throw new CleanError(`${text().previewNotCleaned} (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    clearTimeout(timer);
    cancel.dispose();
  }
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
    private readonly server: LanguageServer,
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
    if (!this.panel) this.adopt(vscode.window.createWebviewPanel(VIEW_TYPE, '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions()));
    this.panel!.reveal(vscode.ViewColumn.Beside, true);
    await this.show(document);
  }

  /**
   * A panel VS Code brought back after a window reload (the serializer), for the document whose
   * uri the page kept in its state; rendered again by the server, which may need the document opened.
   */
  async restore(panel: vscode.WebviewPanel, uri: string | undefined): Promise<void> {
    if (this.panel) {
      panel.dispose(); // one preview at a time
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.adopt(panel);
    const document = uri ? await Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.parse(uri))).catch(() => undefined) : undefined;
    if (this.document) return; // meanwhile the preview followed an editor that became active
    if (document) await this.show(document);
    else this.setPage(noticeHtml({ kind: 'error', title: text().previewFailed, detail: text().previewNotOpened(uri ?? '') }), '');
  }

  toggleRemoved(): void {
    this.showRemoved = !this.showRemoved;
    void vscode.commands.executeCommand('setContext', 'policydoc.preview.showRemoved', this.showRemoved);
    void this.panel?.webview.postMessage({ type: 'showRemoved', value: this.showRemoved });
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')] };
  }

  /** Makes `panel` this preview's: its messages handled, a notice shown until the first render. */
  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.document = undefined;
    });
    panel.webview.onDidReceiveMessage((message: { type?: string; href?: unknown }) => {
      if (message.type === 'open' && typeof message.href === 'string' && /^https?:\/\//i.test(message.href)) void vscode.env.openExternal(vscode.Uri.parse(message.href));
      // The page keeps the uri in its state, which VS Code hands to the serializer after a reload.
      else if (message.type === 'ready' && this.document) void panel.webview.postMessage({ type: 'state', uri: this.document.uri.toString() });
      else if (message.type === 'retry' && this.document) void this.render(this.document, true);
    });
    this.setPage(noticeHtml({ kind: 'loading', title: text().previewLoading }), '');
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
    panel.title = text().previewTitle(document.uri.path.split('/').pop() ?? '');
    let html: string;
    let title = '';
    try {
      const result = await requestClean(this.server, document.uri);
      html = result.html;
      title = result.meta.title ?? '';
    } catch (error) {
      const notice: Notice = { kind: 'error', title: text().previewFailed, detail: error instanceof Error ? error.message : String(error), retry: text().retry };
      html = noticeHtml(notice);
    }
    if (version !== this.version || this.panel !== panel) return; // a newer render started meanwhile
    if (fullPage) this.setPage(html, title);
    else void panel.webview.postMessage({ type: 'update', html });
  }

  private setPage(html: string, title: string): void {
    const webview = this.panel?.webview;
    if (!webview) return;
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    webview.html = previewPage({
      html,
      title,
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
