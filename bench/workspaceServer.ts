// The workspace index through the language server (issue 14 §5), as an editor meets it: the bundled
// server (server/out/server.js) as a process over stdio with a JSON-RPC client that declares
// window.workDoneProgress, one workspace folder holding the 20,000 generated documents
// (bench/workspace/generate.ts), and a fresh storagePath for the index cache.
// - cold: `initialized` → the end of the index's work-done progress; peak RSS (VmHWM) and CPU time of
//   the server process (its worker threads are threads of that process); meanwhile, completion in an
//   open post (front matter `categories: ` and the body) and keystroke → diagnostics in another open
//   document, one request at a time;
// - the cache: how long after the end it is written, the slowest completion while that happens;
// - warm: a new server with the same storagePath, `initialized` → the end of the progress;
// - with the index built: keystroke → diagnostics, and completion right after it (the index changed);
// - a one-file edit: an open document gets (then loses) a line that declares a document repealed which
//   another open document cites; the time until that document's diagnostics are published again.
// `policydoc.validate.debounceMs` is 0 and `policydoc.enable` `always` (the workspace/configuration answer).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Location, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LineMap } from '../server/src/service/parse/lineMap';
import { documentFiles } from '../scripts/workspace/files';
import { ROOT } from './corpus';
import { keystrokes, type LatencyRow } from './lsp';
import { summarize, type Summary } from './stats';
import { DEFAULT_COUNT, generateCollection } from './workspace/generate';

export const WORKSPACE_SERVER_HEADING = '## The workspace index through the language server (20,000 documents)';
const SERVER = path.join(ROOT, 'server', 'out', 'server.js');
const TARGETS = { coldS: 20, rssMb: 600, warmS: 3, editMs: 50, completionP99: 10, keystrokeP95: 30 };
/** The server re-checks open documents this long after the index changed (CHANGE_DELAY_MS in server/src/lsp/workspaceIndexer.ts). */
const RECHECK_DELAY_MS = 300;
const MIN_COMPLETIONS = 200;
const MIN_KEYSTROKES = 50;
/** Pause between rounds of requests while the index builds (a fast typist, not a flood). */
const PACE_MS = 20;
const BUILT_ROUNDS = 60;
const EDITS = 20;
/** Bounds on waits, so a broken server fails the bench instead of hanging it (not timing assertions). */
const INDEX_BOUND_MS = 300_000;
const WAIT_BOUND_MS = 20_000;
const CACHE_BOUND_MS = 60_000;
/** Linux's clock ticks per second in /proc/<pid>/stat (USER_HZ). */
const CLOCK_TICKS = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`workspace server bench: no ${what} within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---- the server process as the kernel sees it ----

/** Peak and current RSS (MB) and threads of a process, from /proc (Linux); undefined elsewhere. */
function procStatus(pid: number): { peakMb: number; rssMb: number; threads: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMb: field('VmHWM') / 1024, rssMb: field('VmRSS') / 1024, threads: field('Threads') };
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds of a process, all its threads. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Samples RSS and threads every 100 ms: when the peak came, and how many threads at most. */
function sampler(pid: number, from: number) {
  let peak = { rssMb: 0, atS: 0 };
  let threads = 0;
  const timer = setInterval(() => {
    const status = procStatus(pid);
    if (!status) return;
    threads = Math.max(threads, status.threads);
    if (status.rssMb > peak.rssMb) peak = { rssMb: status.rssMb, atS: (performance.now() - from) / 1000 };
  }, 100);
  return { stop: () => clearInterval(timer), get peak() { return peak; }, get threads() { return threads; } };
}

// ---- the client ----

interface Published {
  params: PublishDiagnosticsParams;
  at: number;
}

/** One open document as the client knows it. */
interface OpenDocument {
  uri: string;
  text: string;
  version: number;
}

class BenchClient {
  /** When `initialized` was sent. */
  initializedAt = 0;
  /** The first work-done progress (the index build): when it began and ended, and its last message. */
  readonly indexProgress: { begin?: number; end?: number; message?: string } = {};
  readonly logs: string[] = [];
  private readonly listeners = new Map<string, Set<(published: Published) => void>>();
  private indexEnded!: () => void;
  readonly indexEnd = new Promise<void>((resolve) => (this.indexEnded = resolve));
  private readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {
    this.exited = new Promise((resolve) => child.once('exit', resolve));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Spawns the server, answers what it asks, and sends `initialize` and `initialized`. */
  static async launch(root: string, storagePath: string, settingsFor: (scopeUri: string | undefined) => unknown): Promise<BenchClient> {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first`);
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new BenchClient(child, createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
    const { connection, indexProgress } = client;
    let indexToken: string | number | undefined;
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const published = { params, at: performance.now() };
      for (const listener of [...(client.listeners.get(params.uri) ?? [])]) listener(published);
    });
    connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      indexToken ??= params.token;
      return null;
    });
    connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string; message?: string } }) => {
      if (params.token !== indexToken) return;
      if (params.value.kind === 'begin') indexProgress.begin = performance.now();
      if (params.value.message) indexProgress.message = params.value.message;
      if (params.value.kind === 'end') {
        indexProgress.end = performance.now();
        client.indexEnded();
      }
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
      params.items.map((item) => (item.section === 'policydoc' ? settingsFor(item.scopeUri) : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', (params: { message: string }) => void client.logs.push(params.message));
    connection.listen();
    await bounded(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(root).href,
        workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
        locale: 'zh-cn',
        initializationOptions: { storagePath },
        capabilities: {
          window: { workDoneProgress: true },
          workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: { publishDiagnostics: { versionSupport: true } },
        },
      }),
      WAIT_BOUND_MS,
      'initialize result',
    );
    client.initializedAt = performance.now();
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The first publish for `uri` from now on that `accept` takes. */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean, boundMs = WAIT_BOUND_MS): Promise<Published> {
    let listener: (published: Published) => void = () => {};
    const found = new Promise<Published>((resolve) => {
      listener = (published) => {
        if (accept(published.params)) resolve(published);
      };
      if (!this.listeners.has(uri)) this.listeners.set(uri, new Set());
      this.listeners.get(uri)!.add(listener);
    });
    return bounded(found, boundMs, `diagnostics for ${uri}`).finally(() => this.listeners.get(uri)?.delete(listener));
  }

  async open(uri: string, text: string): Promise<OpenDocument> {
    const published = this.diagnostics(uri, () => true);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: uri.endsWith('.txt') ? 'plaintext' : 'markdown', version: 1, text } });
    await published;
    return { uri, text, version: 1 };
  }

  async close(document: OpenDocument): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: document.uri } });
  }

  /** An incremental change; resolves with the time it was sent (the publish of its version is `published`). */
  async change(document: OpenDocument, change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): Promise<{ sent: number; published: Promise<Published> }> {
    const version = ++document.version;
    const published = this.diagnostics(document.uri, (params) => params.version === version);
    const sent = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: document.uri, version }, contentChanges: [change] });
    return { sent, published };
  }

  /** One completion request, timed; throws when the server has nothing there (a wrong position). */
  async complete(uri: string, position: { line: number; character: number }, triggerCharacter?: string): Promise<number> {
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    const start = performance.now();
    const result = await bounded(this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position, context }), WAIT_BOUND_MS, 'completion');
    const ms = performance.now() - start;
    if (result === null) throw new Error(`workspace server bench: no completion at ${uri} ${position.line}:${position.character}`);
    return ms;
  }

  async stop(): Promise<void> {
    try {
      if (this.child.exitCode === null) {
        await bounded(this.connection.sendRequest('shutdown'), WAIT_BOUND_MS, 'shutdown reply');
        await this.connection.sendNotification('exit');
        await bounded(this.exited, WAIT_BOUND_MS, 'server exit');
      }
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) this.child.kill();
    }
  }
}

// ---- the documents the editor has open ----

interface Scene {
  root: string;
  /** A post with `categories:` in its front matter and `fgw` typed on its last line. */
  post: { uri: string; text: string; categories: { line: number; character: number }; body: { line: number; character: number } };
  /** A document of the collection edited keystroke by keystroke, and later given a repeal line. */
  typed: { uri: string; text: string; name: string };
}

function sceneOf(root: string, files: string[]): Scene {
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  const postFile = files.find((file) => /^---\r?\n[\s\S]*?^categories: \S/m.test(read(file).slice(0, 2000)));
  if (!postFile) throw new Error('workspace server bench: no post with categories in the collection');
  const postText = read(postFile).replace(/\s*$/, '') + '\nfgw';
  const lines = new LineMap(postText);
  const categoriesAt = lines.positionAt(postText.search(/^categories: /m));
  // A policy document of middling size with its own 发文字号 near the top: the one typed in.
  const typedFile = files.find((file) => {
    const size = fs.statSync(file).size;
    return size >= 6_000 && size <= 20_000 && /[\u4e00-\u9fff]{2,10}〔\d{4}〕\d{1,5}号/.test(read(file).slice(0, 800));
  });
  if (!typedFile) throw new Error('workspace server bench: no document to type in');
  return {
    root,
    post: {
      uri: pathToFileURL(postFile).href,
      text: postText,
      categories: { line: categoriesAt.line, character: 'categories: '.length },
      body: { line: lines.lineCount - 1, character: 3 },
    },
    typed: { uri: pathToFileURL(typedFile).href, text: read(typedFile), name: path.relative(root, typedFile) },
  };
}

/** What the settings answer: no debounce, every document checked (`enable` per document uri, `auto` for `autoUri`). */
function settings(autoUri?: () => string | undefined) {
  return (scopeUri: string | undefined) => ({ enable: scopeUri !== undefined && scopeUri === autoUri?.() ? 'auto' : 'always', validate: { debounceMs: 0 } });
}

// ---- the measurements ----

interface Cold {
  seconds: number;
  beganS: number;
  documents: string;
  cpuS: number;
  peakMb: number;
  peakAtS: number;
  threads: number;
  completion: number[];
  keystroke: number[];
  completionAfter: number;
  keystrokeAfter: number;
  cacheAfterS: number;
  cacheMb: number;
  cacheWindowMaxMs: number;
  peakWithCacheMb: number;
}

async function cold(scene: Scene, storagePath: string, log: (line: string) => void): Promise<Cold> {
  const client = await BenchClient.launch(scene.root, storagePath, settings());
  const sampling = sampler(client.pid, client.initializedAt);
  try {
    const { post } = scene;
    await client.open(post.uri, post.text);
    const typed = await client.open(scene.typed.uri, scene.typed.text);
    const [insert, remove] = keystrokes(scene.typed.text, 2).edits;
    const completion: number[] = [];
    const keystroke: number[] = [];
    let completionAfter = 0;
    let keystrokeAfter = 0;
    // One request at a time, in rounds, until the index is built (and at least the minimum counts).
    for (let round = 0; ; round++) {
      const indexing = client.indexProgress.end === undefined;
      if (!indexing && completion.length + completionAfter >= MIN_COMPLETIONS && keystroke.length + keystrokeAfter >= MIN_KEYSTROKES) break;
      if (performance.now() - client.initializedAt > INDEX_BOUND_MS) throw new Error('workspace server bench: the cold index did not end in time');
      for (const ms of [await client.complete(post.uri, post.categories, ' '), await client.complete(post.uri, post.body)]) {
        if (client.indexProgress.end === undefined) completion.push(ms);
        else completionAfter++;
      }
      if (round % 2 === 0) {
        const { sent, published } = await client.change(typed, (keystroke.length + keystrokeAfter) % 2 === 0 ? insert : remove);
        const ms = (await published).at - sent;
        if (client.indexProgress.end === undefined) keystroke.push(ms);
        else keystrokeAfter++;
      }
      await sleep(PACE_MS);
    }
    await bounded(client.indexEnd, INDEX_BOUND_MS, 'end of the index progress');
    const end = client.indexProgress.end!;
    const atEnd = procStatus(client.pid);
    const cpuS = cpuSeconds(client.pid);
    log(`workspace server: cold index ${((end - client.initializedAt) / 1000).toFixed(1)} s, ${completion.length} completions and ${keystroke.length} keystrokes while indexing; waiting for the cache…`);
    // The cache is written a few seconds after the last change: completion keeps asking meanwhile.
    const cacheFile = path.join(storagePath, 'workspace-index.json');
    let cacheWindowMaxMs = 0;
    while (!fs.existsSync(cacheFile)) {
      if (performance.now() - end > CACHE_BOUND_MS) throw new Error('workspace server bench: the index cache was not written');
      cacheWindowMaxMs = Math.max(cacheWindowMaxMs, await client.complete(post.uri, post.categories, ' '));
      await sleep(50);
    }
    const cacheAfterS = (performance.now() - end) / 1000;
    await sleep(300);
    const afterCache = procStatus(client.pid);
    return {
      seconds: (end - client.initializedAt) / 1000,
      beganS: ((client.indexProgress.begin ?? NaN) - client.initializedAt) / 1000,
      documents: client.indexProgress.message ?? '?',
      cpuS,
      peakMb: atEnd?.peakMb ?? NaN,
      peakAtS: sampling.peak.atS,
      threads: sampling.threads,
      completion,
      keystroke,
      completionAfter,
      keystrokeAfter,
      cacheAfterS,
      cacheMb: fs.statSync(cacheFile).size / 1048576,
      cacheWindowMaxMs,
      peakWithCacheMb: afterCache?.peakMb ?? NaN,
    };
  } finally {
    sampling.stop();
    await client.stop();
  }
}

interface Warm {
  seconds: number;
  cpuS: number;
  peakMb: number;
  builtKeystroke: number[];
  builtCompletion: number[];
  edit: { cited: string; citing: string; repealing: string; own: number[]; affected: number[]; missed: number };
  /** The same edit in a document whose `policydoc.enable` is `auto`: whether the citing document was told, and when. */
  auto: { name: string; updatedMs?: number };
}

/** A document of the collection that cites another by 《title》（发文字号）, the citation resolving in the index. */
async function findCitation(client: BenchClient, files: string[]): Promise<{ citing: OpenDocument; title: string; number: string; cited: string } | undefined> {
  const closing = /根据《([^》\n]+)》（([^）\n]+)）[^\n]*的有关要求，结合本地区实际/;
  let tried = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const base = Math.max(0, text.length - 1500);
    const found = closing.exec(text.slice(base));
    if (!found) continue;
    if (++tried > 30) return undefined;
    const uri = pathToFileURL(file).href;
    const first = client.diagnostics(uri, () => true);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: uri.endsWith('.txt') ? 'plaintext' : 'markdown', version: 1, text } });
    const opened = await first;
    const citing: OpenDocument = { uri, text, version: 1 };
    // Inside the 发文字号 of the first citation.
    const offset = base + found.index + found[0].indexOf('（') + 2;
    const targets = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: new LineMap(text).positionAt(offset) })) as Location[] | null;
    const cited = targets?.find((target) => target.uri !== uri);
    if (cited && !opened.params.diagnostics.some((diagnostic) => diagnostic.code === 'cites-repealed')) {
      return { citing, title: found[1], number: found[2], cited: cited.uri };
    }
    await client.close(citing);
  }
  return undefined;
}

async function warm(scene: Scene, storagePath: string, files: string[], log: (line: string) => void): Promise<Warm> {
  let autoUri: string | undefined;
  const client = await BenchClient.launch(scene.root, storagePath, settings(() => autoUri));
  try {
    await bounded(client.indexEnd, INDEX_BOUND_MS, 'end of the index progress (warm)');
    const seconds = (client.indexProgress.end! - client.initializedAt) / 1000;
    const cpuS = cpuSeconds(client.pid);
    const peakMb = procStatus(client.pid)?.peakMb ?? NaN;
    log(`workspace server: warm start ${seconds.toFixed(2)} s; typing with the index built…`);

    // With the index built: a keystroke changes the index (the open document is in it), so the completion after it counts the workspace's categories again.
    const { post } = scene;
    await client.open(post.uri, post.text);
    const typed = await client.open(scene.typed.uri, scene.typed.text);
    const { edits } = keystrokes(scene.typed.text, BUILT_ROUNDS);
    const builtKeystroke: number[] = [];
    const builtCompletion: number[] = [];
    for (const edit of edits) {
      const { sent, published } = await client.change(typed, edit);
      builtKeystroke.push((await published).at - sent);
      builtCompletion.push(await client.complete(post.uri, post.categories, ' '));
    }

    log('workspace server: one-file edits…');
    const found = await findCitation(client, files);
    if (!found) throw new Error('workspace server bench: no resolving citation found among the first 30 citing documents');
    const { citing, title, number, cited } = found;
    const repealed = (params: PublishDiagnosticsParams) => params.diagnostics.some((diagnostic) => diagnostic.code === 'cites-repealed');
    /** Appends (then removes) a line to `document` declaring the cited document repealed; `citing` should follow. */
    const repealEdits = (document: OpenDocument) => {
      const lines = new LineMap(document.text);
      const end = lines.positionAt(document.text.length);
      const line = `\n\n本办法自2024年1月1日起施行。《${title}》（${number}）同时废止。\n`;
      const after = new LineMap(document.text + line).positionAt(document.text.length + line.length);
      return [
        { range: { start: end, end }, text: line },
        { range: { start: end, end: after }, text: '' },
      ];
    };
    const own: number[] = [];
    const affected: number[] = [];
    let missed = 0;
    const [add, remove] = repealEdits(typed);
    for (let i = 0; i < EDITS; i++) {
      const adding = i % 2 === 0;
      const told = client.diagnostics(citing.uri, (params) => repealed(params) === adding, 5_000);
      const { sent, published } = await client.change(typed, adding ? add : remove);
      own.push((await published).at - sent);
      try {
        affected.push((await told).at - sent);
      } catch {
        missed++;
      }
    }

    // The same edit where `policydoc.enable` is `auto` (the default) for the edited document.
    const autoFile = files.find((file) => {
      const uri = pathToFileURL(file).href;
      return uri !== cited && uri !== citing.uri && uri !== typed.uri && uri !== post.uri && /[\u4e00-\u9fff]{2,10}〔\d{4}〕\d{1,5}号/.test(fs.readFileSync(file, 'utf8').slice(0, 400));
    })!;
    autoUri = pathToFileURL(autoFile).href;
    const autoDocument = await client.open(autoUri, fs.readFileSync(autoFile, 'utf8'));
    const [autoAdd, autoRemove] = repealEdits(autoDocument);
    await sleep(RECHECK_DELAY_MS + 200); // no re-check of the open documents pending from before
    const autoTold = client.diagnostics(citing.uri, repealed, 3_000);
    const { sent, published } = await client.change(autoDocument, autoAdd);
    await published;
    const updatedMs = await autoTold.then(
      (publishedThen) => publishedThen.at - sent,
      () => undefined,
    );
    await (await client.change(autoDocument, autoRemove)).published;
    const name = (uri: string) => path.relative(scene.root, fileURLToPath(uri));
    return {
      seconds,
      cpuS,
      peakMb,
      builtKeystroke,
      builtCompletion,
      edit: { cited: name(cited), citing: name(citing.uri), repealing: scene.typed.name, own, affected, missed },
      auto: { name: name(autoUri), updatedMs },
    };
  } finally {
    await client.stop();
  }
}

// ---- the report ----

export interface WorkspaceServerBench {
  section: string;
  failed: string[];
}

export async function workspaceServerBench(corpus: string, progress: (line: string) => void): Promise<WorkspaceServerBench> {
  const out = path.join(os.tmpdir(), 'policydoc-bench-workspace');
  progress(`workspace server: the ${DEFAULT_COUNT} documents from ${corpus} in ${out} (made when missing)…`);
  const made = generateCollection(corpus, out, DEFAULT_COUNT);
  const files = documentFiles(out);
  const scene = sceneOf(out, files);
  const storagePath = fs.mkdtempSync(path.join(os.tmpdir(), 'policydoc-bench-storage-'));
  const loads: number[][] = [os.loadavg()];
  const loadTimer = setInterval(() => loads.push(os.loadavg()), 5_000);
  try {
    progress('workspace server: cold index with completion and typing…');
    const coldRun = await cold(scene, storagePath, progress);
    progress('workspace server: warm start from the cache…');
    const warmRun = await warm(scene, storagePath, files, progress);
    loads.push(os.loadavg());
    return report(made.files, scene, coldRun, warmRun, loads);
  } catch (error) {
    // The other sections still get written.
    const message = error instanceof Error ? error.message : String(error);
    progress(`workspace server: failed: ${message}`);
    return { section: `${WORKSPACE_SERVER_HEADING}\n\n**The measurement failed:** ${message}\n`, failed: ['workspace server bench'] };
  } finally {
    clearInterval(loadTimer);
    fs.rmSync(storagePath, { recursive: true, force: true });
  }
}

const f = (value: number, digits = 1) => value.toFixed(digits);
const latency = (s: Summary) => `p50 ${f(s.p50)} ms, p95 ${f(s.p95)} ms, p99 ${f(s.p99)} ms, max ${f(s.max)} ms (n ${s.n})`;

function report(documents: number, scene: Scene, cold: Cold, warm: Warm, loads: number[][]): WorkspaceServerBench {
  const failed: string[] = [];
  const verdict = (name: string, ok: boolean) => {
    if (!ok) failed.push(name);
    return ok ? 'met' : '**missed**';
  };
  const rows: (LatencyRow & { how: string })[] = [
    { name: 'completion while indexing', how: '`categories: ` in the front matter and `fgw` in the body of an open post, alternately', summary: summarize(cold.completion), target: { p: 'p99', ms: TARGETS.completionP99 } },
    { name: 'keystroke → diagnostics while indexing', how: `insert/delete 的 in ${scene.typed.name}, didChange → publishDiagnostics of that version`, summary: summarize(cold.keystroke), target: { p: 'p95', ms: TARGETS.keystrokeP95 } },
    { name: 'keystroke → diagnostics, index built', how: 'the same, on the warm server', summary: summarize(warm.builtKeystroke), target: { p: 'p95', ms: TARGETS.keystrokeP95 } },
    { name: 'completion after each keystroke, index built', how: '`categories: ` right after the keystroke above (the index changed: its categories are counted again)', summary: summarize(warm.builtCompletion), target: { p: 'p99', ms: TARGETS.completionP99 } },
  ];
  const affected = summarize(warm.edit.affected);
  const own = summarize(warm.edit.own);
  const work = summarize(warm.edit.affected.map((ms) => ms - RECHECK_DELAY_MS));
  const cpus = os.cpus();
  const loadText = (load: number[]) => load.map((n) => f(n, 2)).join(' / ');
  const maxLoad = Math.max(...loads.map((load) => load[0]));
  const peakMb = Math.max(cold.peakMb, cold.peakWithCacheMb);
  const section = `${WORKSPACE_SERVER_HEADING}

Written by \`npm run bench\` (bench/workspaceServer.ts): \`node server/out/server.js --stdio\` with a JSON-RPC
client (vscode-languageserver-protocol) that declares \`window.workDoneProgress\` and answers
\`window/workDoneProgress/create\`, one workspace folder holding the ${documents} documents of the section
above, a fresh \`initializationOptions.storagePath\`. Settings (the \`workspace/configuration\` answer):
\`policydoc.validate.debounceMs\` **0** (default 100 ms, which the user waits for by design) and
\`policydoc.enable\` \`always\`. Cold means no index cache; the files were in the OS page cache (the
collection had just been made or read). Peak RSS is the kernel's VmHWM of the server process, whose
worker threads are threads of that process (at most ${cold.threads} threads seen). Requests go one at a
time: during the cold index, rounds of two completions and (every other round) one keystroke, ${PACE_MS} ms
apart, until the index's progress ends — so the cold time includes serving them.

- Machine: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores, ${f(os.totalmem() / 1073741824, 0)} GiB RAM, Node ${process.version}, ${new Date().toISOString()}
- Load average (1 min) during this section: from ${f(loads[0][0], 2)} to ${f(loads.at(-1)![0], 2)}, at most ${f(maxLoad, 2)} (1/5/15 min at the end: ${loadText(loads.at(-1)!)}); other sessions share the machine

| measurement | value | target |
|---|---|---|
| cold index: \`initialized\` → end of the index progress (${cold.documents}; the 2 open documents are indexed from the editor's text) | ${f(cold.seconds)} s (progress began after ${f(cold.beganS, 2)} s; server CPU ${f(cold.cpuS)} s, all threads) | ≤ ${TARGETS.coldS} s: ${verdict('workspace server cold index', cold.seconds <= TARGETS.coldS)} |
| peak RSS of the server process, cold index (then with the cache written) | ${f(cold.peakMb, 0)} MB (${f(cold.peakWithCacheMb, 0)} MB; sampled peak at ${f(cold.peakAtS)} s) | ≤ ${TARGETS.rssMb} MB: ${verdict('workspace server peak RSS', peakMb <= TARGETS.rssMb)} |
| index cache written after the end of the progress | ${f(cold.cacheAfterS)} s (${f(cold.cacheMb)} MB); slowest completion meanwhile ${f(cold.cacheWindowMaxMs)} ms | — |
| warm start: a new server, same storagePath: \`initialized\` → end of the index progress | ${f(warm.seconds, 2)} s (server CPU ${f(warm.cpuS, 1)} s), peak RSS ${f(warm.peakMb, 0)} MB | ≤ ${TARGETS.warmS} s: ${verdict('workspace server warm start', warm.seconds <= TARGETS.warmS)} |
${rows.map((row) => `| ${row.name}: ${row.how} | ${latency(row.summary)} | ${row.target!.p} ≤ ${row.target!.ms} ms: ${verdict(`workspace server ${row.name}`, row.summary[row.target!.p] <= row.target!.ms)} |`).join('\n')}
| one-file edit (${warm.edit.own.length}, adding then removing): ${warm.edit.repealing} (open) declares ${warm.edit.cited} repealed, which ${warm.edit.citing} (open) cites: didChange → the citing document's diagnostics republished with (without) cites-repealed | ${latency(affected)}${warm.edit.missed > 0 ? `; **${warm.edit.missed} never republished**` : ''} | — |
| of which the server's fixed re-check delay | ${RECHECK_DELAY_MS} ms (CHANGE_DELAY_MS, workspaceIndexer.ts) | — |
| the work: the above less the delay (re-index the edited document, its diagnostics, re-check the citing one) | p50 ${f(work.p50)} ms, p95 ${f(work.p95)} ms, max ${f(work.max)} ms; the edited document's own diagnostics: p50 ${f(own.p50)} ms, p95 ${f(own.p95)} ms | ≤ ${TARGETS.editMs} ms (p95): ${verdict('workspace server one-file edit', work.p95 <= TARGETS.editMs && warm.edit.missed === 0)} |
| the same edit once in ${warm.auto.name}, whose \`policydoc.enable\` is \`auto\` (the default) | ${warm.auto.updatedMs === undefined ? '**the citing document was not republished within 3 s**' : `republished after ${f(warm.auto.updatedMs)} ms`} | ${verdict('workspace server edit with enable auto', warm.auto.updatedMs !== undefined)} |
`;
  return { section, failed };
}

if (require.main === module) {
  const corpus = process.argv[2] ?? '/work/corpus';
  void workspaceServerBench(path.resolve(corpus), (line) => console.error(line)).then(({ section, failed }) => {
    console.log(section);
    if (failed.length > 0) console.error(`Over target: ${failed.join(', ')}`);
  });
}
