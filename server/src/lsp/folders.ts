import type { PolicydocConfig } from '../service';
import { filePath } from '../service/uri';
import { DEFAULT_DEBOUNCE_MS, type EditorSettings } from './settings';

/**
 * One workspace folder as the server sees it: its own root, project config (`.policydocrc.json`),
 * editor settings (pulled with the folder as `scopeUri`) and, in `state`, whatever the server keeps
 * per folder (its language service and parse cache). Documents outside every folder (untitled ones,
 * files opened on their own) belong to a folder without a uri or root: defaults and user settings.
 */
export interface Folder<S> {
  /** The folder's uri as the client sent it, without a trailing `/`; undefined for the folder of loose documents. */
  uri: string | undefined;
  /** The service's root: the folder's file path, or its uri for a folder that is not on disk (github.dev). */
  root: string | undefined;
  config: PolicydocConfig;
  settings: EditorSettings;
  state: S;
}

/** Whether `inner` is `outer` or lies under it (paths, or uris when they are not files). */
function contains(outer: string, inner: string): boolean {
  const prefix = outer.endsWith('/') ? outer : `${outer}/`;
  return inner === outer || inner.startsWith(prefix);
}

/** The workspace folders, and which one each document belongs to (the innermost that contains it). */
export class Folders<S> {
  private readonly folders = new Map<string, Folder<S>>();
  readonly loose: Folder<S>;

  constructor(private readonly makeState: (root: string | undefined) => S) {
    this.loose = this.make(undefined);
  }

  private make(uri: string | undefined): Folder<S> {
    const root = uri === undefined ? undefined : (filePath(uri) ?? uri);
    return { uri, root, config: {}, settings: { rules: {}, debounceMs: DEFAULT_DEBOUNCE_MS }, state: this.makeState(root) };
  }

  add(folderUri: string): Folder<S> {
    const uri = folderUri.replace(/\/+$/, '');
    const existing = this.folders.get(uri);
    if (existing) return existing;
    const folder = this.make(uri);
    this.folders.set(uri, folder);
    return folder;
  }

  remove(folderUri: string): Folder<S> | undefined {
    const uri = folderUri.replace(/\/+$/, '');
    const folder = this.folders.get(uri);
    this.folders.delete(uri);
    return folder;
  }

  /** Every folder, the loose documents' last. */
  all(): Folder<S>[] {
    return [...this.folders.values(), this.loose];
  }

  /** The innermost folder that holds the document (or the file) `uri`. */
  of(uri: string): Folder<S> {
    const file = filePath(uri);
    let best: Folder<S> | undefined;
    let bestLength = -1;
    for (const folder of this.folders.values()) {
      const folderFile = filePath(folder.uri!);
      const inside = folderFile !== undefined && file !== undefined ? contains(folderFile, file) : contains(folder.uri!, uri);
      const length = (folder.root ?? folder.uri!).length;
      if (inside && length > bestLength) {
        best = folder;
        bestLength = length;
      }
    }
    return best ?? this.loose;
  }
}
