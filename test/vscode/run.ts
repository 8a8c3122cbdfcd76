import { mkdirSync, mkdtempSync, cpSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

// The standard @vscode/test-electron suite: runs ./suite inside a real VS Code (desktop) with the
// extension under development. It needs a VS Code build: POLICYDOC_VSCODE_PATH, or one it can
// download. Where neither is possible (no network here), the test is reported as skipped.

const ROOT = path.join(__dirname, '..', '..');

async function findVSCode(): Promise<{ path?: string; why?: string }> {
  if (process.env.POLICYDOC_VSCODE_PATH) return { path: process.env.POLICYDOC_VSCODE_PATH };
  const cachePath = path.join(process.env.POLICYDOC_CACHE ?? path.join(homedir(), '.cache', 'policydoc'), 'vscode-test');
  mkdirSync(cachePath, { recursive: true });
  try {
    return { path: await downloadAndUnzipVSCode({ cachePath, timeout: 15_000 }) };
  } catch (error) {
    return { why: `no VS Code to run in: POLICYDOC_VSCODE_PATH is not set and the download failed (${error instanceof Error ? error.message : error})` };
  }
}

test('extension tests in VS Code (@vscode/test-electron)', async (t) => {
  const vscode = await findVSCode();
  if (!vscode.path) {
    t.skip(`skipped: ${vscode.why}`);
    return;
  }
  const out = mkdtempSync(path.join(tmpdir(), 'policydoc-vscode-'));
  await build({ entryPoints: [path.join(__dirname, 'suite', 'index.ts')], outfile: path.join(out, 'suite.js'), bundle: true, platform: 'node', format: 'cjs', external: ['vscode'] });
  const workspace = path.join(out, 'workspace');
  cpSync(path.join(ROOT, 'test', 'fixtures'), workspace, { recursive: true });
  const exitCode = await runTests({
    vscodeExecutablePath: vscode.path,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(out, 'suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(out, 'user-data')],
  });
  if (exitCode !== 0) throw new Error(`the suite in VS Code failed (exit code ${exitCode})`);
});
