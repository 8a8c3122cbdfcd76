import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ROOT } from './codeServer';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'e2e');

/** Safety bound for anything the UI does; tests never assert on time. */
const PATIENCE = 60_000;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.POLICYDOC_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Waits until `probe` returns a value other than undefined (or throws after the safety bound). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, bound = PATIENCE): Promise<T> {
  const deadline = Date.now() + bound;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}${lastError ? `: ${lastError}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** VS Code (code-server) in a page, driven the way a user drives it: keyboard, palette, mouse. */
export class Workbench {
  private step = 0;
  constructor(readonly page: Page) {}

  static async open(browser: Browser, url: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(PATIENCE);
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor();
    return new Workbench(page);
  }

  /** Saves test-results/e2e/NN-name.png. */
  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    this.step++;
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${String(this.step).padStart(2, '0')}-${name}.png`) });
  }

  /** Answers the workspace trust dialog that a new user sees first (screenshots it on the way). */
  async trustWorkspace(): Promise<void> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await this.screenshot('trust-dialog');
    await dialog.getByRole('button', { name: /^Yes, I trust/ }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Runs a command by its title through the command palette (F1). */
  async runCommand(title: string): Promise<void> {
    await this.focusEditorArea();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens a workspace file by name through Quick Open, and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.runCommand('Go to File');
    const input = this.page.locator('.quick-input-widget input');
    await eventually('the file picker', async () => ((await input.inputValue()).startsWith('>') ? undefined : true));
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** The rows of the Problems panel, as their text, after opening it with its command. */
  async problems(): Promise<string[]> {
    await this.runCommand('Problems: Focus on Problems View');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor();
    const rows = panel.locator('.monaco-list-row');
    return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** Waits until the Problems panel has a row matching `pattern`; returns all rows then. */
  async problemsUntil(pattern: RegExp): Promise<string[]> {
    return eventually(`a problem matching ${pattern}`, async () => {
      const rows = await this.problems();
      return rows.some((row) => pattern.test(row)) ? rows : undefined;
    });
  }

  /** The editor's token node that contains `text` (so `text` must lie within one token). */
  private textInEditor(text: string): Locator {
    return this.page.locator('.editor-instance .monaco-editor .view-line span span', { hasText: text }).first();
  }

  /** Hovers the mouse over `text` in the active editor and returns the hover's text. */
  async hoverAt(text: string): Promise<string> {
    const target = this.textInEditor(text);
    await target.scrollIntoViewIfNeeded();
    await target.hover();
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.waitFor();
    return hover.innerText();
  }

  /** Moves the cursor to a 1-based line and column of the active editor (Go to Line/Column). */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.editor-instance .monaco-editor textarea').first().waitFor();
  }

  /** The TextMate scopes of the token at the cursor, innermost first (Developer: Inspect Editor Tokens and Scopes). */
  async scopesAtCursor(): Promise<string[]> {
    await this.runCommand('Developer: Inspect Editor Tokens and Scopes');
    const widget = this.page.locator('.token-inspect-widget');
    await widget.waitFor();
    const text = await widget.innerText();
    await this.page.keyboard.press('Escape');
    const section = text.split(/textmate scopes/)[1]?.split(/\nforeground/)[0] ?? '';
    return section.split(/\s+/).filter(Boolean);
  }

  /** Types `typed` at the cursor, triggers completion, and returns the suggested labels. */
  async complete(typed: string): Promise<string[]> {
    await this.page.keyboard.type(typed);
    await this.page.keyboard.press('Control+Space');
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor();
    return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** The lines of the active editor that are on screen, in order (Monaco reuses line nodes out of order). */
  async visibleText(): Promise<string> {
    const lines = this.page.locator('.editor-instance .monaco-editor .view-lines').first().locator('.view-line');
    const rendered = await lines.evaluateAll((nodes: { style: { top: string }; textContent: string | null }[]) =>
      nodes.map((node) => ({ top: parseFloat(node.style.top), text: node.textContent ?? '' })),
    );
    return rendered.sort((a, b) => a.top - b.top).map((line) => line.text.replace(/\u00a0/g, ' ')).join('\n');
  }

  private async focusEditorArea(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }
}
