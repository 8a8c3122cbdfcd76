// The clean preview and the export commands (the cleaning itself is the server's).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportDocument, type ExportFormat } from './export';
import { LANGUAGES, PreviewPanel } from './panel';

/** The document a command applies to: the active editor's, else the one shown in the preview. */
function targetDocument(preview: PreviewPanel): vscode.TextDocument | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && LANGUAGES.includes(editor.document.languageId)) return editor.document;
  return preview.active;
}

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
  const preview = new PreviewPanel(context, client);
  const exportCommand = (format: ExportFormat) => () => {
    const document = targetDocument(preview);
    if (document) void exportDocument(context, client, document, format);
  };
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('policydoc.preview.open', () => {
      const document = targetDocument(preview);
      if (document) void preview.open(document);
    }),
    vscode.commands.registerCommand('policydoc.preview.toggleRemoved', () => preview.toggleRemoved()),
    vscode.commands.registerCommand('policydoc.export.html', exportCommand('html')),
    vscode.commands.registerCommand('policydoc.export.markdown', exportCommand('markdown')),
  );
}
