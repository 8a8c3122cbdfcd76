// Links from diagnostics to the rule pages in docs/rules, for the language server and the CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The folder of the rule pages, found from the bundle's place in the package (server/out → root). */
function findDocsFolder(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function docsUriFinder(): (ruleId: string) => string | undefined {
  const folder = findDocsFolder();
  // Asked once per diagnostic: a big run would otherwise stat the same few pages millions of times.
  const known = new Map<string, string | undefined>();
  return (ruleId) => {
    if (known.has(ruleId)) return known.get(ruleId);
    const page = folder && path.join(folder, `${ruleId}.md`);
    const uri = page && fs.existsSync(page) ? pathToFileURL(page).href : undefined;
    known.set(ruleId, uri);
    return uri;
  };
}
