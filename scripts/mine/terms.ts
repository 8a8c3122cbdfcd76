// Counts glossary terms in real corpora, and proposes new candidate terms.
//
//   node --import tsx scripts/mine/terms.ts count DIR… [--candidates FILE] [--out FILE]
//   node --import tsx scripts/mine/terms.ts discover DIR… [--min-docs N] [--out FILE]
//
// Each DIR is one source (its folder name is the source name). Documents are the
// .txt/.md files below it that decode as UTF-8.
// count: one row per term (its forms are the term and its aliases), ranked by documents.
// discover: strings in “…”, numbered slogans, “X+Y” forms and n-grams before policy suffixes.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

interface Doc { source: string; path: string; text: string }
interface TermGroup { term: string; forms: string[]; existing: boolean }

const CJK = '\\u4e00-\\u9fff';
const NUMERAL = '一二三四五六七八九十百千两双';
const QUOTED = new RegExp(`“([${CJK}]{2,12})”`, 'g');
const NUMBERED_COMPOUND = new RegExp(`[${NUMERAL}][${CJK}]{1,2}[${NUMERAL}][${CJK}]{1,2}(?:[${NUMERAL}][${CJK}]{1,2})?`, 'g');
const NUMBERED_COUNT = new RegExp(`[${NUMERAL}]个[${CJK}]{2}`, 'g');
const PLUS_FORM = new RegExp(`[${CJK}]{1,6}[+＋](?:[${CJK}]{1,6})?`, 'g');
// Words after which a policy name usually ends: the n-gram before them is a candidate.
const POLICY_SUFFIX = /(?:战略|工程|行动|改革|攻坚战|专项行动|试点|制度|机制|理念|精神|思想|体系|计划)/g;
// Words seen right after a term that make a longer surface form of it.
const ALIAS_SUFFIXES = ['改革', '战略', '工程', '行动', '建设', '制度', '试点', '理念', '精神', '政策', '机制', '规划'];
const SENTENCE_END = /[。！？；\n]/;
// Markup or entities in a sentence: an example from such a line is kept only until a clean one turns up.
const MARKUP = /[<>&;=\\{}|#*\u0000-\u001f]/;
// “八项规定” inside “第八项规定” is an article reference, not the slogan.
const NUMBERED_REFERENCE = new RegExp(`[第${NUMERAL}]$`);
const MAX_SENTENCE = 80;

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(txt|md)$/i.test(entry.name)) yield full;
  }
}

function* readDocs(dirs: string[]): Generator<Doc> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const dir of dirs) {
    const source = basename(dir.replace(/\/+$/, ''));
    for (const file of walk(dir)) {
      let text: string;
      try { text = decoder.decode(readFileSync(file)); } catch { continue; }
      yield { source, path: relative(dir, file), text };
    }
  }
}

function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++;
  const sentence = text.slice(from, to).trim();
  if (sentence.length <= MAX_SENTENCE) return sentence;
  const half = Math.floor((MAX_SENTENCE - (end - start)) / 2);
  const windowStart = Math.max(from, start - half);
  return text.slice(windowStart, windowStart + MAX_SENTENCE).trim();
}

// ---------- count ----------

interface Tally {
  documents: number;
  occurrences: number;
  documentsBySource: Map<string, number>;
  variants: Map<string, number>;
  example?: { doc: string; sentence: string; score: number };
}

function loadGroups(candidatesFile?: string): TermGroup[] {
  const glossary = JSON.parse(readFileSync(new URL('../../server/data/terms.json', import.meta.url), 'utf8')) as { terms: { term: string; aliases: string[] }[] };
  const groups = new Map<string, TermGroup>();
  for (const { term, aliases } of glossary.terms) groups.set(term, { term, forms: [term, ...aliases], existing: true });
  if (candidatesFile) {
    // Candidates: TSV with a header; columns `term` and optional `aliases` (comma-separated).
    const [header, ...rows] = readFileSync(candidatesFile, 'utf8').split('\n').filter((line) => line.trim());
    const columns = header!.split('\t');
    const termColumn = columns.indexOf('term');
    const aliasColumn = columns.indexOf('aliases');
    for (const row of rows) {
      const cells = row.split('\t');
      const term = cells[termColumn]!.trim();
      const aliases = (aliasColumn >= 0 ? cells[aliasColumn] ?? '' : '').split(',').map((a) => a.trim()).filter(Boolean);
      const group = groups.get(term) ?? { term, forms: [term], existing: false };
      for (const alias of aliases) if (!group.forms.includes(alias)) group.forms.push(alias);
      groups.set(term, group);
    }
  }
  return [...groups.values()];
}

// Forms indexed by their first two code units, so a document is scanned once for all terms.
function indexForms(groups: TermGroup[]): Map<string, { form: string; group: number }[]> {
  const index = new Map<string, { form: string; group: number }[]>();
  groups.forEach((group, id) => {
    for (const form of group.forms) {
      const key = form.slice(0, 2);
      const bucket = index.get(key) ?? [];
      bucket.push({ form, group: id });
      index.set(key, bucket);
    }
  });
  return index;
}

function surfaceVariant(text: string, start: number, end: number): string {
  const quoted = text[start - 1] === '“' && text[end] === '”';
  const core = text.slice(start, end);
  const after = quoted ? end + 1 : end;
  const suffix = ALIAS_SUFFIXES.find((word) => text.startsWith(word, after)) ?? '';
  return (quoted ? `“${core}”` : core) + suffix;
}

function count(dirs: string[], groups: TermGroup[]): Tally[] {
  const index = indexForms(groups);
  const tallies: Tally[] = groups.map(() => ({ documents: 0, occurrences: 0, documentsBySource: new Map(), variants: new Map() }));
  for (const doc of readDocs(dirs)) {
    const lastEnd = new Map<number, number>();
    const { text } = doc;
    for (let i = 0; i < text.length - 1; i++) {
      const bucket = index.get(text.slice(i, i + 2));
      if (!bucket) continue;
      for (const { form, group } of bucket) {
        if (!text.startsWith(form, i)) continue;
        if (NUMERAL.includes(form[0]!) && i > 0 && NUMBERED_REFERENCE.test(text[i - 1]!)) continue;
        const end = i + form.length;
        const tally = tallies[group]!;
        const seen = lastEnd.get(group);
        if (seen === undefined) {
          tally.documents++;
          tally.documentsBySource.set(doc.source, (tally.documentsBySource.get(doc.source) ?? 0) + 1);
        }
        if ((tally.example?.score ?? -1) < 2) {
          const sentence = sentenceAround(text, i, end);
          const score = (MARKUP.test(sentence) ? 0 : 1) + (sentence.length >= 15 ? 1 : 0);
          if (score > (tally.example?.score ?? -1)) tally.example = { doc: `${doc.source}:${doc.path}`, sentence, score };
        }
        if (seen === undefined || i >= seen) tally.occurrences++;
        lastEnd.set(group, Math.max(seen ?? 0, end));
        const variant = surfaceVariant(text, i, end);
        tally.variants.set(variant, (tally.variants.get(variant) ?? 0) + 1);
      }
    }
  }
  return tallies;
}

function countReport(groups: TermGroup[], tallies: Tally[]): string {
  const rows = groups.map((group, id) => ({ group, tally: tallies[id]! }))
    .sort((a, b) => b.tally.documents - a.tally.documents || b.tally.occurrences - a.tally.occurrences);
  const lines = ['rank\tterm\taliases\tdocuments\toccurrences\texisting\tby_source\texample_doc\texample_sentence'];
  rows.forEach(({ group, tally }, rank) => {
    // A variant is an alias when it is a known form, or common enough not to be an accident of the text around it.
    const common = (variant: string, n: number) => group.forms.includes(variant) ? n >= 1 : n >= 3 && n >= tally.occurrences * 0.05;
    const aliases = [...tally.variants].filter(([variant, n]) => variant !== group.term && common(variant, n))
      .sort((a, b) => b[1] - a[1]).slice(0, 6).map(([variant]) => variant);
    const bySource = [...tally.documentsBySource].sort((a, b) => b[1] - a[1]).map(([source, n]) => `${source}=${n}`).join(',');
    lines.push([rank + 1, group.term, aliases.join(','), tally.documents, tally.occurrences, group.existing ? 'yes' : 'no',
      bySource, tally.example?.doc ?? '', tally.example?.sentence.replace(/[\u0000-\u001f\u007f]/g, ' ') ?? ''].join('\t'));
  });
  return lines.join('\n') + '\n';
}

// ---------- discover ----------

function discover(dirs: string[], minDocs: number): string {
  const kinds: [string, (text: string) => Iterable<string>][] = [
    ['quoted', (text) => [...text.matchAll(QUOTED)].map((m) => m[1]!)],
    ['numbered', (text) => [...text.matchAll(NUMBERED_COMPOUND), ...text.matchAll(NUMBERED_COUNT)].map((m) => m[0])],
    ['plus', (text) => [...text.matchAll(PLUS_FORM)].map((m) => m[0])],
    ['suffixed', suffixedNgrams],
  ];
  const documents = new Map<string, number>();
  for (const doc of readDocs(dirs)) {
    const seen = new Set<string>();
    for (const [kind, extract] of kinds) for (const found of extract(doc.text)) seen.add(`${kind}\t${found}`);
    for (const key of seen) documents.set(key, (documents.get(key) ?? 0) + 1);
  }
  const rows = [...documents].filter(([, n]) => n >= minDocs).sort((a, b) => b[1] - a[1]);
  return ['kind\tstring\tdocuments', ...rows.map(([key, n]) => `${key}\t${n}`)].join('\n') + '\n';
}

// The 2–6 character CJK strings ending right before a policy suffix, with the suffix (up to 8 characters).
function* suffixedNgrams(text: string): Generator<string> {
  for (const match of text.matchAll(POLICY_SUFFIX)) {
    const end = match.index + match[0].length;
    for (let length = 2; length <= 6; length++) {
      const start = match.index - length;
      const head = text.slice(start, match.index);
      if (start < 0 || !new RegExp(`^[${CJK}]+$`).test(head)) break;
      if (end - start <= 8) yield text.slice(start, end);
    }
  }
}

// ---------- main ----------

function main(argv: string[]): void {
  const [mode, ...rest] = argv;
  const options = new Map<string, string>();
  const dirs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i]!.startsWith('--')) options.set(rest[i]!.slice(2), rest[++i] ?? '');
    else dirs.push(rest[i]!);
  }
  if ((mode !== 'count' && mode !== 'discover') || dirs.length === 0) {
    console.error('usage: terms.ts count|discover DIR… [--candidates FILE] [--min-docs N] [--out FILE]');
    process.exit(2);
  }
  const started = Date.now();
  let output: string;
  if (mode === 'count') {
    const groups = loadGroups(options.get('candidates'));
    output = countReport(groups, count(dirs, groups));
  } else {
    output = discover(dirs, Number(options.get('min-docs') ?? 5));
  }
  const out = options.get('out');
  if (out) writeFileSync(out, output);
  else process.stdout.write(output);
  console.error(`${mode}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main(process.argv.slice(2));
