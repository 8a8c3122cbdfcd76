// The .vsix as `npm run package` makes it, offline: at most 900 KiB, the two bundles (each serves
// desktop and web, the data inside) and the files read at run time; nothing twice, no data files,
// no source maps, no sources, no CLI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const MAX_BYTES = 900 * 1024;
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string; icon: string };

interface Entry {
  name: string;
  size: number;
  crc: number;
}

/** The entries of a zip file, from its central directory. */
function zipEntries(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ crc: zip.readUInt32LE(at + 16), size: zip.readUInt32LE(at + 24), name: zip.toString('utf8', at + 46, at + 46 + nameLength) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('the packaged .vsix', () => {
  let dir: string;
  let vsix: Buffer;
  let files: string[];
  let entries: Entry[];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policydoc-vsix-'));
    const out = path.join(dir, 'policydoc.vsix');
    // A proxy that refuses every connection: packaging must not need the network.
    const offline = { ...process.env, HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', npm_config_offline: 'true' };
    execFileSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: ROOT, env: offline, stdio: ['ignore', 'ignore', 'inherit'] });
    vsix = fs.readFileSync(out);
    entries = zipEntries(vsix);
    files = entries.map((entry) => entry.name).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test(`is at most ${MAX_BYTES / 1024} KiB`, () => {
    assert.ok(vsix.length <= MAX_BYTES, `${(vsix.length / 1024).toFixed(1)} KiB`);
  });

  test('holds the desktop and web entries (one bundle), the server bundle and the icon', () => {
    for (const file of [manifest.main, manifest.browser, 'server/out/server.js', manifest.icon]) assert.ok(files.includes(path.posix.normalize(file)), file);
  });

  test('ships no data files, source maps, sources, tests or CLI', () => {
    const stray = files.filter((file) => /^(server\/data|server\/src|client\/src|test|scripts|node_modules)\/|\.map$|\.ts$|^server\/out\/cli\.js$/.test(file));
    assert.deepEqual(stray, []);
  });

  test('ships no file twice', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const entry of entries) {
      const key = `${entry.crc}:${entry.size}`;
      const first = seen.get(key);
      if (first !== undefined) twice.push(`${entry.name} = ${first}`);
      else seen.set(key, entry.name);
    }
    assert.deepEqual(twice, []);
  });
});
