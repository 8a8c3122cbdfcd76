// Writes l10n/bundle.l10n.json: every string the client passes to `t(…)` (vscode.l10n's English keys),
// found in client/src. The Chinese translations are kept by hand in l10n/bundle.l10n.zh-cn.json;
// test/unit/l10n.test.ts fails when either file is out of date (`node scripts/l10n-bundle.mjs`).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The keys, in the order they appear (files sorted), each once. */
export function clientMessageKeys() {
  const dir = path.join(root, 'client', 'src');
  const files = readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.ts')).map(String).sort();
  const keys = [];
  for (const file of files) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      const key = JSON.parse(`"${match[1].replace(/\\'/g, "'").replace(/"/g, '\\"')}"`);
      if (!keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

export function englishBundle() {
  return Object.fromEntries(clientMessageKeys().map((key) => [key, key]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), `${JSON.stringify(englishBundle(), null, 2)}\n`);
}
