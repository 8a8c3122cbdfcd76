// Requests between the policydoc client and server that are not LSP's own: their names and types.

/** Server → client: a project file's text (`.policydocrc.json`, `.policydoc/*.yaml`), read through
 * `vscode.workspace.fs`, for a server that has no file system (the web worker). */
export const READ_FILE_REQUEST = 'policydoc/readFile';
export interface ReadFileParams {
  uri: string;
}
/** The file's text, or null when it does not exist or cannot be read. */
export type ReadFileResult = string | null;
