// The standard @vscode/test-web run: the same suite as test/vscode (diagnostics on a seed, in the
// extension host) in VS Code for the Web, with the extension's `browser` entry. @vscode/test-web is not
// a dependency: installing it installs Playwright's Chromium, and running it downloads VS Code for the
// Web from update.code.visualstudio.com — neither is reachable from this project's machines. Where
// both are available (the package installed, POLICYDOC_VSCODE_WEB_PATH pointing at a VS Code web
// build), the suite runs; otherwise it is skipped with the reason. The browser bundle is always
// tested by worker.test.ts (the server bundle in a Worker, speaking LSP).
import * as path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { build } from 'esbuild';

const ROOT = path.join(__dirname, '..', '..');

interface TestWeb {
  runTests(options: Record<string, unknown>): Promise<void>;
}

async function loadTestWeb(): Promise<{ testWeb?: TestWeb; why?: string }> {
  const vscodeWeb = process.env.POLICYDOC_VSCODE_WEB_PATH;
  if (!vscodeWeb) return { why: 'POLICYDOC_VSCODE_WEB_PATH is not set (a VS Code for the Web build; @vscode/test-web would download one from update.code.visualstudio.com, which is not reachable here)' };
  try {
    const name = '@vscode/test-web';
    return { testWeb: (await import(name)) as TestWeb };
  } catch {
    return { why: '@vscode/test-web is not installed (its install fetches Playwright\'s Chromium, which is not reachable here)' };
  }
}

test('extension tests in VS Code for the Web (@vscode/test-web)', async (t) => {
  const { testWeb, why } = await loadTestWeb();
  if (!testWeb) {
    t.skip(`skipped: ${why}; test/browser/worker.test.ts covers the browser bundle`);
    return;
  }
  const out = mkdtempSync(path.join(tmpdir(), 'policydoc-vscode-web-'));
  const suite = path.join(out, 'suite.js');
  await build({ entryPoints: [path.join(ROOT, 'test', 'vscode', 'suite', 'index.ts')], outfile: suite, bundle: true, platform: 'browser', format: 'cjs', external: ['vscode'], alias: { 'node:assert/strict': 'assert' } });
  await testWeb.runTests({
    browserType: 'chromium',
    vsCodeDevPath: process.env.POLICYDOC_VSCODE_WEB_PATH,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    folderPath: path.join(ROOT, 'test', 'fixtures'),
    headless: true,
  });
});
