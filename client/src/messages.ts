// Every string the client shows, in one place. The English text is the key of `vscode.l10n`; the
// Chinese is in l10n/bundle.l10n.zh-cn.json (test/unit/l10n.test.ts checks that every key has it).
// No `vscode` import: the caller passes the translator (`vscode.l10n.t` in the extension; the
// browser and end-to-end tests pass `translator(bundle)`), so the preview's notices render anywhere.

/** `vscode.l10n.t`'s form: the English message with `{0}`, `{1}` … placeholders, and their values. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** Fills `{0}`, `{1}` … as vscode.l10n does. */
function fill(message: string, args: Array<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/** A translator from an l10n bundle (English key → translation); English without one. For tests and hosts without vscode.l10n. */
export function translator(bundle: Record<string, string | { message: string }> = {}): Translate {
  return (message, ...args) => {
    const entry = bundle[message];
    return fill(entry === undefined ? message : typeof entry === 'string' ? entry : entry.message, args);
  };
}

export function messages(t: Translate) {
  return {
    profileTooltip: (profile: string, forced: boolean) =>
      forced ? t('policydoc profile: {0} (set by configuration)', profile) : t('policydoc profile: {0} (detected from the content)', profile),
    previewTitle: (name: string) => t('Preview {0}', name),
    previewLoading: t('Cleaning the document…'),
    previewFailed: t('The clean preview could not be shown'),
    previewServerDown: t('The policydoc language server is not running. Run “policydoc: Restart Language Server”, then retry.'),
    previewTimeout: (seconds: number) => t('The language server did not answer within {0} seconds.', seconds),
    previewNotCleaned: t('The language server could not clean this document.'),
    previewNotOpened: (uri: string) => t('The document could not be opened: {0}', uri),
    retry: t('Retry'),
    exportOnlySaved: t('policydoc: only a saved Markdown or plain-text file can be exported.'),
    overwrite: t('Overwrite'),
    overwriteQuestion: (name: string) => t('{0} already exists. Overwrite it?', name),
    exported: (name: string) => t('Exported {0}', name),
    open: t('Open'),
    // The language server's state (status bar, notifications).
    serverStarting: t('policydoc: starting the language server…'),
    serverRunning: t('policydoc: the language server is running.'),
    serverStopped: t('policydoc: the language server is stopped.'),
    serverFailed: t('policydoc: the language server failed. Click to restart it.'),
    serverStartFailed: (reason: string) => t('The policydoc language server could not start: {0}', reason),
    serverCrashed: t('The policydoc language server stopped and will not be restarted automatically.'),
    showOutput: t('Show Output'),
    restartServer: t('Restart Language Server'),
    statusMenuPlaceholder: t('policydoc language server'),
    // Check Workspace.
    workspaceChecked: (files: number, problems: number, filesWithProblems: number) =>
      t('policydoc checked {0} documents: {1} problems in {2} files (see the Problems panel).', files, problems, filesWithProblems),
    workspaceCheckCancelled: (files: number) => t('policydoc: Check Workspace was cancelled after {0} documents.', files),
    workspaceCheckFailed: (reason: string) => t('policydoc could not check the workspace: {0}', reason),
  };
}

export type Messages = ReturnType<typeof messages>;
