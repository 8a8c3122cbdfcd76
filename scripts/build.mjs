// Bundles the extension client, the language server and the CLI with esbuild.
import { builtinModules, createRequire } from 'node:module';
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
const shipped = {
  bundle: true, platform: 'browser', conditions: ['worker'], target: ['es2022', 'node20'], minify: true, charset: 'utf8', sourcemap: true, logLevel: 'warning',
  external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
  alias: jsoncParser,
  plugins: [lspNodeEntries],
};

writeBoilerplateJson();

await Promise.all([
  // `main` and `browser` of package.json: loaded as a CommonJS module by both extension hosts.
  build({ ...shipped, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', format: 'cjs', external: [...shipped.external, 'vscode'] }),
  // A Node script (`node server.js --stdio`, or forked over IPC) and a classic web worker's script.
  build({ ...shipped, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', format: 'iife' }),
  build({
    entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js',
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
    alias: jsoncParser, define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` },
  }),
]);
