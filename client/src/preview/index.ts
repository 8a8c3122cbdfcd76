// The clean preview and the export commands (the cleaning itself is the server's).
import * as vscode from 'vscode';
import type { LanguageServer } from '../languageServer';
import { exportDocument, type ExportFormat } from './export';
import { LANGUAGES, PreviewPanel, VIEW_TYPE } from './panel';

/** The document a command applies to: the active editor's, else the one shown in the preview. */
function targetDocument(preview: PreviewPanel): vscode.TextDocument | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && LANGUAGES.includes(editor.document.languageId)) return editor.document;
  return preview.active;
}

export function registerPreview(context: vscode.ExtensionContext, server: LanguageServer): void {
  const preview = new PreviewPanel(context, server);
  const exportCommand = (format: ExportFormat) => () => {
    const document = targetDocument(preview);
    if (document) void exportDocument(context, server, document, format);
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
    // After a window reload VS Code hands back the panel with the state media/preview.js saved.
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: { uri?: unknown } | undefined) => preview.restore(panel, typeof state?.uri === 'string' ? state.uri : undefined),
    }),
  );
}
