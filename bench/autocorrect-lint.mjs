// AutoCorrect's side of the speed comparison (bench/autocorrect.ts): every document under a folder,
// in the order `policydoc check` walks it, linted one after another with autocorrect-node's
// synchronous `lintFor` on this one thread. Prints the findings as JSON, as `policydoc check
// --format json` does, so both tools do the same kind of work.
// Usage: node bench/autocorrect-lint.mjs FOLDER
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const { lintFor } = createRequire(import.meta.url)('autocorrect-node');
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const DOCUMENT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

function walk(folder, found) {
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, found);
    } else if (entry.isFile() && DOCUMENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      found.push(full);
    }
  }
  return found;
}

const results = walk(path.resolve(process.argv[2] ?? '.'), []).map((file) => lintFor(fs.readFileSync(file, 'utf8'), file));
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
// Exit 1 when anything was found, like `policydoc check` and AutoCorrect's own `--lint`.
process.exitCode = results.some((result) => result.lines.length > 0 || result.error) ? 1 : 0;
