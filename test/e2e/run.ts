import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { packageExtension, setUp, startCodeServer, type CodeServer } from './codeServer';
import { launchBrowser, Workbench } from './workbench';

// The packaged extension in VS Code (code-server) in Debian's chromium, used as a new user would.
describe('policydoc in VS Code for the browser', () => {
  let server: CodeServer;
  let browser: Browser;
  let workbench: Workbench;

  before(async () => {
    const bin = setUp();
    const vsix = packageExtension(mkdtempSync(path.join(tmpdir(), 'policydoc-vsix-')));
    server = await startCodeServer(bin, vsix, [
      'test/fixtures/000_680b3455c651966d.md',
      'test/fixtures/002_5b2f985364582157.md',
      'test/fixtures/003_3f3e0725406a3fc4.txt',
      'test/fixtures/004_c3879432c9c75c10.md',
    ]);
    browser = await launchBrowser();
    workbench = await Workbench.open(browser, server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a new user trusts the workspace', async () => {
    await workbench.trustWorkspace();
    await workbench.screenshot('trusted');
  });

  test('seed 000: the Problems panel lists front-matter-position', async () => {
    await workbench.openFile('000_680b3455c651966d.md');
    await workbench.screenshot('seed-000-open');
    const rows = await workbench.problemsUntil(/front-matter-position/);
    await workbench.screenshot('seed-000-problems');
    assert.match(rows[0], /^000_680b3455c651966d\.md/, 'the rows are under seed 000');
    const row = rows.find((r) => r.includes('front-matter-position'))!;
    assert.match(row, /policydoc\W*front-matter-position/);
  });

  test('seed 003 (plain text): the grammar scopes its 发文字号', async () => {
    await workbench.openFile('003_3f3e0725406a3fc4.txt');
    await workbench.goTo(6, 7); // （商财函〔2020〕68号）: on the year
    const scopes = await workbench.scopesAtCursor();
    await workbench.screenshot('seed-003-scopes');
    assert.deepEqual(scopes, ['constant.numeric.year.policydoc', 'constant.other.doc-number.policydoc', 'text.plain']);
  });
});
