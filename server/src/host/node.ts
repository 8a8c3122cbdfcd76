// The Node host: a connection over IPC or stdio (chosen by the command line), files from the disk.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { docsUriFinder } from '../docsLinks';
import type { ServerHost } from '.';

export function createNodeHost(): ServerHost {
  return {
    connection: createConnection(ProposedFeatures.all),
    async readFile(uri) {
      try {
        return uri.startsWith('file:') ? await readFile(fileURLToPath(uri), 'utf8') : null;
      } catch {
        return null; // no such file: the defaults / the shipped data apply
      }
    },
    docsUri: docsUriFinder(),
  };
}
