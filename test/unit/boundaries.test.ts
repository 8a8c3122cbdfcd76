// The one direction of imports (docs/ARCHITECTURE.md): common ← service ← server, CLI; common ← client.
// tsc -b enforces the layers by project references; this test also bans what types cannot see:
// `node:` and Node.js built-ins in the pure layers, the LSP connection library in the service.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..', '..');
const IMPORT = /\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)|^\s*import\s+'([^']+)'/gm;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(?:ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each import of a file: a package name, or a repository path for a relative one. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    return specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), specifier)).split('\\').join('/') : specifier;
  });
}

const NODE = new Set(builtinModules);
const isNode = (specifier: string) => specifier.startsWith('node:') || NODE.has(specifier.split('/')[0]);

function violations(dir: string, forbidden: (specifier: string) => boolean): string[] {
  return sources(dir).flatMap((file) => importsOf(file).filter(forbidden).map((specifier) => `${file} → ${specifier}`));
}

test('boundaries: common imports nothing', () => {
  assert.deepEqual(violations('common/src', () => true), []);
});

test('boundaries: the service imports no Node.js, no VS Code, no LSP connection, nothing of the adapters', () => {
  const outside = (specifier: string) => specifier.startsWith('server/src/') && !specifier.startsWith('server/src/service') || specifier.startsWith('client/');
  const forbidden = (specifier: string) => isNode(specifier) || specifier === 'vscode' || /^vscode-languageserver(?:\/|$)|^vscode-languageclient/.test(specifier) || outside(specifier);
  assert.deepEqual(violations('server/src/service', forbidden), []);
});

test('boundaries: the client never imports the server, the service or the CLI; only common', () => {
  assert.deepEqual(violations('client/src', (specifier) => specifier.startsWith('server/') || specifier.startsWith('vscode-languageserver')), []);
});

test('boundaries: the server and the CLI do not import each other', () => {
  const server = ['server/src/server.ts', ...sources('server/src/lsp')];
  assert.deepEqual(server.flatMap((file) => importsOf(file).filter((specifier) => specifier.startsWith('server/src/cli')).map((specifier) => `${file} → ${specifier}`)), []);
  assert.deepEqual(violations('server/src/cli', (specifier) => specifier === 'server/src/server' || specifier.startsWith('server/src/lsp')), []);
});

test('boundaries: the knowledge data is read by one loader (knowledge/data.ts), so the user’s files and the mined table count everywhere', () => {
  const knowledgeData = /^server\/data\/(?:agencies|doc-codes|doc-kinds|terms)\.json$/;
  const readers = sources('server/src').filter((file) => importsOf(file).some((specifier) => knowledgeData.test(specifier)));
  assert.deepEqual(readers, ['server/src/service/knowledge/data.ts']);
});
