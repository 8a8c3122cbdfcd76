/// <reference lib="dom" />
// The clean preview in a real browser (Debian chromium driven by playwright-core): the same page
// template and CSP as the webview, for the five seeds and a hostile corpus. Nothing may run, nothing
// may load from the network, and the page must read right. Screenshots go to test-results/preview/.
// Run with `npm run test:browser` (installs chromium and CJK fonts when missing).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { messages, translator } from '../../client/src/messages';
import { noticeHtml } from '../../client/src/preview/notice';
import { createLanguageService } from '../../server/src/service';
import { makeNonce } from '../../client/src/preview/nonce';
import { previewPage } from '../../common/src/page';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures');
const HOSTILE = path.join(FIXTURES, 'hostile');
const GOLD = path.join(ROOT, 'test/gold');
const SHOTS = path.join(ROOT, 'test-results/preview');
const CHROMIUM = '/usr/bin/chromium';
const SEEDS = fs.readdirSync(FIXTURES).filter((name) => /^\d{3}_/.test(name));
const HOSTILE_EXPECTED = JSON.parse(fs.readFileSync(path.join(HOSTILE, 'expected.json'), 'utf8')) as Record<string, string[]>;

/** Stands in for remote images the setting allows, so no request leaves the machine. */
const PLACEHOLDER =
  '<svg xmlns="http://www.w3.org/2000/svg" width="550" height="300"><rect width="100%" height="100%" fill="#d8d3c4"/>' +
  '<text x="50%" y="50%" font-size="28" text-anchor="middle" fill="#6a6559" font-family="Noto Sans CJK SC">图片</text></svg>';

const service = createLanguageService({ locale: 'zh' });
const pages = new Map<string, string>();
let origin = '';
let server: http.Server;
let browser: Browser;

function servePage(id: string, file: string, images: boolean, showRemoved = false): { url: string; html: string; srcs: string[] } {
  const doc = service.parse(`file://${file}`, fs.readFileSync(file, 'utf8'));
  const result = service.cleanDocument(doc, { images });
  const url = serveHtml(id, result.html, result.meta.title ?? id, images, showRemoved);
  const srcs = [...result.html.matchAll(/<img[^>]* src="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
  return { url, html: result.html, srcs };
}

/** The preview page around `html`, as the webview gets it; returns its address. */
function serveHtml(id: string, html: string, title: string, images: boolean, showRemoved = false): string {
  const page = previewPage({
    html,
    title,
    cspSource: origin,
    styleUri: `${origin}/media/preview.css`,
    scriptUri: `${origin}/media/preview.js`,
    nonce: makeNonce(),
    images,
    showRemoved,
  });
  pages.set(`/page/${id}.html`, page);
  return `${origin}/page/${id}.html`;
}

interface Watch {
  /** Requests that would have left the machine (blocked). */
  leaks: string[];
  /** Remote images answered locally, as the setting allows them. */
  images: string[];
  dialogs: string[];
  console: string[];
  errors: string[];
}

/**
 * Stands in for the webview's `acquireVsCodeApi` (installed before the page's own script runs): what
 * the page posts to the extension and the state it keeps go to `window.__posted` and `window.__state`.
 * A string, so that no helper of the TypeScript loader ends up in the page.
 */
const FAKE_VSCODE_API = `
  window.__posted = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.__posted.push(message),
    setState: (state) => { window.__state = state; },
    getState: () => window.__state,
  });`;

async function open(url: string, allowRemoteImages: boolean, initScript?: string): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  const watch: Watch = { leaks: [], images: [], dialogs: [], console: [], errors: [] };
  await page.route('**/*', async (route) => {
    const request = route.request();
    const target = request.url();
    if (target.startsWith(`${origin}/`)) return route.continue();
    if (allowRemoteImages && request.resourceType() === 'image' && target.startsWith('https://')) {
      watch.images.push(target);
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER });
    }
    watch.leaks.push(target);
    return route.abort();
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => watch.console.push(message.text()));
  page.on('pageerror', (error) => watch.errors.push(error.message));
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  if (initScript) await page.addInitScript({ content: initScript });
  await page.goto(url, { waitUntil: 'load' });
  return { page, watch };
}

async function assertNothingRan(page: Page, watch: Watch, what: string): Promise<void> {
  assert.deepEqual(watch.dialogs, [], `${what}: dialogs`);
  assert.deepEqual(watch.console, [], `${what}: console`);
  assert.deepEqual(watch.errors, [], `${what}: page errors`);
  assert.deepEqual(watch.leaks, [], `${what}: requests leaving the machine`);
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    parentPwned: (window.parent as unknown as { __pwned?: unknown }).__pwned,
    scripts: Array.from(document.querySelectorAll("script"), (script) => script.src),
    frames: document.querySelectorAll('iframe, frame, object, embed').length,
    violations: (window as unknown as { __violations: string[] }).__violations,
    location: location.href,
  }));
  assert.equal(state.pwned, undefined, `${what}: injected script set the flag`);
  assert.equal(state.parentPwned, undefined);
  assert.deepEqual(state.scripts, [`${origin}/media/preview.js`], `${what}: only the preview's own script`);
  assert.equal(state.frames, 0);
  assert.deepEqual(state.violations, [], `${what}: nothing even tried to break the CSP`);
  assert.ok(state.location.startsWith(`${origin}/page/`), `${what}: navigated away to ${state.location}`);
}

const normalize = (text: string) => text.replace(/\s+/g, '');

before(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "bash scripts/browser-setup.sh" (npm run test:browser does)`);
  server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const page = pages.get(url);
    const media = /^\/media\/(preview\.(?:css|js))$/.exec(url);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (media) {
      const type = media[1].endsWith('.css') ? 'text/css' : 'text/javascript';
      response.writeHead(200, { 'content-type': type }).end(fs.readFileSync(path.join(ROOT, 'media', media[1])));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('seeds in the preview', () => {
  for (const seed of SEEDS) {
    const stem = seed.replace(/\.\w+$/, '');
    test(`${seed}: reads as the gold text, nothing runs or leaks, screenshot`, async () => {
      const { url, srcs } = servePage(stem, path.join(FIXTURES, seed), true);
      const { page, watch } = await open(url, true);
      try {
        await page.evaluate(() => document.fonts.ready);
        await assertNothingRan(page, watch, seed);
        assert.deepEqual([...watch.images].sort(), [...new Set(srcs)].sort(), 'only the document\'s own images were requested');
        const visible = normalize(await page.locator('#pd-root').innerText());
        const gold = fs.readFileSync(path.join(GOLD, `${stem}.txt`), 'utf8').split('\n\n');
        for (const paragraph of gold) assert.ok(visible.includes(normalize(paragraph)), `${seed}: missing ${paragraph.slice(0, 30)}`);
        for (const junk of ['海量资讯', 'appendQr', '返回首页', '&#123;']) assert.ok(!visible.includes(junk), `${seed}: ${junk} visible`);
        // Print-style indentation comes from the stylesheet (two characters), not from the source's 　　.
        const { indent, fontSize } = await page.locator('.pd-body p:not([class]), .pd-body p.pd-paragraph').first().evaluate((p) => ({ indent: getComputedStyle(p).textIndent, fontSize: getComputedStyle(p).fontSize }));
        assert.equal(parseFloat(indent), 2 * parseFloat(fontSize));
        await page.screenshot({ path: path.join(SHOTS, `${stem}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }

  test('show what was removed, live update and scroll following through the preview script', async () => {
    const stem = SEEDS[0].replace(/\.\w+$/, '');
    const { url } = servePage(`${stem}-live`, path.join(FIXTURES, SEEDS[0]), true);
    const { page, watch } = await open(url, true);
    try {
      assert.equal(await page.locator('.pd-removed:visible').count(), 0, 'removed blocks are hidden by default');
      await page.evaluate(() => window.postMessage({ type: 'showRemoved', value: true }, '*'));
      await page.locator('.pd-removed[data-kind="editor-line"]').waitFor({ state: 'visible' });
      assert.ok((await page.locator('.pd-removed:visible').count()) > 5);
      assert.match(await page.locator('.pd-removed[data-kind="editor-line"]').innerText(), /责任编辑：王翔/);
      await page.screenshot({ path: path.join(SHOTS, `${stem}-removed.png`), fullPage: true });

      await page.setViewportSize({ width: 900, height: 300 });
      await page.evaluate(() => window.postMessage({ type: 'scroll', line: 19 }, '*'));
      await page.waitForFunction(() => window.scrollY > 0);
      const top = await page.locator('.pd-body p[data-line="19"]').evaluate((p) => Math.round(p.getBoundingClientRect().top));
      assert.ok(Math.abs(top) <= 2, `block of line 19 at the top, not at ${top}`);

      // An update carrying hostile content, as a compromised or buggy server might send: CSP still holds.
      const hostile = '<p>新段落</p><img src="x" onerror="window.__pwned=true"><script>window.__pwned=true</script><a href="javascript:window.__pwned=true">链接</a>';
      await page.evaluate((html) => window.postMessage({ type: 'update', html }, '*'), hostile);
      await page.locator('text=新段落').waitFor();
      await page.locator('a[href^="javascript"]').click();
      const state = await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: unknown }).__pwned, location: location.href }));
      assert.equal(state.pwned, undefined);
      assert.equal(state.location, url);
      assert.deepEqual(watch.dialogs, []);
      assert.deepEqual(watch.leaks, []);
      assert.deepEqual(watch.errors, []);
    } finally {
      await page.close();
    }
  });
});

describe('hostile corpus in the preview', () => {
  for (const [name, paragraphs] of Object.entries(HOSTILE_EXPECTED)) {
    test(`${name}: nothing runs, nothing loads from the network, the text is right`, async () => {
      const { url } = servePage(`hostile-${name}`, path.join(HOSTILE, name), false);
      const { page, watch } = await open(url, false);
      try {
        // Hover and click everything, so handlers that would wait for the user get their chance.
        for (const element of await page.locator('#pd-root *').all()) {
          if (await element.isVisible()) await element.click({ force: true, timeout: 2000 }).catch(() => {});
        }
        await assertNothingRan(page, watch, name);
        // Images are off: each one is a placeholder, and the text around it is what the gold lists.
        const visible = normalize((await page.locator('#pd-root').innerText()).replace(/［图片(?:：[^］]*)?］|\[image(?:: [^\]]*)?\]/g, ''));
        for (const paragraph of paragraphs) assert.ok(visible.includes(normalize(paragraph)), `${name}: missing ${paragraph}`);
        for (const image of await page.locator('#pd-root img').all()) assert.fail(`${name}: an <img> is left: ${await image.evaluate((node) => node.outerHTML)}`);
        await page.screenshot({ path: path.join(SHOTS, `hostile-${name.replace(/\.\w+$/, '')}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
});

describe('the error state of the preview', () => {
  for (const language of ['en', 'zh-cn']) {
    test(`${language}: a failed request shows its message and a Retry button under the CSP; Retry and the kept uri reach the extension`, async () => {
      const text = messages(translator(language === 'en' ? {} : JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'l10n', `bundle.l10n.${language}.json`), 'utf8'))));
      const detail = text.previewServerDown;
      const html = noticeHtml({ kind: 'error', title: text.previewFailed, detail, retry: text.retry });
      const url = serveHtml(`error-${language}`, html, '', false);
      const { page, watch } = await open(url, false, FAKE_VSCODE_API);
      try {
        const alert = page.getByRole('alert');
        assert.equal(await alert.locator('.pd-notice-title').innerText(), text.previewFailed);
        assert.equal(await alert.locator('.pd-notice-detail').innerText(), detail);
        const retry = page.getByRole('button', { name: text.retry });
        assert.ok(await retry.isVisible(), 'the Retry button is shown');
        // The stylesheet applies (it is the page's only style source under the CSP).
        assert.notEqual(await retry.evaluate((button) => getComputedStyle(button).cursor), 'default');
        await page.screenshot({ path: path.join(SHOTS, `error-state-${language}.png`), fullPage: true });

        await retry.click();
        await page.evaluate(() => window.postMessage({ type: 'state', uri: 'file:///workspace/post.md' }, '*'));
        await page.waitForFunction(() => (window as unknown as { __state?: unknown }).__state !== undefined);
        const seen = await page.evaluate(() => {
          const record = window as unknown as { __posted: unknown[]; __state: unknown };
          return { posted: record.__posted, state: record.__state };
        });
        assert.deepEqual(seen.posted, [{ type: 'ready' }, { type: 'retry' }]);
        assert.deepEqual(seen.state, { uri: 'file:///workspace/post.md' });
        await assertNothingRan(page, watch, `error state (${language})`);
      } finally {
        await page.close();
      }
    });
  }

  test('a notice escapes what it is given', () => {
    const html = noticeHtml({ kind: 'error', title: '<b>x</b>', detail: '"&\'' });
    assert.equal(html, '<div class="pd-notice pd-notice-error" role="alert"><p class="pd-notice-title">&#60;b&#62;x&#60;/b&#62;</p><p class="pd-notice-detail">&#34;&#38;&#39;</p></div>');
  });
});
