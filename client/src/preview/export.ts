// Export commands: the cleaned document as `<name>.clean.html` or `<name>.clean.md` beside the source.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { standalonePage } from '../../../server/src/service/clean/template';
import { LANGUAGES, requestClean } from './panel';

export type ExportFormat = 'html' | 'markdown';

const chinese = () => /^zh\b/i.test(vscode.env.language);
const say = (en: string, zh: string) => (chinese() ? zh : en);

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function exportDocument(context: vscode.ExtensionContext, client: LanguageClient, document: vscode.TextDocument, format: ExportFormat): Promise<void> {
  const source = document.uri;
  const name = source.path.split('/').pop() ?? 'document';
  const targetName = `${name.replace(/\.[^.]*$/, '')}.clean.${format === 'html' ? 'html' : 'md'}`;
  const target = vscode.Uri.joinPath(source, '..', targetName);
  if (source.scheme !== 'file' || !LANGUAGES.includes(document.languageId)) {
    void vscode.window.showErrorMessage(say('policydoc: only a saved Markdown or plain-text file can be exported.', 'policydoc：只能导出已保存的 Markdown 或纯文本文件。'));
    return;
  }
  if (await exists(target)) {
    const overwrite = say('Overwrite', '覆盖');
    const answer = await vscode.window.showWarningMessage(say(`${targetName} already exists. Overwrite it?`, `${targetName} 已存在，是否覆盖？`), { modal: true }, overwrite);
    if (answer !== overwrite) return;
  }
  const result = await requestClean(client, source, { markdown: format === 'markdown' });
  if (!result) {
    void vscode.window.showErrorMessage(say('policydoc: the language server could not clean this document.', 'policydoc：语言服务器无法清理此文档。'));
    return;
  }
  let content: string;
  if (format === 'html') {
    const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'preview.css')));
    content = standalonePage(result.html, result.meta.title ?? name, css);
  } else {
    content = result.markdown ?? '';
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  const open = say('Open', '打开');
  const choice = await vscode.window.showInformationMessage(say(`Exported ${targetName}`, `已导出 ${targetName}`), open);
  if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
}
