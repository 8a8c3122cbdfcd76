// The packaged extension: .vsix size, and in code-server (the end-to-end harness, when it is
// already installed in the cache) the time from opening a document to its first squiggle —
// extension activation, server start-up and first validation, as a user waits for them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageExtension, setUp, startCodeServer } from '../test/e2e/codeServer';
import { launchBrowser, Workbench } from '../test/e2e/workbench';

export interface ActivationResult {
  vsixBytes?: number;
  /** Open → first diagnostic squiggle, per run, in ms; undefined when skipped. */
  firstDiagnosticsMs?: number[];
  note?: string;
}

const CODE_SERVER_CACHE = path.join(process.env.POLICYDOC_CACHE ?? path.join(os.homedir(), '.cache/policydoc'), 'code-server-4.100.3', '.complete');
const CHROMIUM = process.env.POLICYDOC_CHROMIUM ?? '/usr/bin/chromium';
const SEED = 'test/fixtures/000_680b3455c651966d.md';

async function firstDiagnostics(bin: string, vsix: string): Promise<number> {
  const server = await startCodeServer(bin, vsix, [SEED]);
  const browser = await launchBrowser();
  try {
    const workbench = await Workbench.open(browser, server.url);
    await workbench.trustWorkspace();
    const start = performance.now();
    await workbench.openFile(path.basename(SEED));
    await workbench.page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info').first().waitFor({ timeout: 60_000 });
    return performance.now() - start;
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function activationBench(runs: number, log: (line: string) => void): Promise<ActivationResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policydoc-bench-vsix-'));
  const result: ActivationResult = {};
  try {
    const vsix = packageExtension(dir);
    result.vsixBytes = fs.statSync(vsix).size;
    if (!fs.existsSync(CODE_SERVER_CACHE) || !fs.existsSync(CHROMIUM)) {
      result.note = 'code-server or chromium not installed (run `npm run test:e2e` once to install them); activation not measured.';
      return result;
    }
    const bin = setUp();
    result.firstDiagnosticsMs = [];
    for (let i = 0; i < runs; i++) {
      const ms = await firstDiagnostics(bin, vsix);
      result.firstDiagnosticsMs.push(ms);
      log(`  code-server: open → first squiggle ${ms.toFixed(0)} ms`);
    }
  } catch (error) {
    result.note = `activation not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
