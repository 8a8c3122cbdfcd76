/**
 * The requests the client sends the server beyond LSP: their names and what travels on the wire.
 * The client, the server and the service share this module and nothing else; it imports nothing.
 * The service fills the type parameters with its own names (ProfileName, RemovedKind); the client
 * reads plain strings.
 */

export const DOCUMENT_INFO_REQUEST = 'policydoc/documentInfo';
export const CLEAN_DOCUMENT_REQUEST = 'policydoc/cleanDocument';

/** An LSP position and range: 0-based line, UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** `policydoc/documentInfo` → `DocumentInfo`, or null for a document the server does not have open. */
export interface DocumentInfoParams {
  uri: string;
}
export interface DocumentInfo<Profile extends string = string> {
  profile: Profile;
  /** True when the profile came from the configuration rather than detection. */
  profileForced: boolean;
}

/** `policydoc/cleanDocument` → `CleanResult`, or null for a document the server does not have open. */
export interface CleanDocumentParams {
  uri: string;
  /** Keep images (setting `policydoc.preview.images`). */
  images?: boolean;
  /** Also produce `markdown`. */
  markdown?: boolean;
}

/** The metadata shown in the header card; absent fields are left out. */
export interface CleanMeta<Profile extends string = string> {
  profile: Profile;
  title?: string;
  /** `YYYY-MM-DD HH:mm:ss` in Beijing time. */
  date?: string;
  categories: string[];
  tags: string[];
  author?: string;
  /** 来源: the article's own source line. */
  source?: string;
  /** The original's address: a Jekyll post's source autolink, a pkulaw 原文链接. */
  sourceUrl?: string;
  originalTitle?: string;
  /** 责任编辑 */
  editor?: string;
  cliCode?: string;
  docNumber?: string;
  /** 主送机关, without its colon. */
  recipients?: string;
  /** 发文机关 of the 落款. */
  issuer?: string;
  writtenDate?: string;
}

/** A piece of the source the cleaner took out: portal junk, lines moved to the card, duplicates, unsafe content. */
export interface RemovedRange<Kind extends string = string> {
  kind: Kind;
  range: Range;
}

export interface CleanResult<Profile extends string = string, Kind extends string = string> {
  meta: CleanMeta<Profile>;
  /** The cleaned document as a sanitised HTML fragment (`<article>`), blocks carrying `data-line`. */
  html: string;
  /** The cleaned text: title and blocks separated by blank lines. */
  text: string;
  removed: RemovedRange<Kind>[];
  /** The cleaned document as Markdown, when asked for. */
  markdown?: string;
}

/** Server → client: a project file's text (`.policydocrc.json`, `.policydoc/*.yaml`), read through
 * `vscode.workspace.fs`, for a server that has no file system (the web worker). */
export const READ_FILE_REQUEST = 'policydoc/readFile';
export interface ReadFileParams {
  uri: string;
}
/** The file's text, or null when it does not exist or cannot be read. */
export type ReadFileResult = string | null;

/** The documents policydoc indexes: the server's file watcher and the web client's `findFiles`. */
export const DOCUMENT_GLOB = '**/*.{md,markdown,txt}';

/** Server → client: the documents under a workspace folder (`.md`, `.markdown`, `.txt`), listed with
 * `vscode.workspace.findFiles`, for a server that has no file system (the web worker). */
export const LIST_DOCUMENTS_REQUEST = 'policydoc/listDocuments';
export interface ListDocumentsParams {
  folderUri: string;
}
export type ListDocumentsResult = string[];

/** Client → server: check every document of the workspace (command Check Workspace); the server
 * publishes each file's diagnostics, with its own cancellable progress. */
export const CHECK_WORKSPACE_REQUEST = 'policydoc/checkWorkspace';
export interface CheckWorkspaceResult {
  /** Documents checked (policy documents in scope). */
  files: number;
  /** Documents with at least one problem. */
  filesWithProblems: number;
  problems: number;
  /** True when the user cancelled before every document was checked. */
  cancelled: boolean;
}
