// Every string the client shows, in English and Chinese, in one place (until the client moves to
// vscode.l10n). No `vscode` import: the browser test renders the preview's notices with them too.

const en = {
  profileTooltip: (profile: string, forced: boolean) => `policydoc profile: ${profile} (${forced ? 'set by configuration' : 'detected from the content'})`,
  previewTitle: (name: string) => `Preview ${name}`,
  previewLoading: 'Cleaning the document…',
  previewFailed: 'The clean preview could not be shown',
  previewServerDown: 'The policydoc language server is not running. Run “policydoc: Restart Language Server”, then retry.',
  previewTimeout: (seconds: number) => `The language server did not answer within ${seconds} seconds.`,
  previewNotCleaned: 'The language server could not clean this document.',
  previewNotOpened: (uri: string) => `The document could not be opened: ${uri}`,
  retry: 'Retry',
  exportOnlySaved: 'policydoc: only a saved Markdown or plain-text file can be exported.',
  overwrite: 'Overwrite',
  overwriteQuestion: (name: string) => `${name} already exists. Overwrite it?`,
  exported: (name: string) => `Exported ${name}`,
  open: 'Open',
};

export type Messages = typeof en;

const zh: Messages = {
  profileTooltip: (profile, forced) => `policydoc 文档类型：${profile}（${forced ? '由配置指定' : '根据内容检测'}）`,
  previewTitle: (name) => `预览 ${name}`,
  previewLoading: '正在清理文档……',
  previewFailed: '无法显示清洁预览',
  previewServerDown: 'policydoc 语言服务器未运行。请运行“policydoc: 重启语言服务器”，然后重试。',
  previewTimeout: (seconds) => `语言服务器在 ${seconds} 秒内没有响应。`,
  previewNotCleaned: '语言服务器无法清理此文档。',
  previewNotOpened: (uri) => `无法打开文档：${uri}`,
  retry: '重试',
  exportOnlySaved: 'policydoc：只能导出已保存的 Markdown 或纯文本文件。',
  overwrite: '覆盖',
  overwriteQuestion: (name) => `${name} 已存在，是否覆盖？`,
  exported: (name) => `已导出 ${name}`,
  open: '打开',
};

/** The strings for a VS Code display language (`vscode.env.language`): Chinese for zh-*, else English. */
export function messages(language: string): Messages {
  return /^zh\b/i.test(language) ? zh : en;
}
