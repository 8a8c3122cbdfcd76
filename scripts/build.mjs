// Bundles the extension client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { writeBoilerplateJson } from './boilerplateData.mjs';

// jsonc-parser's `main` is a UMD build esbuild cannot follow, hence its ESM entry; ESM dependencies
// (fdir, under tinyglobby) read import.meta.url, which a CJS bundle must supply.
const importMetaUrl = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: importMetaUrl },
};

writeBoilerplateJson();

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } }),
]);
