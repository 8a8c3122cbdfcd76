// Our cleaner vs @mozilla/readability on jsdom, side by side on the seeds: time per document and
// text F1 against the hand-written gold files (test/gold/<seed>.txt).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { createLanguageService } from '../server/src/service';
import { ROOT, seeds, type BenchDocument } from './corpus';
import { measure, summarize } from './stats';

const service = createLanguageService({ locale: 'zh' });
const GOLD = path.join(ROOT, 'test/gold');

function ours(doc: BenchDocument): string {
  return service.cleanDocument(service.parse(`file:///bench/${doc.name}`, doc.text)).text;
}

/**
 * The page Readability gets: the post's body as HTML (a plain-text export as one paragraph per
 * line), with the front-matter title as the page title — what a crawler would have saved.
 */
function pageOf(doc: BenchDocument): string {
  const parsed = service.parse(`file:///bench/${doc.name}`, doc.text);
  const title = String(parsed.entry('title')?.value ?? '');
  const body = doc.text.slice(parsed.bodyStart);
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = /<\/?(?:p|div)\b/i.test(body) ? body : body.split('\n').filter((line) => line.trim()).map((line) => `<p>${escape(line)}</p>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>${html}</body></html>`;
}

function readability(doc: BenchDocument): string {
  const dom = new JSDOM(pageOf(doc), { url: 'https://example.org/' });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return article ? `${article.title ?? ''}\n${article.textContent ?? ''}` : '';
}

/** F1 over the multiset of non-space characters (the natural token for Chinese text). */
export function characterF1(predicted: string, gold: string): number {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    for (const char of text.replace(/\s+/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    return counts;
  };
  const p = count(predicted);
  const g = count(gold);
  let overlap = 0;
  for (const [char, n] of p) overlap += Math.min(n, g.get(char) ?? 0);
  const pTotal = [...p.values()].reduce((a, b) => a + b, 0);
  const gTotal = [...g.values()].reduce((a, b) => a + b, 0);
  if (overlap === 0) return 0;
  const precision = overlap / pTotal;
  const recall = overlap / gTotal;
  return (2 * precision * recall) / (precision + recall);
}

export interface CleanRow {
  name: string;
  oursMs: number;
  readabilityMs: number;
  oursF1: number;
  readabilityF1: number;
}

export function cleanBench(): { rows: CleanRow[]; table: string; failed: string[] } {
  const docs = seeds();
  for (let round = 0; round < 50; round++) docs.forEach(ours);
  for (let round = 0; round < 3; round++) docs.forEach(readability);
  const rows = docs.map((doc) => {
    const gold = fs.readFileSync(path.join(GOLD, doc.name.replace(/\.\w+$/, '.txt')), 'utf8');
    return {
      name: doc.name,
      oursMs: summarize(measure(() => ours(doc), 20, 200)).p50,
      readabilityMs: summarize(measure(() => readability(doc), 2, 20)).p50,
      oursF1: characterF1(ours(doc), gold),
      readabilityF1: characterF1(readability(doc), gold),
    };
  });
  const lines = ['| document | ours p50 ms | Readability+jsdom p50 ms | speed-up | ours F1 | Readability F1 |', '|---|---:|---:|---:|---:|---:|'];
  for (const row of rows) {
    lines.push(`| ${row.name} | ${row.oursMs.toFixed(3)} | ${row.readabilityMs.toFixed(3)} | ${(row.readabilityMs / row.oursMs).toFixed(1)}× | ${row.oursF1.toFixed(4)} | ${row.readabilityF1.toFixed(4)} |`);
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const speedUp = mean(rows.map((row) => row.readabilityMs)) / mean(rows.map((row) => row.oursMs));
  const oursF1 = mean(rows.map((row) => row.oursF1));
  const theirF1 = mean(rows.map((row) => row.readabilityF1));
  lines.push(`| **mean** | ${mean(rows.map((r) => r.oursMs)).toFixed(3)} | ${mean(rows.map((r) => r.readabilityMs)).toFixed(3)} | ${speedUp.toFixed(1)}× | ${oursF1.toFixed(4)} | ${theirF1.toFixed(4)} |`);
  const failed: string[] = [];
  if (speedUp < 20) failed.push(`cleaner speed-up ${speedUp.toFixed(1)}× < 20×`);
  if (oursF1 <= theirF1) failed.push(`cleaner F1 ${oursF1.toFixed(4)} not above Readability's ${theirF1.toFixed(4)}`);
  return { rows, table: lines.join('\n'), failed };
}
