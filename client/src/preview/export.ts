// Export commands: the cleaned document as `<name>.clean.html` or `<name>.clean.md` beside the source.
import * as vscode from 'vscode';
import { standalonePage } from '../../../common/src/page';
import type { LanguageServer } from '../languageServer';
import { messages } from '../messages';
import { LANGUAGES, requestClean, type CleanError } from './panel';

export type ExportFormat = 'html' | 'markdown';


async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function exportDocument(context: vscode.ExtensionContext, server: LanguageServer, document: vscode.TextDocument, format: ExportFormat): Promise<void> {
  const text = messages(vscode.l10n.t);
  const source = document.uri;
  const name = source.path.split('/').pop() ?? 'document';
  const targetName = `${name.replace(/\.[^.]*$/, '')}.clean.${format === 'html' ? 'html' : 'md'}`;
  const target = vscode.Uri.joinPath(source, '..', targetName);
  if (document.isUntitled || !LANGUAGES.includes(document.languageId)) {
    void vscode.window.showErrorMessage(text.exportOnlySaved);
    return;
  }
  if (await exists(target)) {
    const overwrite = text.overwrite;
    const answer = await vscode.window.showWarningMessage(text.overwriteQuestion(targetName), { modal: true }, overwrite);
    if (answer !== overwrite) return;
  }
  const result = await requestClean(server, source, { markdown: format === 'markdown' }).catch((error: CleanError) => {
    void vscode.window.showErrorMessage(`policydoc: ${error.message}`);
  });
  if (!result) return;
  let content: string;
  if (format === 'html') {
    const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'preview.css')));
    content = standalonePage(result.html, result.meta.title ?? name, css);
  } else {
    content = result.markdown ?? '';
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  const open = text.open;
  const choice = await vscode.window.showInformationMessage(text.exported(targetName), open);
  if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
}
