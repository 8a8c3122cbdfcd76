// The editor's view: the real server process over stdio (test/lsp/client.ts), keystroke →
// publishDiagnostics round trips with and without the debounce, the same edits timed in-process
// (the server-side work alone), completion and hover latency, and start-up to first diagnostics.
import * as fs from 'node:fs';
import { createLanguageService } from '../server/src/service';
import { LineMap } from '../server/src/service/parse/lineMap';
import { makeWorkspace, startServer, uriOf, type TestServer } from '../test/lsp/client';
import { largeDocument, seeds, type BenchDocument } from './corpus';
import { summarize, type Summary } from './stats';

export interface LatencyRow {
  name: string;
  summary: Summary;
  /** Which percentile the target is on, and its bound in ms. */
  target?: { p: 'p95' | 'p99'; ms: number };
}

export const SERVER_WORK_P95_MS = 5;
export const ROUND_TRIP_P95_MS = 30;
export const COMPLETION_P99_MS = 10;
export const HOVER_P99_MS = 5;
const LARGE_TARGET_MS = 100;

/** A keystroke in the middle of the body: insert 的 at the end of a line, then delete it, and so on. */
interface Keystroke {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

export function keystrokes(text: string, count: number): { edits: Keystroke[]; texts: string[] } {
  const lines = new LineMap(text);
  const lineTexts = text.split(/\r\n|\r|\n/);
  const line = Math.floor(lineTexts.length * 0.6);
  const character = lineTexts[line].length;
  const at = lines.offsetAt({ line, character });
  const edits: Keystroke[] = [];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const insert = i % 2 === 0;
    edits.push(insert ? { range: { start: { line, character }, end: { line, character } }, text: '的' } : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' });
    texts.push(insert ? text.slice(0, at) + '的' + text.slice(at) : text);
  }
  return { edits, texts };
}

async function roundTrips(server: TestServer, uri: string, doc: BenchDocument, warmup: number, iterations: number): Promise<number[]> {
  const { edits } = keystrokes(doc.text, warmup + iterations);
  await server.open(uri, doc.text);
  const samples: number[] = [];
  for (let i = 0; i < edits.length; i++) {
    const version = i + 2;
    const start = performance.now();
    const published = server.waitForDiagnostics(uri, (params) => params.version === version);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edits[i]] });
    await published;
    if (i >= warmup) samples.push(performance.now() - start);
  }
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await server.nextDiagnostics(uri); // the empty publish on close
  return samples;
}

function serverWork(doc: BenchDocument, warmup: number, iterations: number): number[] {
  const service = createLanguageService({ locale: 'zh' });
  const { texts } = keystrokes(doc.text, warmup + iterations);
  const uri = `file:///bench/inprocess/${doc.name.replace(/\s+/g, '-')}`;
  const samples: number[] = [];
  texts.forEach((text, i) => {
    const start = performance.now();
    service.getDiagnostics(service.parse(uri, text));
    if (i >= warmup) samples.push(performance.now() - start);
  });
  return samples;
}

export interface LspResults {
  keystroke: LatencyRow[];
  features: LatencyRow[];
}

export async function lspBench(log: (line: string) => void): Promise<LspResults> {
  const root = makeWorkspace();
  const docs = [...seeds(), largeDocument(1024 * 1024)];
  const keystroke: LatencyRow[] = [];
  const features: LatencyRow[] = [];
  try {
    for (const debounceMs of [0, 100]) {
      const server = await startServer({ root, locale: 'zh-cn', settings: { validate: { debounceMs } } });
      try {
        for (const doc of docs) {
          const large = doc.text.length > 100_000;
          const [warmup, iterations] = debounceMs === 0 ? (large ? [3, 30] : [30, 300]) : large ? [2, 15] : [5, 40];
          const summary = summarize(await roundTrips(server, uriOf(root, `${debounceMs}-${doc.name.replace(/\s+/g, '-')}.md`), doc, warmup, iterations));
          keystroke.push({
            name: `${doc.name}: round trip, debounce ${debounceMs} ms`,
            summary,
            target: debounceMs === 0 ? { p: 'p95', ms: large ? LARGE_TARGET_MS : ROUND_TRIP_P95_MS } : undefined,
          });
          log(`  round trip ${doc.name} debounce ${debounceMs}: p95 ${summary.p95.toFixed(2)} ms`);
        }
      } finally {
        await server.stop();
      }
    }
    for (const doc of docs) {
      const large = doc.text.length > 100_000;
      const summary = summarize(large ? serverWork(doc, 3, 30) : serverWork(doc, 100, 500));
      keystroke.push({ name: `${doc.name}: server-side work (parse + diagnostics)`, summary, target: { p: 'p95', ms: large ? LARGE_TARGET_MS : SERVER_WORK_P95_MS } });
    }
    features.push(...(await featureLatency(root)));
    features.push(await startUp(root));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return { keystroke, features };
}

async function timeRequests(send: () => Promise<unknown>, warmup: number, iterations: number): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await send();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const result = await send();
    samples.push(performance.now() - start);
    if (result === null) throw new Error('the server answered null: the benchmark position is wrong');
  }
  return summarize(samples);
}

/** Completion and hover at the positions of the knowledge tests: agency abbreviations, terms, document numbers. */
async function featureLatency(root: string): Promise<LatencyRow[]> {
  const [hexo0, , hexo2, pkulaw, jekyll] = seeds();
  const server = await startServer({ root, locale: 'zh-cn' });
  try {
    const open = async (name: string, text: string) => {
      const uri = uriOf(root, name);
      await server.open(uri, text);
      return { uri, lines: text.split('\n') };
    };
    const complete = (uri: string, line: number, character: number) => () => server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    const hover = (uri: string, line: number, character: number) => () => server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });

    const author = await open('bench-author.md', hexo0.text.replace('author: 新浪财经', 'author: swb'));
    const authorLine = author.lines.findIndex((l) => l.startsWith('author: swb'));
    const body = await open('bench-body.md', jekyll.text + '\nfgw');
    const initials = await open('bench-initials.md', jekyll.text + '\nrmyh');
    const code = await open('bench-code.txt', pkulaw.text + '\n黔府〔2020〕1号');
    const terms = await open('bench-terms.md', hexo2.text);
    const termLine = terms.lines.findIndex((l) => l.includes('四个意识'));
    const official = await open('bench-official.txt', pkulaw.text);
    const numberLine = official.lines.findIndex((l) => l.includes('国开办发〔2020〕4号'));

    const rows: [string, () => Promise<unknown>, 'completion' | 'hover'][] = [
      ['completion: agency in front matter (swb → 商务部)', complete(author.uri, authorLine, 'author: swb'.length), 'completion'],
      ['completion: agency in the body (fgw → 国家发展改革委)', complete(body.uri, body.lines.length - 1, 3), 'completion'],
      ['completion: agency by initials (rmyh → 人民银行, 中国人民银行)', complete(initials.uri, initials.lines.length - 1, 4), 'completion'],
      ['completion: 代字 before 〔 (黔府 → 黔府发, 黔府办发 … from the mined table)', complete(code.uri, code.lines.length - 1, 2), 'completion'],
      ['hover: term (四个意识)', hover(terms.uri, termLine, terms.lines[termLine].indexOf('四个意识') + 1), 'hover'],
      ['hover: document number (国开办发〔2020〕4号)', hover(official.uri, numberLine, official.lines[numberLine].indexOf('国开办发') + 2), 'hover'],
    ];
    const measured: LatencyRow[] = [];
    // One after the other: concurrent requests would measure queueing, not latency.
    for (const [name, send, kind] of rows) {
      measured.push({ name, summary: await timeRequests(send, 50, 500), target: { p: 'p99', ms: kind === 'completion' ? COMPLETION_P99_MS : HOVER_P99_MS } });
    }
    return measured;
  } finally {
    await server.stop();
  }
}

/** Process spawn → initialize → didOpen of seed 000 → its first publishDiagnostics, in a fresh server each time. */
async function startUp(root: string): Promise<LatencyRow> {
  const seed = seeds()[0];
  const samples: number[] = [];
  for (let i = 0; i < 6; i++) {
    const start = performance.now();
    const server = await startServer({ root, locale: 'zh-cn' });
    await server.open(uriOf(root, seed.name), seed.text);
    if (i > 0) samples.push(performance.now() - start);
    await server.stop();
  }
  return { name: 'start-up: spawn to first diagnostics (seed 000)', summary: summarize(samples) };
}
