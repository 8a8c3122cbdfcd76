// The Node host: a connection over IPC or stdio (chosen by the command line), files from the disk.
import { mkdir, readdir, readFile, stat, writeFile, rename } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { docsUriFinder } from '../docsLinks';
import { buildEntries, fileStamp } from '../indexing/build';
import { DOCUMENT_FILE, type DocumentFile, type ServerHost } from '.';

const SKIPPED_FOLDER = (name: string) => name === 'node_modules' || name.startsWith('.');
const CACHE_FILE = 'workspace-index.json';
/** Below this many files to read, worker threads cost more (a service each) than they save. */
const THREAD_THRESHOLD = 200;

function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

async function stampOfPath(file: string): Promise<string | undefined> {
  try {
    const stats = await stat(file);
    return stats.isFile() ? fileStamp(stats) : undefined;
  } catch {
    return undefined; // vanished meanwhile
  }
}

async function walk(folder: string, found: DocumentFile[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return; // unreadable or vanished: nothing under it
  }
  // Stats issued together (libuv runs them on its thread pool): one after another they cost seconds on 20,000 files.
  await Promise.all(entries.map(async (entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDER(entry.name)) await walk(full, found);
    } else if (entry.isFile() && DOCUMENT_FILE.test(entry.name)) {
      const stamp = await stampOfPath(full);
      if (stamp !== undefined) found.push({ uri: pathToFileURL(full).href, stamp });
    }
  }));
}

export function createNodeHost(): ServerHost {
  return {
    connection: createConnection(ProposedFeatures.all),
    async readFile(uri) {
      const file = filePathOf(uri);
      try {
        return file === undefined ? null : await readFile(file, 'utf8');
      } catch {
        return null; // no such file: the defaults / the shipped data apply
      }
    },
    async listDocuments(folderUri) {
      const folder = filePathOf(folderUri);
      const found: DocumentFile[] = [];
      if (folder !== undefined) await walk(folder, found);
      return found.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    },
    async stampOf(uri) {
      const file = filePathOf(uri);
      return file === undefined ? undefined : stampOfPath(file);
    },
    cacheStore(storagePath) {
      const file = path.join(storagePath, CACHE_FILE);
      return {
        read: () => readFile(file, 'utf8').catch(() => null),
        async write(text) {
          // Written aside and renamed: a crash mid-write never leaves half a cache.
          await mkdir(storagePath, { recursive: true });
          const temporary = `${file}.${process.pid}.tmp`;
          await writeFile(temporary, text, 'utf8');
          await rename(temporary, file);
        },
      };
    },
    async buildEntries(uris, setup, options) {
      const files = uris.flatMap((uri) => {
        const file = filePathOf(uri);
        return file === undefined ? [] : [{ uri, path: file }];
      });
      // One core is left to the thread that answers the editor.
      const threads = files.length >= THREAD_THRESHOLD ? Math.max(1, availableParallelism() - 1) : 0;
      const built = await buildEntries(files, setup, { threads, onProgress: (done) => options.onProgress(done), isCancelled: options.isCancelled });
      return { entries: built.entries, failed: built.failed };
    },
    docsUri: docsUriFinder(),
  };
}
