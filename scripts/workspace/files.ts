import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every .md / .markdown / .txt file under `dir`, sorted; hidden folders, `_tools` and node_modules skipped. */
export function documentFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === '_tools' || entry.name === 'node_modules') continue;
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|markdown|txt)$/i.test(entry.name)) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

/** The value after `--name` on a command line. */
export function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}
