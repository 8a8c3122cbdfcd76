// Our cleaner vs @mozilla/readability on jsdom over the real gold set (test/gold/real/, issue 12):
// paragraphs in order (scripts/gold/score.ts), title shown, markup fragments left, time per document.
// The five seeds' gold files (test/gold/<seed>.txt) are scored the same way as a regression row only:
// they were written to match the cleaner and are not evidence of quality.
//
// Alone: `node --import tsx bench/clean.ts [--write]` prints the section (and with --write replaces the
// cleaner section of BENCHMARKS.md); `npm run bench` calls cleanBench() as one part of the whole run.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { parse as parseYaml } from 'yaml';
import { createLanguageService } from '../server/src/service';
import { markupFragments, paragraphsOf, pooledScore, scoreParagraphs, titleShown, withoutLeadingTitle, type ParagraphScore } from '../scripts/gold/score';
import { ROOT, seeds } from './corpus';
import { measure, summarize } from './stats';

const service = createLanguageService({ locale: 'zh', now: () => new Date('2026-01-01T00:00:00Z') });
const GOLD = path.join(ROOT, 'test/gold');
const REAL = path.join(GOLD, 'real');
/** A second gold set written after the cleaner's last tuning on the first (issue 12's held-out check). */
const HELDOUT = path.join(GOLD, 'heldout');

/** The same for both systems: warm-up rounds over all documents, then measured runs per document, all on this one thread. */
const WARMUP_ROUNDS = 3;
const MEASURED_RUNS = 15;
const TARGET_F1 = 0.98;
const TARGET_SPEED_UP = 20;

export interface GoldDocument {
  id: string;
  source: string;
  /** The original file's name (its extension says how a browser would get it). */
  file: string;
  text: string;
  gold: string;
  title: string;
}

/** What a system shows a reader: its header title and its text (one paragraph per line). */
interface Shown {
  title: string | undefined;
  text: string;
}

interface SystemResult {
  score: ParagraphScore;
  titleShown: boolean;
  fragments: number;
  ms: number;
}

interface DocumentRow {
  id: string;
  source: string;
  ours: SystemResult;
  readability: SystemResult;
}

interface ManifestEntry {
  id: string;
  file: string;
  source?: string;
  title?: string;
}

function readJson<T>(file: string): T | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined;
}

/** The documents of the real gold set that have an original and a gold text (the set is still growing). */
export function realGoldDocuments(dir = REAL): GoldDocument[] {
  const manifest = readJson<{ documents?: ManifestEntry[] }>(path.join(dir, 'manifest.json'));
  // Without a manifest yet: every <id>.gold.txt with an original beside it, the source being the id's stem (crpd-01 → crpd).
  const entries: ManifestEntry[] =
    manifest?.documents ??
    (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
      .filter((name) => name.endsWith('.gold.txt'))
      .flatMap((name) => {
        const id = name.slice(0, -'.gold.txt'.length);
        const file = fs.readdirSync(dir).find((other) => other.startsWith(`${id}.`) && !/\.(gold\.txt|meta\.json)$/.test(other));
        return file ? [{ id, file, source: id.replace(/-\d+$/, '') }] : [];
      });
  return entries
    .filter((entry) => fs.existsSync(path.join(dir, entry.file)) && fs.existsSync(path.join(dir, `${entry.id}.gold.txt`)))
    .map((entry) => ({
      id: entry.id,
      source: entry.source ?? 'unknown',
      file: entry.file,
      text: fs.readFileSync(path.join(dir, entry.file), 'utf8'),
      gold: fs.readFileSync(path.join(dir, `${entry.id}.gold.txt`), 'utf8'),
      title: readJson<{ title?: string }>(path.join(dir, `${entry.id}.meta.json`))?.title ?? entry.title ?? '',
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The seeds with their gold files, whose first line is the title. */
function seedGoldDocuments(): GoldDocument[] {
  return seeds().map((seed) => {
    const stem = seed.name.replace(/\.\w+$/, '');
    const meta = readJson<{ title?: string }>(path.join(GOLD, `${stem}.meta.json`));
    const title = meta?.title ?? '';
    const gold = withoutLeadingTitle(paragraphsOf(fs.readFileSync(path.join(GOLD, `${stem}.txt`), 'utf8')), title).join('\n');
    return { id: seed.name, source: 'seeds', file: seed.name, text: seed.text, gold, title };
  });
}

// ---- our cleaner ----------------------------------------------------------------------------

function runOurs(doc: GoldDocument) {
  return service.cleanDocument(service.parse(`file:///bench/${doc.file}`, doc.text));
}

export function shownByOurs(doc: GoldDocument): Shown {
  const result = runOurs(doc);
  return { title: result.meta.title, text: result.text };
}

// ---- Readability on the page a browser would get --------------------------------------------

// markdown-it (VuePress and VitePress render with it) is installed with markdownlint-cli2 and has no types of its own.
const requireFromHere = createRequire(__filename);
type MarkdownRenderer = { render(source: string): string };
const MarkdownIt = requireFromHere('markdown-it') as new (options: { html: boolean; linkify: boolean }) => MarkdownRenderer;
const markdown = new MarkdownIt({ html: true, linkify: false });

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Front matter off the top of a post, and the title a site would put in `<title>`. */
function splitFrontMatter(text: string): { title: string; body: string } {
  const source = text.replace(/^\uFEFF/, '');
  const yaml = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (yaml) {
    let title = '';
    try {
      const data = parseYaml(yaml[1]) as { title?: unknown } | null;
      if (data && typeof data === 'object' && data.title !== undefined && data.title !== null) title = String(data.title);
    } catch {
      // A site would fail to build; the page gets no title.
    }
    return { title, body: source.slice(yaml[0].length) };
  }
  const toml = /^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/.exec(source);
  if (toml) return { title: /^title\s*=\s*["'](.*)["']\s*$/m.exec(toml[1])?.[1] ?? '', body: source.slice(toml[0].length) };
  return { title: '', body: source };
}

/**
 * VuePress's container plugin, as the site would apply it: `::: kind title` opens a block whose
 * title is shown as its first paragraph, `:::` closes it.
 */
function renderContainers(body: string): string {
  return body
    .replace(/^:::[ \t]*([\w-]+)[ \t]*(.*)$/gm, (_, kind: string, title: string) => `\n<div class="custom-block ${kind}">\n${title.trim() ? `<p class="custom-block-title">${escapeHtml(title.trim())}</p>\n` : ''}\n`)
    .replace(/^:::[ \t]*$/gm, '\n</div>\n');
}

const HTML_TAG = /<\/?(?:p|div|br|table|tbody|tr|td|span|section|h[1-6])\b[^>]*>/i;

/** The HTML page a browser would receive for the original file. */
export function pageFor(file: string, text: string): string {
  if (/\.html?$/i.test(file)) return text;
  const { title, body } = /\.(md|markdown)$/i.test(file) ? splitFrontMatter(text) : { title: '', body: text };
  // A crawled .txt may hold the page's HTML: a browser would render its lines with tags as HTML.
  const crawledHtml = HTML_TAG.test(body);
  const html = /\.(md|markdown)$/i.test(file)
    ? markdown.render(renderContainers(body))
    : body
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map((line) => (crawledHtml && HTML_TAG.test(line) ? line : `<p>${escapeHtml(line)}</p>`))
        .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><article>${html}</article></body></html>`;
}

function runReadability(page: string) {
  const dom = new JSDOM(page, { url: 'https://example.org/post/' });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return article;
}

const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE CENTER DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TFOOT THEAD TR UL'.split(' '),
);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IMG', 'SVG']);

/** Text of an HTML fragment as a browser lays it out: one line per block or `<br>`, table cells joined by a tab. */
export function htmlLines(html: string): string {
  const out: string[] = [];
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      out.push(pre ? value : value.replace(/[\r\n]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const name = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) out.push('\n');
    for (const child of Array.from(node.childNodes)) walk(child, pre || name === 'PRE');
    if (name === 'TD' || name === 'TH') out.push('\t');
    if (block) out.push('\n');
  };
  walk(JSDOM.fragment(html), false);
  return out.join('');
}

export function shownByReadability(page: string): Shown {
  const article = runReadability(page);
  return { title: article?.title ?? undefined, text: article?.content ? htmlLines(article.content) : '' };
}

// ---- scoring and timing ---------------------------------------------------------------------

export function judge(shown: Shown, doc: GoldDocument, ms = 0): SystemResult {
  const ours = withoutLeadingTitle(paragraphsOf(shown.text), shown.title);
  return {
    score: scoreParagraphs(ours, paragraphsOf(doc.gold)),
    titleShown: titleShown(shown.title, doc.title),
    fragments: markupFragments(`${shown.title ?? ''}\n${shown.text}`).total,
    ms,
  };
}

function benchDocuments(docs: GoldDocument[]): DocumentRow[] {
  // Pages are what the browser receives: rendering them is the site's work, not Readability's, so it is not timed.
  const pages = new Map(docs.map((doc) => [doc.id, pageFor(doc.file, doc.text)]));
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    docs.forEach(runOurs);
    docs.forEach((doc) => runReadability(pages.get(doc.id)!));
  }
  return docs.map((doc) => {
    const page = pages.get(doc.id)!;
    // Alternating runs, so load from other work on the machine falls on both systems alike.
    const oursSamples: number[] = [];
    const readabilitySamples: number[] = [];
    for (let run = 0; run < MEASURED_RUNS; run++) {
      oursSamples.push(...measure(() => runOurs(doc), 0, 1));
      readabilitySamples.push(...measure(() => runReadability(page), 0, 1));
    }
    const oursMs = summarize(oursSamples).p50;
    const readabilityMs = summarize(readabilitySamples).p50;
    return { id: doc.id, source: doc.source, ours: judge(shownByOurs(doc), doc, oursMs), readability: judge(shownByReadability(page), doc, readabilityMs) };
  });
}

interface Summary {
  label: string;
  documents: number;
  gold: number;
  ours: SystemSummary;
  readability: SystemSummary;
}

interface SystemSummary {
  score: ParagraphScore;
  meanF1: number;
  titles: number;
  fragments: number;
  ms: number;
}

function summarizeSystem(results: SystemResult[]): SystemSummary {
  return {
    score: pooledScore(results.map((result) => result.score)),
    meanF1: results.reduce((total, result) => total + result.score.f1, 0) / Math.max(1, results.length),
    titles: results.filter((result) => result.titleShown).length,
    fragments: results.reduce((total, result) => total + result.fragments, 0),
    ms: results.reduce((total, result) => total + result.ms, 0),
  };
}

function summarizeRows(label: string, rows: DocumentRow[]): Summary {
  return {
    label,
    documents: rows.length,
    gold: rows.reduce((total, row) => total + row.ours.score.gold, 0),
    ours: summarizeSystem(rows.map((row) => row.ours)),
    readability: summarizeSystem(rows.map((row) => row.readability)),
  };
}

const f = (value: number) => value.toFixed(3);

function summaryTable(summaries: Summary[]): string {
  const lines = [
    '| source | docs | gold ¶ | ours R / P / F1 | Readability R / P / F1 | ours mean doc F1 | Readability mean doc F1 | title shown (ours / R.) | fragments (ours / R.) | ms, sum of p50 (ours / R.) | time ratio R. / ours |',
    '|---|---:|---:|---|---|---:|---:|---|---|---|---:|',
  ];
  for (const s of summaries) {
    const { ours: o, readability: r } = s;
    lines.push(
      `| ${s.label} | ${s.documents} | ${s.gold} | ${f(o.score.recall)} / ${f(o.score.precision)} / **${f(o.score.f1)}** | ${f(r.score.recall)} / ${f(r.score.precision)} / **${f(r.score.f1)}** | ${f(o.meanF1)} | ${f(r.meanF1)} | ${o.titles}/${s.documents} / ${r.titles}/${s.documents} | ${o.fragments} / ${r.fragments} | ${o.ms.toFixed(2)} / ${r.ms.toFixed(2)} | ${(r.ms / o.ms).toFixed(1)}× |`,
    );
  }
  return lines.join('\n');
}

function documentTable(rows: DocumentRow[]): string {
  const lines = ['| document | source | gold ¶ | ours ¶ (near) | ours F1 | R. ¶ | R. F1 | title (ours / R.) | fragments (ours / R.) | ours ms | R. ms |', '|---|---|---:|---:|---:|---:|---:|---|---|---:|---:|'];
  const yes = (value: boolean) => (value ? 'yes' : 'no');
  for (const { id, source, ours: o, readability: r } of rows) {
    lines.push(
      `| ${id} | ${source} | ${o.score.gold} | ${o.score.ours} (${o.score.near}) | ${f(o.score.f1)} | ${r.score.ours} | ${f(r.score.f1)} | ${yes(o.titleShown)} / ${yes(r.titleShown)} | ${o.fragments} / ${r.fragments} | ${o.ms.toFixed(3)} | ${r.ms.toFixed(3)} |`,
    );
  }
  return lines.join('\n');
}

export interface CleanBenchResult {
  rows: DocumentRow[];
  /** The whole BENCHMARKS.md section body (method, tables), without its heading. */
  table: string;
  failed: string[];
}

export function cleanBench(): CleanBenchResult {
  const real = benchDocuments(realGoldDocuments());
  const heldout = benchDocuments(realGoldDocuments(HELDOUT));
  const seedRows = benchDocuments(seedGoldDocuments());
  const sources = [...new Set(real.map((row) => row.source))].sort();
  const perSource = sources.map((source) => summarizeRows(source, real.filter((row) => row.source === source)));
  const overall = summarizeRows('**all real documents**', real);
  const regression = summarizeRows('seeds (regression only: gold written to match the cleaner, not evidence of quality)', seedRows);

  const failed: string[] = [];
  if (real.length === 0) failed.push('no real gold documents in test/gold/real/');
  else {
    if (overall.ours.score.f1 < TARGET_F1) failed.push(`cleaner paragraph F1 ${f(overall.ours.score.f1)} < ${TARGET_F1}`);
    for (const s of perSource) if (s.ours.score.f1 < s.readability.score.f1) failed.push(`${s.label}: cleaner F1 ${f(s.ours.score.f1)} < Readability's ${f(s.readability.score.f1)}`);
    const untitled = real.filter((row) => !row.ours.titleShown).map((row) => row.id);
    if (untitled.length > 0) failed.push(`title not shown: ${untitled.join(', ')}`);
    const fragmented = real.filter((row) => row.ours.fragments > 0).map((row) => row.id);
    if (fragmented.length > 0) failed.push(`markup fragments left: ${fragmented.join(', ')}`);
    const speedUp = overall.readability.ms / overall.ours.ms;
    if (speedUp < TARGET_SPEED_UP) failed.push(`cleaner speed-up ${speedUp.toFixed(1)}× < ${TARGET_SPEED_UP}×`);
  }

  const table = `Documents: the real gold set in test/gold/real/ (${real.length} documents from ${sources.length} sources when this ran; the gold texts
were written by reading the originals, never by running the cleaner). Scoring (scripts/gold/score.ts):
paragraphs in order — each non-empty line is a paragraph; whitespace next to a CJK character is
removed, other runs become one space, no NFKC; the longest common subsequence of equal paragraphs,
or paragraphs with edit similarity ≥ 0.95 ("near", counted as matched); recall = matched / gold,
precision = matched / shown, F1. R / P / F1 pool the paragraphs of all documents of a row; "mean doc
F1" averages the documents. A leading paragraph equal to the system's own header title is not
counted as body. Title shown: the system's header title equals the gold title (meta.json) after the
same normalisation. Fragments: occurrences of \`p>\`, \`:::\`, \`{%\`, \`&emsp;\`, \`**\`, \`<br\`, \`{{\` in the
shown title and text.

Ours: parse + cleanDocument (text mode) on the original file. Readability: @mozilla/readability
0.6.0 on jsdom 26 over the page a browser would receive — .html as is; .md rendered by markdown-it
(html on; VuePress containers turned into blocks with their title; Hexo/Liquid tags and Hugo
shortcodes are left as text, since no such renderer is installed), the front-matter title as
\`<title>\`; .txt one \`<p>\` per non-empty line, except that lines holding HTML tags in a crawled page are passed as HTML, and no \`<title>\`. Readability's paragraphs: its
\`content\` laid out by blocks and \`<br>\` (cells of a row joined by a tab). Time: JSDOM + parse vs parse +
cleanDocument (Markdown rendering is the site's work and is not timed); ${WARMUP_ROUNDS} warm-up rounds over all
documents for each, then ${MEASURED_RUNS} runs per document, the two systems alternating, p50, on one thread each.
Targets: F1 ≥ ${TARGET_F1} overall, on every source at least Readability's F1, the title shown for every
document, no fragment, ≥ ${TARGET_SPEED_UP}× faster. ${failed.length === 0 ? '**All met.**' : `**Not met:** ${failed.join('; ')}.`}

${summaryTable([...perSource, overall])}

Held-out set (test/gold/heldout/, ${heldout.length} documents written by reading originals from sources the
cleaner had never seen — WeChat exports, whole security-news portal pages converted to Markdown,
Hexo reposts of Sina, a SimpRead conversion; see its README). Reported beside the targets, which are
checked on the set above. Its first run, before anything was changed for it (commit e161248): ours
F1 0.622 (R 0.994 / P 0.452), Readability 0.576, titles 20/20 and 14/20. The cleaner was then
changed with these documents in view (a saved web page's menus and footers, a title copy with the
site's name), so the figures below are no longer held-out:

${summaryTable([...[...new Set(heldout.map((row) => row.source))].sort().map((source) => summarizeRows(source, heldout.filter((row) => row.source === source))), summarizeRows('**all held-out documents**', heldout)])}

Regression row (the five seeds against test/gold/<seed>.txt, written to match the cleaner: **not
evidence of quality**):

${summaryTable([regression])}

<details><summary>Per document</summary>

${documentTable(real)}

${documentTable(heldout)}

</details>`;
  return { rows: real, table, failed };
}

export const GOLD_TARGET_F1 = TARGET_F1;
export const CLEAN_HEADING = '## Cleaner vs @mozilla/readability on jsdom (real gold set, paragraphs in order)';

/** Replaces the cleaner's section of BENCHMARKS.md (up to the next `## ` heading) with this run's. */
function writeSection(body: string): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const report = fs.readFileSync(file, 'utf8');
  const start = report.indexOf('## Cleaner vs');
  if (start === -1) throw new Error('BENCHMARKS.md has no cleaner section');
  const next = report.indexOf('\n## ', start + 3);
  const end = next === -1 ? report.length : next + 1;
  const stamp = `Run alone (\`node --import tsx bench/clean.ts --write\`) on ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}; load average (1/5/15 min) at the end: ${os.loadavg().map((n) => n.toFixed(2)).join(' / ')} (the two systems alternate run by run, so other work on the machine falls on both alike).`;
  fs.writeFileSync(file, `${report.slice(0, start)}${CLEAN_HEADING}\n\n${stamp}\n\n${body}\n\n${report.slice(end)}`);
}

if (require.main === module) {
  const result = cleanBench();
  console.log(result.table);
  if (process.argv.includes('--write')) writeSection(result.table);
  if (result.failed.length > 0) process.exitCode = 1;
}
