/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { ROOT } from './codeServer';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'e2e');

/** Safety bound for anything the UI does; tests never assert on time. */
const PATIENCE = 60_000;

/** One numbering for every workbench of the run, so screenshots read in the order they were taken. */
let step = 0;

/** A row of the Problems panel. */
export interface Problem {
  file: string;
  /** As the row's accessible label starts: Error, Warning, Info or Hint. */
  severity: string;
  /** The rule id (the diagnostic's code). */
  rule: string;
  message: string;
}

/** An entry of the Outline view. */
export interface OutlineEntry {
  name: string;
  /** 1 for a top-level entry, 2 for one nested under it, … */
  level: number;
}

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
    step++;
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${String(step).padStart(2, '0')}-${name}.png`) });
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
    await this.pickFocused(title);
  }

  /**
   * Presses Enter once the quick input's focused row (the one Enter picks) matches `text`. Until
   * the typed filter applies, that row can be a recently used entry that differs.
   */
  private async pickFocused(text: string): Promise<void> {
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens a workspace file by name through Quick Open, and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.runCommand('Go to File');
    const input = this.page.locator('.quick-input-widget input');
    await eventually('the file picker', async () => ((await input.inputValue()).startsWith('>') ? undefined : true));
    await input.fill(name);
    await this.pickFocused(name);
    // By the tab's resource name: a preview's tab title also holds the file name.
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /**
   * Waits until the Problems panel, filtered to `file`, shows problems that satisfy `done`, and
   * returns them. The panel is maximized meanwhile (its list only renders the rows that fit) and
   * screenshotted as `shot`; the filter is cleared and the panel restored afterwards.
   */
  async problemsUntil(file: string, what: string, done: (problems: Problem[]) => boolean, shot: string): Promise<Problem[]> {
    const own = (rows: Problem[]) => rows.filter((row) => row.file === file);
    // The filter also shows problems of other files whose message names `file` (duplicate-document
    // names the other copy); any other row of another file means the filter has not been applied yet.
    const applied = (rows: Problem[]) => rows.every((row) => row.file === file || row.message.includes(file));
    return own(await this.filteredProblemsUntil(file, `problems in ${file}: ${what}`, (rows) => applied(rows) && done(own(rows)), shot));
  }

  /**
   * Waits until the Problems panel, filtered by `filter` (a file name, or text such as a rule id that
   * the panel matches in a problem's message, source and code), shows problems that satisfy `done`;
   * returns them. Screenshotted as `shot`, with the panel maximized as above.
   */
  async filteredProblemsUntil(filter: string, what: string, done: (problems: Problem[]) => boolean, shot: string): Promise<Problem[]> {
    await this.runCommand('Problems: Focus on Problems View');
    const panel = this.page.locator('.part.panel');
    const input = panel.locator('.viewpane-filter input');
    await input.fill(filter);
    await panel.locator('.action-label[aria-label="Maximize Panel Size"]').click();
    await panel.locator('.action-label[aria-label="Restore Panel Size"]').waitFor();
    let last: Problem[] = [];
    try {
      const problems = await eventually(what, async () => {
        const rows = (last = await this.problemRows());
        if (rows.length === 0 && !(await panel.getByText('No results found with provided filter criteria').isVisible())) return undefined;
        return done(rows) ? rows : undefined;
      }).catch((error: Error) => {
        throw new Error(`${error.message}; last seen: ${JSON.stringify(last)}`);
      });
      await this.screenshot(shot);
      return problems;
    } finally {
      await panel.locator('.action-label[aria-label="Restore Panel Size"]').click();
      await panel.locator('.action-label[aria-label="Maximize Panel Size"]').waitFor();
      await input.fill('');
    }
  }

  /** The marker rows on screen in the Problems panel, each with the file row above it. */
  private async problemRows(): Promise<Problem[]> {
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    const raw = await rows.evaluateAll((nodes: HTMLElement[]) =>
      // A file row's name is its .label-name (in a multi-root workspace the folder's name follows it).
      nodes.map((node) => ({ label: node.getAttribute('aria-label') ?? '', text: node.innerText, name: node.querySelector('.label-name')?.textContent ?? undefined, isFile: node.querySelector('.monaco-tl-twistie.collapsible') !== null })),
    );
    const problems: Problem[] = [];
    let file = '';
    for (const row of raw) {
      const text = row.text.replace(/\s+/g, ' ').trim();
      if (row.isFile) {
        file = row.name?.trim() || text.split(' ')[0];
        continue;
      }
      // "<message> policydoc(<rule>) [Ln 1, Col 1]" on screen; "Warning: <message> at line …" for screen readers.
      const shown = /^(.*?) policydoc\W*([\w-]+)\W*\[Ln \d+, Col \d+\]/.exec(text);
      problems.push({ file, severity: row.label.split(':')[0], rule: shown?.[2] ?? '', message: shown?.[1] ?? text });
    }
    return problems;
  }

  /**
   * Points the mouse at the character right after the cursor and waits for a hover whose text
   * matches `expected`; returns the hover's text. (Going by the cursor works for text that the
   * editor wraps over two screen lines.)
   */
  async hoverAfterCursor(expected: RegExp): Promise<string> {
    const cursor = this.page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first();
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: expected }).first();
    return eventually(`a hover matching ${expected}`, async () => {
      const box = await cursor.boundingBox();
      if (!box) return undefined;
      const x = box.x + 6;
      const y = box.y + box.height / 2;
      // Moving away and back re-triggers the hover if an earlier one came too soon or was dismissed.
      await this.page.mouse.move(x, y + 150);
      await this.page.mouse.move(x, y);
      await hover.waitFor({ timeout: 5_000 });
      return hover.innerText();
    });
  }

  /**
   * Runs Go to Definition (F12) at the cursor until the editor's active tab is the file `name` (the
   * server answers nothing until its workspace index is built; VS Code then says so and stays).
   */
  async goToDefinition(name: string): Promise<void> {
    const tab = this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`);
    await eventually(`Go to Definition to open ${name}`, async () => {
      await this.page.keyboard.press('F12');
      await tab.waitFor({ timeout: 5_000 });
      return true;
    });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** The 1-based line and column of the cursor, as the status bar shows them ("Ln 12, Col 3"). */
  async cursor(): Promise<{ line: number; column: number }> {
    const [, line, column] = /Ln (\d+), Col (\d+)/.exec(await this.statusBarItem(/Ln \d+, Col \d+/))!;
    return { line: Number(line), column: Number(column) };
  }

  /** The breadcrumbs above the active editor: workspace folder, folders, file, then symbols. */
  async breadcrumbs(): Promise<string[]> {
    const items = this.page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item');
    await items.first().waitFor();
    return (await items.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
  }

  /**
   * Focuses the Outline view and waits until its entries (name and tree level, top to bottom, as
   * many as it shows) satisfy `done`; returns them.
   */
  async outlineUntil(what: string, done: (entries: OutlineEntry[]) => boolean): Promise<OutlineEntry[]> {
    await this.runCommand('Explorer: Focus on Outline View');
    const rows = this.page.locator('.outline-pane .monaco-list-row');
    let last: OutlineEntry[] = [];
    return eventually(`the Outline to show ${what}`, async () => {
      last = await rows.evaluateAll((nodes: HTMLElement[]) =>
        nodes
          .map((node) => ({ top: parseFloat(node.style.top), name: node.querySelector('.label-name')?.textContent?.trim() ?? '', level: Number(node.getAttribute('aria-level')) }))
          .sort((a, b) => a.top - b.top)
          .map(({ name, level }) => ({ name, level })),
      );
      return done(last) ? last : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}; last seen: ${JSON.stringify(last)}`);
    });
  }

  /** Waits for a notification toast whose message matches `pattern`; returns its text. */
  async notification(pattern: RegExp): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: pattern }).first();
    await toast.waitFor();
    return (await toast.innerText()).trim();
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

  /** Triggers completion at the cursor (Ctrl+Space) and returns the suggest widget's row that matches `label`. */
  async suggestion(label: string): Promise<Locator> {
    const row = this.page.locator('.suggest-widget.visible .monaco-list-row', { hasText: label }).first();
    return eventually(`a suggestion "${label}"`, async () => {
      if (!(await this.page.locator('.suggest-widget.visible').isVisible())) await this.page.keyboard.press('Control+Space');
      await row.waitFor({ timeout: 5_000 });
      return row;
    });
  }

  /** Opens the quick fixes at the cursor (Ctrl+.) and applies the one titled `title`, with the keyboard. */
  async quickFix(title: string): Promise<void> {
    const widget = this.page.locator('.action-widget');
    const focused = widget.locator('.monaco-list-row.focused');
    await eventually(`a quick fix "${title}"`, async () => {
      if (!(await widget.isVisible())) await this.page.keyboard.press('Control+.');
      await widget.locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: 5_000 });
      return true;
    });
    await this.screenshot('quick-fix-menu');
    await eventually(`the quick fix "${title}" selected`, async () => {
      if ((await focused.getAttribute('aria-label', { timeout: 1_000 })) === title) return true;
      await this.page.keyboard.press('ArrowDown');
      return undefined;
    });
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
  }

  /** Waits for a status-bar item whose text matches `pattern`; returns its text. */
  async statusBarItem(pattern: RegExp): Promise<string> {
    const item = this.page.locator('.statusbar-item', { hasText: pattern }).first();
    await item.waitFor();
    return (await item.innerText()).trim();
  }

  /** Clicks the editor title-bar action whose label starts with `label`. */
  async clickEditorAction(label: string): Promise<void> {
    await this.page.locator(`.editor-actions .action-label[aria-label^="${label}"]`).first().click();
  }

  /** Waits for a webview (an iframe inside an iframe) whose text contains `text`; returns its frame. */
  async webview(text: string): Promise<Frame> {
    return eventually(`a webview showing "${text}"`, async () => {
      for (const frame of this.page.frames()) {
        if (!frame.url().includes('/webview/')) continue;
        const body = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (body.includes(text)) return frame;
      }
      return undefined;
    });
  }

  /** Waits until the active editor shows a line satisfying `match`; returns the visible text. */
  async textUntil(what: string, match: (lines: string[]) => boolean): Promise<string> {
    return eventually(`the editor to show ${what}`, async () => {
      const text = await this.visibleText();
      return match(text.split('\n')) ? text : undefined;
    });
  }

  /** The lines of the active editor that are on screen, in order (Monaco reuses line nodes out of order). */
  async visibleText(): Promise<string> {
    const lines = this.page.locator('.editor-instance .monaco-editor .view-lines').first().locator('.view-line');
    const rendered = await lines.evaluateAll((nodes: HTMLElement[]) =>
      nodes.map((node) => ({ top: parseFloat(node.style.top), text: node.textContent ?? '' })),
    );
    return rendered.sort((a, b) => a.top - b.top).map((line) => line.text.replace(/\u00a0/g, ' ')).join('\n');
  }

  private async focusEditorArea(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }
}
