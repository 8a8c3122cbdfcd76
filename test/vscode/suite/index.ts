import assert from 'node:assert/strict';
import * as vscode from 'vscode';

// Runs inside VS Code's extension host. Steps still to add (issue 6): a completion, a hover,
// applying a quick fix, opening the preview.

const EXTENSION_ID = 'policydoc.policydoc';

async function waitFor<T>(what: string, probe: () => T | undefined, bound = 30_000): Promise<T> {
  const deadline = Date.now() + bound;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function fixture(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
}

const tests: [string, () => Promise<void>][] = [
  [
    'activates on a Markdown file',
    async () => {
      await vscode.window.showTextDocument(fixture('000_680b3455c651966d.md'));
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      await waitFor('activation', () => (extension.isActive ? true : undefined));
    },
  ],
  [
    'seed 000 gets front-matter-position',
    async () => {
      const uri = fixture('000_680b3455c651966d.md');
      await vscode.window.showTextDocument(uri);
      const diagnostic = await waitFor('the diagnostic', () =>
        vscode.languages.getDiagnostics(uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'front-matter-position'),
      );
      assert.equal(diagnostic.source, 'policydoc');
    },
  ],
];

/** Entry point called by @vscode/test-electron. */
export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, body] of tests) {
    try {
      await body();
      console.log(`ok - ${name}`);
    } catch (error) {
      failures.push(name);
      console.log(`not ok - ${name}: ${error instanceof Error ? error.stack : error}`);
    }
  }
  if (failures.length) throw new Error(`${failures.length} of ${tests.length} failed: ${failures.join(', ')}`);
}
