// Bundles server/data/boilerplate/*.yaml (one file per source, the form people edit) into
// server/data/boilerplate.json, which the service imports like the other data files (no YAML
// parsing and no file system at run time). Run by scripts/build.mjs; a unit test checks that the
// JSON is up to date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BOILERPLATE_DIR = join(ROOT, 'server', 'data', 'boilerplate');
export const BOILERPLATE_JSON = join(ROOT, 'server', 'data', 'boilerplate.json');

/** The source files as data: `{ file, source, url, patterns }`, sorted by file name. */
export function readBoilerplateSources() {
  return readdirSync(BOILERPLATE_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, ...parse(readFileSync(join(BOILERPLATE_DIR, file), 'utf8')) }));
}

/** The JSON text the service bundles. */
export function boilerplateJson() {
  const about = 'Generated from server/data/boilerplate/*.yaml by scripts/boilerplateData.mjs (run by npm run build); edit the YAML files, not this one.';
  return `${JSON.stringify({ about, sources: readBoilerplateSources() }, null, 1)}\n`;
}

export function writeBoilerplateJson() {
  const text = boilerplateJson();
  let current = '';
  try {
    current = readFileSync(BOILERPLATE_JSON, 'utf8');
  } catch {
    // first build
  }
  if (current !== text) writeFileSync(BOILERPLATE_JSON, text);
}
