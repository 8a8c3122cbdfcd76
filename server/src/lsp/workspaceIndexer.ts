// Keeps the workspace index (service/workspace/) over every document of every workspace folder:
// a first build at start (from the cache where files are unchanged, with cancellable progress),
// then file by file as watchers report changes. Open documents are indexed from the editor's text
// (see DocumentCache); the files on disk count for the others. Citations resolve across folders:
// there is one index, each document parsed by its own folder's service (its config applies).
import type { DocumentEntry, LanguageService } from '../service';
import { WorkspaceIndex } from '../service';
import { fileName, relativePath } from '../service/uri';
import type { DocumentFile, ParseSetup, ServerHost } from '../host';
import type { Folder, Folders } from './folders';

/** Progress as the server shows it (LSP work-done progress); `cancelled` when the user pressed Cancel. */
export interface Progress {
  report(done: number, total: number, message?: string): void;
  readonly cancelled: boolean;
  done(): void;
}

export interface IndexerOptions {
  host: Pick<ServerHost, 'readFile' | 'listDocuments' | 'stampOf' | 'buildEntries'>;
  folders: Folders<{ service: LanguageService }>;
  /** How a folder's service parses, for a builder on another thread. */
  parseSetup(folder: Folder<{ service: LanguageService }>): ParseSetup;
  /** An open document is the editor's: its text, not the file's, is in the index. */
  isOpen(uri: string): boolean;
  /** Called (at most every `CHANGE_DELAY_MS`) after the index changed, to re-check open documents. */
  onChanged(): void;
  /** Starts a progress report; undefined when the client cannot show one. */
  progress(title: string): Promise<Progress | undefined>;
  cache?: { read(): Promise<string | null>; write(text: string): Promise<void> };
  locale: () => 'zh' | 'en';
  logError(message: string): void;
}

/** Files read between two yields to the event loop, so requests (completion, hover) are answered while indexing. */
const BATCH = 8;
const ADD_BATCH = 100;
const CHANGE_DELAY_MS = 300;
const CACHE_DELAY_MS = 5_000;

const TEXT = {
  indexing: { zh: 'policydoc：正在索引工作区', en: 'policydoc: indexing the workspace' },
  files: { zh: '{done}/{total} 个文件', en: '{done}/{total} files' },
};

/** A progress report's message: how many files of all are done. */
export function filesDone(locale: 'zh' | 'en', done: number, total: number): string {
  return TEXT.files[locale].replace('{done}', String(done)).replace('{total}', String(total));
}

/**
 * What other documents can see of an entry: its identity, its citations and statements and its
 * fingerprint, without positions. An edit that leaves it unchanged (most keystrokes) concerns no
 * other document.
 */
export function relationsKey(entry: DocumentEntry | undefined): string {
  if (!entry) return '';
  const cited = (citation: { title?: string; number?: string }) => `${citation.title ?? ''}|${citation.number ?? ''}`;
  return JSON.stringify([
    entry.title, entry.number, entry.date, entry.agency, entry.cliCode, entry.fingerprint, entry.categories, entry.tags,
    entry.citations.map(cited),
    entry.statements.map((statement) => [statement.kind, statement.effective, statement.names.map(cited)]),
  ]);
}

/** Lets the connection answer what is waiting (completion, hover) before long work goes on. */
export const yieldToEvents = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

export class WorkspaceIndexer {
  readonly index: WorkspaceIndex;
  private building: Promise<void> | undefined;
  private built = false;
  private cached: Map<string, { entry: DocumentEntry; stamp?: string }> | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: IndexerOptions) {
    this.index = new WorkspaceIndex((uri, text) => this.serviceOf(uri).parse(uri, text));
  }

  private serviceOf(uri: string): LanguageService {
    return this.options.folders.of(uri).state.service;
  }

  /** A document's name for people: its path in its workspace folder (with the folder's name when there are several). */
  label = (uri: string): string => {
    const folder = this.options.folders.of(uri) as Folder<unknown>;
    const relative = folder.root !== undefined ? relativePath(uri, folder.root) : undefined;
    if (relative === undefined) return fileName(uri);
    const named = this.options.folders.all().filter((candidate) => candidate.uri !== undefined).length > 1;
    return named && folder.uri ? `${fileName(folder.uri)}/${relative}` : relative;
  };

  /** Whether the first build has finished (or was cancelled). */
  get ready(): boolean {
    return this.built;
  }

  /** Builds (or rebuilds) the index of every folder; a build already running is joined. */
  build(): Promise<void> {
    this.building ??= this.runBuild().finally(() => (this.building = undefined));
    return this.building;
  }

  /** Every folder's document files that its config includes (a file of a nested folder is that folder's). */
  private async documentFiles(): Promise<{ folder: Folder<{ service: LanguageService }>; files: DocumentFile[] }[]> {
    const found = [];
    for (const folder of this.options.folders.all()) {
      if (folder.uri === undefined) continue;
      const listed = await this.options.host.listDocuments(folder.uri);
      found.push({ folder, files: listed.filter((file) => this.options.folders.of(file.uri) === folder && folder.state.service.isIncluded(file.uri)) });
    }
    return found;
  }

  private async loadCache(): Promise<void> {
    if (this.cached || !this.options.cache) return;
    this.cached = new Map();
    try {
      const text = await this.options.cache.read();
      const data = text ? (JSON.parse(text) as unknown) : null;
      for (const found of (data ? WorkspaceIndex.entriesFromJSON(data) : null) ?? []) this.cached.set(found.entry.uri, found);
    } catch (error) {
      this.options.logError(`policydoc: the workspace index cache could not be read, it is rebuilt: ${String(error)}`);
    }
  }

  private async runBuild(): Promise<void> {
    const { locale } = this.options;
    const progress = await this.options.progress(TEXT.indexing[locale()]);
    try {
      await this.loadCache();
      const folders = await this.documentFiles();
      const listed = new Set(folders.flatMap(({ files }) => files.map((file) => file.uri)));
      for (const entry of [...this.index.documents()]) if (!listed.has(entry.uri) && !this.options.isOpen(entry.uri)) this.index.remove(entry.uri);
      // What the index and the cache already have, unchanged on disk, is not read again.
      const toRead = folders.map(({ folder, files }) => ({ folder, files: files.filter((file) => !this.fromCache(file)) }));
      const total = toRead.reduce((sum, { files }) => sum + files.length, 0);
      let done = 0;
      const report = (count: number) => progress?.report(count, total, filesDone(locale(), count, total));
      for (const { folder, files } of toRead) {
        if (progress?.cancelled) break;
        const start = done;
        done += await this.readFiles(folder, files, (count) => report(start + count), () => progress?.cancelled === true);
      }
      this.cached = undefined; // what was not used is stale
      this.built = true;
      this.changed();
    } finally {
      progress?.done();
    }
  }

  /** True when the index needs nothing read for the file: it is open, already indexed as it is, or cached with the same stamp (then taken from the cache). */
  private fromCache(file: DocumentFile): boolean {
    if (this.options.isOpen(file.uri)) return true;
    if (file.stamp === undefined) return false;
    if (this.index.stamp(file.uri) === file.stamp) return true;
    const cached = this.cached?.get(file.uri);
    if (cached?.stamp !== file.stamp) return false;
    this.index.add(cached.entry, cached.stamp);
    return true;
  }

  /** Reads and indexes a folder's files: on the host's builder (worker threads) where there is one, else here, yielding between batches. Returns how many were done. */
  private async readFiles(folder: Folder<{ service: LanguageService }>, files: DocumentFile[], onProgress: (done: number) => void, isCancelled: () => boolean): Promise<number> {
    const { host } = this.options;
    if (host.buildEntries && files.length > 0) {
      const built = await host.buildEntries(files.map((file) => file.uri), this.options.parseSetup(folder), { onProgress, isCancelled });
      // Put in a hundred at a time: requests waiting meanwhile are answered between them.
      let added = 0;
      for (const { stamp, ...entry } of built.entries) {
        if (!this.options.isOpen(entry.uri)) this.index.add(entry, stamp);
        if (++added % ADD_BATCH === 0) await yieldToEvents();
      }
      for (const uri of built.failed) if (!this.options.isOpen(uri)) this.index.remove(uri);
      return built.entries.length + built.failed.length;
    }
    let done = 0;
    for (; done < files.length; done++) {
      if (done % BATCH === 0) {
        if (isCancelled()) break;
        onProgress(done);
        await yieldToEvents();
      }
      await this.indexFile(files[done]);
    }
    return done;
  }

  /** Indexes one file from the disk; an open document is left to the editor. */
  private async indexFile(file: DocumentFile): Promise<void> {
    if (this.fromCache(file)) return;
    const text = await this.options.host.readFile(file.uri);
    if (text === null) {
      this.index.remove(file.uri); // vanished while indexing
      return;
    }
    try {
      this.index.update(file.uri, text, file.stamp);
    } catch (error) {
      this.options.logError(`policydoc: indexing ${file.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  /** A watcher's report: a document file was created, changed or deleted on disk. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (this.options.isOpen(uri)) return;
    if (deleted) {
      if (this.index.remove(uri)) this.changed();
      return;
    }
    const folder = this.options.folders.of(uri);
    if (folder.uri === undefined || !folder.state.service.isIncluded(uri)) return;
    await this.indexFile({ uri, stamp: await this.options.host.stampOf(uri) });
    this.changed();
  }

  /** An open document was closed: its file on disk (if any) counts again. */
  async documentClosed(uri: string): Promise<void> {
    const stamp = await this.options.host.stampOf(uri);
    const folder = this.options.folders.of(uri);
    if (folder.uri === undefined || (stamp === undefined && !uri.startsWith('file:'))) {
      // Untitled or outside every folder: it was only in the index while open.
      if (this.index.remove(uri)) this.changed();
      return;
    }
    await this.fileChanged(uri, stamp === undefined);
  }

  /**
   * The index changed: re-check open documents soon, and write the cache later — not for an open
   * document's edit (its entry has no stamp, so the cache would not use it, and writing costs a second).
   */
  changed(byOpenDocument = false): void {
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.options.onChanged(), CHANGE_DELAY_MS);
    if (this.options.cache && this.built && !byOpenDocument) {
      clearTimeout(this.cacheTimer);
      this.cacheTimer = setTimeout(() => void this.writeCache(), CACHE_DELAY_MS);
    }
  }

  async writeCache(): Promise<void> {
    if (!this.options.cache) return;
    try {
      await this.options.cache.write(JSON.stringify(this.index.toJSON()));
    } catch (error) {
      this.options.logError(`policydoc: writing the workspace index cache failed: ${String(error)}`);
    }
  }

  dispose(): void {
    clearTimeout(this.changeTimer);
    clearTimeout(this.cacheTimer);
  }
}
