import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicydocConfig } from '../service';
import { DEFAULT_DEBOUNCE_MS, type EditorSettings } from './settings';

/**
 * One workspace folder as the server sees it: its own root, project config (`.policydocrc.json`),
 * editor settings (pulled with the folder as `scopeUri`) and, in `state`, whatever the server keeps
 * per folder (its language service and parse cache). Documents outside every folder (untitled ones,
 * files opened on their own) belong to a folder without a uri or root: defaults and user settings.
 */
export interface Folder<S> {
  /** The folder's uri as the client sent it; undefined for the folder of loose documents. */
  uri: string | undefined;
  /** Its file-system path, when it is a `file:` folder. */
  root: string | undefined;
  config: PolicydocConfig;
  settings: EditorSettings;
  state: S;
}

function fsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Whether `inner` is `outer` or lies under it (paths, or uris when they are not files). */
function contains(outer: string, inner: string, separator: string): boolean {
  const prefix = outer.endsWith(separator) ? outer : outer + separator;
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
    const root = uri === undefined ? undefined : fsPath(uri);
    return { uri, root, config: {}, settings: { rules: {}, debounceMs: DEFAULT_DEBOUNCE_MS }, state: this.makeState(root) };
  }

  add(uri: string): Folder<S> {
    const existing = this.folders.get(uri);
    if (existing) return existing;
    const folder = this.make(uri);
    this.folders.set(uri, folder);
    return folder;
  }

  remove(uri: string): Folder<S> | undefined {
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
    const file = fsPath(uri);
    let best: Folder<S> | undefined;
    let bestLength = -1;
    for (const folder of this.folders.values()) {
      const inside = folder.root !== undefined && file !== undefined ? contains(folder.root, file, path.sep) : contains(folder.uri!, uri, '/');
      const length = (folder.root ?? folder.uri!).length;
      if (inside && length > bestLength) {
        best = folder;
        bestLength = length;
      }
    }
    return best ?? this.loose;
  }
}
