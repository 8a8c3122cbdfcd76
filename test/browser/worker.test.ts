/// <reference lib="dom" />
// The language server as VS Code for the Web runs it: the shipped bundle (server/out/server.js) in a
// Worker in Debian chromium (playwright-core), speaking LSP over postMessage. The page plays the
// client: it answers the server's requests (`workspace/configuration`, `policydoc/readFile` from an
// in-memory github.dev-like workspace) and collects what the server publishes. Nothing may leave the
// machine. Run with `npm run test:browser` (after `npm run build`).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CompletionList, Diagnostic, Hover, InitializeResult, MarkupContent } from 'vscode-languageserver-protocol';
import { createLanguageService, type CleanResult } from '../../server/src/service';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const BUNDLE = path.join(ROOT, 'server/out/server.js');
const CLIENT_BUNDLE = path.join(ROOT, 'client/out/extension.js');
const FIXTURES = path.join(ROOT, 'test/fixtures');
/** The workspace as github.dev names it: the server reads its project files through the client. */
const WORKSPACE = 'vscode-vfs://github/policydoc/sample';
const PROJECT_FILES: Record<string, string> = {
  [`${WORKSPACE}/.policydoc/terms.yaml`]: '- term: 网页测试词\n  zh: 只在浏览器测试里定义的词条。\n  en: A term defined only for the browser test.\n  source: 测试来源\n',
};
const seed = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/**
 * The page's side: a minimal LSP client over the worker's messages. A string, so that no helper
 * of the TypeScript loader ends up in the page.
 */
const CLIENT = `
  window.__client = (() => {
    const worker = new Worker('/server.js');
    const pending = new Map();
    const published = [];
    const errors = [];
    const files = ${JSON.stringify(PROJECT_FILES)};
    let nextId = 1;
    const answers = {
      'workspace/configuration': (params) => params.items.map(() => ({})),
      'client/registerCapability': () => null,
      'window/workDoneProgress/create': () => null,
      'policydoc/readFile': (params) => files[params.uri] ?? null,
    };
    worker.onerror = (event) => errors.push(String(event.message));
    worker.onmessage = ({ data }) => {
      if (data.id !== undefined && data.method === undefined) {
        const request = pending.get(data.id);
        pending.delete(data.id);
        if (data.error) request.reject(new Error(data.error.message));
        else request.resolve(data.result);
      } else if (data.id !== undefined) {
        const answer = answers[data.method];
        worker.postMessage(answer
          ? { jsonrpc: '2.0', id: data.id, result: answer(data.params) }
          : { jsonrpc: '2.0', id: data.id, error: { code: -32601, message: 'unhandled ' + data.method } });
      } else if (data.method === 'textDocument/publishDiagnostics') {
        published.push(data.params);
      }
    };
    return {
      errors,
      request(method, params) {
        const id = nextId++;
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
        return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
      },
      notify(method, params) {
        worker.postMessage({ jsonrpc: '2.0', method, params });
      },
      /** The first diagnostics published for uri at version, once they are in. */
      diagnostics(uri, version) {
        return new Promise((resolve) => {
          const look = () => {
            const found = published.find((params) => params.uri === uri && params.version === version);
            if (found) resolve(found.diagnostics);
            else setTimeout(look, 20);
          };
          look();
        });
      },
    };
  })();
`;

let server: http.Server;
let browser: Browser;
let page: Page;
const leaks: string[] = [];

const request = <R>(method: string, params: unknown) =>
  page.evaluate(([m, p]) => (window as unknown as { __client: { request(m: string, p: unknown): Promise<unknown> } }).__client.request(m, p), [method, params] as const) as Promise<R>;
const notify = (method: string, params: unknown) =>
  page.evaluate(([m, p]) => (window as unknown as { __client: { notify(m: string, p: unknown): void } }).__client.notify(m, p), [method, params] as const);
const diagnostics = (uri: string, version: number) =>
  page.evaluate(([u, v]) => (window as unknown as { __client: { diagnostics(u: string, v: number): Promise<unknown> } }).__client.diagnostics(u, v), [uri, version] as const) as Promise<Diagnostic[]>;

async function open(name: string, text: string, languageId = name.endsWith('.txt') ? 'plaintext' : 'markdown'): Promise<string> {
  const uri = `${WORKSPACE}/${name}`;
  await notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return uri;
}

before(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "bash scripts/browser-setup.sh" (npm run test:browser does)`);
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run "npm run build"`);
  server = http.createServer((req, response) => {
    if (req.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><title>policydoc worker</title>');
    else if (req.url === '/server.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(fs.readFileSync(BUNDLE));
    else if (req.url === '/extension.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(fs.readFileSync(CLIENT_BUNDLE));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext();
  // Worker requests go through the context's routes too: anything but our origin is a leak.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    leaks.push(url);
    return route.abort();
  });
  page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.evaluate(CLIENT);
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * The client bundle loaded as VS Code's web extension host loads it: a CommonJS module in a worker,
 * whose `require` knows only `vscode` (here a stand-in that answers every property). Returns what
 * the module exports, or the error its loading threw.
 */
const LOAD_CLIENT = `
  new Promise((resolve) => {
    const source = \`
      const vscode = new Proxy(function () {}, { get: (target, key) => (key === 'then' ? undefined : vscode), apply: () => vscode, construct: () => ({}) });
      self.module = { exports: {} };
      self.exports = self.module.exports;
      self.require = (name) => { if (name === 'vscode') return vscode; throw new Error('require of ' + name); };
      try {
        importScripts(location.origin + '/extension.js');
        postMessage(Object.keys(self.module.exports).sort().join(','));
      } catch (error) {
        postMessage('error: ' + error.message);
      }
    \`;
    const worker = new Worker(URL.createObjectURL(new Blob([source.replace('location.origin', JSON.stringify(location.origin))], { type: 'text/javascript' })));
    worker.onmessage = ({ data }) => resolve(data);
  })
`;

test('the client bundle loads in a web worker as the web extension host loads it, without Node', async () => {
  assert.equal(await page.evaluate(LOAD_CLIENT), 'activate,deactivate');
});

describe('the server bundle in a web worker', () => {
  test('initialize: the capabilities of the Node server', async () => {
    const result = await request<InitializeResult>('initialize', {
      processId: null,
      rootUri: WORKSPACE,
      workspaceFolders: [{ uri: WORKSPACE, name: 'sample' }],
      locale: 'zh-cn',
      capabilities: { workspace: { configuration: true } },
    });
    assert.equal(result.serverInfo?.name, 'policydoc');
    assert.ok(result.capabilities.completionProvider);
    assert.equal(result.capabilities.hoverProvider, true);
    await notify('initialized', {});
  });

  test('didOpen seed 000: front-matter-position and web-boilerplate diagnostics, with fixes', async () => {
    const uri = await open('000_680b3455c651966d.md', seed('000_680b3455c651966d.md'));
    const found = await diagnostics(uri, 1);
    const rules = new Set(found.map((diagnostic) => diagnostic.code));
    assert.ok(rules.has('front-matter-position'), [...rules].join(', '));
    assert.ok(rules.has('web-boilerplate'), [...rules].join(', '));
    assert.ok(found.every(({ message }) => /[\u4e00-\u9fff]/.test(typeof message === 'string' ? message : message.value)), 'messages in Chinese (locale zh-cn)');
    const actions = await request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: found[0].range,
      context: { diagnostics: found.filter((diagnostic) => diagnostic.code === 'front-matter-position') },
    });
    assert.ok(actions.length > 0, 'a quick fix for front-matter-position');
  });

  test('completion: swb offers 商务部 first', async () => {
    const text = seed('000_680b3455c651966d.md').replace('author: 新浪财经', 'author: swb');
    const uri = await open('author-swb.md', text);
    const line = text.split('\n').findIndex((l) => l.startsWith('author: swb'));
    const list = await request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: 'author: swb'.length } });
    assert.ok(list && list.items.length > 0);
    assert.equal(list.items[0].label, '商务部');
  });

  test('hover: 四个意识 from the shipped glossary, and a term from the workspace’s .policydoc/terms.yaml', async () => {
    const text = `${seed('002_5b2f985364582157.md')}\n<p>网页测试词。</p>\n`;
    const uri = await open('002_5b2f985364582157.md', text);
    const lines = text.split('\n');
    const at = async (word: string) => {
      const line = lines.findIndex((l) => l.includes(word));
      const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].indexOf(word) + 1 } });
      return hover ? (hover.contents as MarkupContent).value : '';
    };
    const fourConsciousness = await at('四个意识');
    for (const part of ['政治意识', '大局意识', '核心意识', '看齐意识']) assert.ok(fourConsciousness.includes(part), `${part} in ${fourConsciousness}`);
    assert.match(await at('网页测试词'), /只在浏览器测试里定义的词条/);
  });

  test('policydoc/cleanDocument: the clean view of the pkulaw seed', async () => {
    const uri = await open('003_3f3e0725406a3fc4.txt', seed('003_3f3e0725406a3fc4.txt'));
    const result = await request<CleanResult | null>('policydoc/cleanDocument', { uri });
    assert.ok(result);
    assert.match(result.html, /商财函〔2020〕68号/);
    assert.match(result.text, /中华人民共和国商务部/);
    // The worker cleans exactly as the service does in Node.
    const service = createLanguageService({ locale: 'zh' });
    service.configure({ root: WORKSPACE });
    assert.deepEqual(result, JSON.parse(JSON.stringify(service.cleanDocument(service.parse(uri, seed('003_3f3e0725406a3fc4.txt')), {}))));
  });

  test('shutdown; nothing failed in the worker, nothing left the machine', async () => {
    assert.equal(await request('shutdown', null), null);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __client: { errors: string[] } }).__client.errors), []);
    assert.deepEqual(leaks, []);
  });
});
