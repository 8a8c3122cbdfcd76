// Bundles the extension client, the language server and the CLI with esbuild.
import { readFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { basename } from 'node:path';
import { build } from 'esbuild';
import { writeBoilerplateJson } from './boilerplateData.mjs';

// jsonc-parser's `main` is a UMD build esbuild cannot follow, hence its ESM entry.
const jsoncParser = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };
// ESM dependencies of the CLI (fdir, under tinyglobby) read import.meta.url, which a CJS bundle must supply.
const importMetaUrl = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

// The shipped bundles serve Node and the web alike (client/src/host/, server/src/host/): built for
// a web worker, so every dependency is its worker (else browser) variant, which needs no DOM. Node's
// modules stay `require` calls that only the Node host makes; the `/node` entries of the LSP
// libraries (exported for Node only) are resolved as Node resolves them, each from its importer, so
// nested copies stay apart. Minified, characters as UTF-8 (not \u escapes): the .vsix stays small.
const lspNodeEntries = {
  name: 'lsp-node-entries',
  setup(build) {
    build.onResolve({ filter: /^vscode-(languageclient|languageserver|languageserver-protocol|jsonrpc)\/node$/ }, ({ path, importer }) => ({ path: createRequire(importer).resolve(path) }));
  },
};
// Fields of server/data that record where an entry came from (for maintainers and tests, which read
// the files themselves) and that nothing reads at run time: left out of the shipped bundles.
const PROVENANCE = {
  'agencies.json': { agencies: ['examples'] },
  'terms.json': { terms: ['example', 'documents'] },
  'doc-codes.json': { codes: ['doc'] },
};
const withoutProvenance = {
  name: 'data-without-provenance',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]data[\\/][^\\/]+\.json$/ }, async ({ path }) => {
      const { $comment, corpus, ...data } = JSON.parse(await readFile(path, 'utf8'));
      for (const [list, fields] of Object.entries(PROVENANCE[basename(path)] ?? {})) {
        data[list] = data[list].map((entry) => Object.fromEntries(Object.entries(entry).filter(([key]) => !fields.includes(key))));
      }
      return { contents: JSON.stringify(data), loader: 'json' };
    });
  },
};
const shipped = {
  bundle: true, platform: 'browser', conditions: ['worker'], target: ['es2022', 'node20'], minify: true, charset: 'utf8', sourcemap: true, logLevel: 'warning',
  external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
  alias: jsoncParser,
  plugins: [lspNodeEntries, withoutProvenance],
};

writeBoilerplateJson();

await Promise.all([
  // `main` and `browser` of package.json: loaded as a CommonJS module by both extension hosts.
  build({ ...shipped, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', format: 'cjs', external: [...shipped.external, 'vscode'] }),
  // A Node script (`node server.js --stdio`, or forked over IPC) and a classic web worker's script.
  build({ ...shipped, entryPoints: ['server/src/main.ts'], outfile: 'server/out/server.js', format: 'iife' }),
  build({
    entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js',
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
    alias: jsoncParser, define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` },
  }),
]);
