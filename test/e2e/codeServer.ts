import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');

/** Installs (or finds in the cache) code-server and the browser; returns the code-server binary. */
export function setUp(): string {
  const out = execFileSync('bash', [path.join(ROOT, 'scripts', 'e2e-setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop()!;
}

/** Builds the .vsix as a user gets it (`npm run package`), into `dir`. */
export function packageExtension(dir: string): string {
  const vsix = path.join(dir, 'policydoc.vsix');
  execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServer {
  url: string;
  workspace: string;
  /** Where the extension is installed (its server process runs from there). */
  extensions: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** User settings on top of the quiet defaults below. */
  settings?: Record<string, unknown>;
  /** Runs VS Code with display language zh-cn, so that `vscode.env.language` is `zh-cn`. */
  chinese?: boolean;
  /**
   * A multi-root workspace instead of one folder: each folder (name → files, name → text; or a
   * folder of the repo, copied whole) is created under the workspace, and code-server opens a
   * `.code-workspace` file listing them.
   */
  folders?: Record<string, Record<string, string> | { copyOf: string }>;
}

/**
 * Starts code-server with the packaged extension installed, fresh user data, and a workspace
 * holding copies of `files` (paths relative to the repo). Everything lives in one temp folder.
 */
export async function startCodeServer(bin: string, vsix: string, files: string[], options: CodeServerOptions = {}): Promise<CodeServer> {
  const base = mkdtempSync(path.join(tmpdir(), 'policydoc-e2e-'));
  const userData = path.join(base, 'user-data');
  const extensions = path.join(base, 'extensions');
  const workspace = path.join(base, 'workspace');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(workspace);
  for (const file of files) cpSync(path.join(ROOT, file), path.join(workspace, path.basename(file)));
  let opened = workspace;
  if (options.folders) {
    for (const [folder, contents] of Object.entries(options.folders)) {
      if ('copyOf' in contents) {
        cpSync(path.join(ROOT, contents.copyOf as string), path.join(workspace, folder), { recursive: true });
        continue;
      }
      for (const [name, text] of Object.entries(contents)) {
        mkdirSync(path.dirname(path.join(workspace, folder, name)), { recursive: true });
        writeFileSync(path.join(workspace, folder, name), text);
      }
    }
    opened = path.join(workspace, 'policydoc.code-workspace');
    writeFileSync(opened, JSON.stringify({ folders: Object.keys(options.folders).map((folder) => ({ path: folder })) }, null, 2));
  }
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    ...options.settings,
  };
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  if (options.chinese) registerChineseLanguagePack(userData);
  execFileSync(bin, ['--install-extension', vsix, '--extensions-dir', extensions, '--user-data-dir', userData], { stdio: ['ignore', 'ignore', 'inherit'] });

  const port = await freePort();
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--user-data-dir', userData, '--extensions-dir', extensions];
  if (options.chinese) args.push('--locale', 'zh-cn');
  args.push(opened);
  // Its own process group, so stopping it also stops the extension host and watchers it forks.
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, PASSWORD: undefined } });
  await waitForListening(child, port);
  return {
    url: `http://127.0.0.1:${port}/`,
    workspace,
    extensions,
    stop: async () => {
      await stop(child);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/**
 * `--locale zh-cn` alone leaves VS Code in English (and `vscode.env.language` at `en`): it takes a
 * display language only from an installed language pack, and Microsoft's Chinese pack cannot be
 * downloaded here. So this registers, in the user data's `languagepacks.json` (where VS Code
 * records installed packs), a pack whose translation table is empty: VS Code then runs with
 * display language zh-cn — extensions see `zh-cn` — while its own UI text stays English.
 */
function registerChineseLanguagePack(userData: string): void {
  const translations = path.join(__dirname, 'zh-cn.i18n.json');
  // The pack names our extension as a real pack names the extensions it knows: VS Code then reads the
  // extension's own l10n bundle (l10n/bundle.l10n.zh-cn.json). With no entry, a pack-less lookup fails
  // ("reading 'extensionIdentifier'") and the extension never activates.
  const packs = {
    'zh-cn': { hash: 'policydoc-e2e', extensions: [{ extensionIdentifier: { id: 'policydoc.policydoc' }, version: '0.1.0' }], translations: { vscode: translations }, label: '中文(简体)' },
  };
  writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(packs));
}

function waitForListening(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`127.0.0.1:${port}`) && /HTTP server listening/.test(log)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited with ${code} before listening:\n${log}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });
}
