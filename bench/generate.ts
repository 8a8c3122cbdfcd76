// A corpus of many documents in the seeds' three formats (Hexo and Jekyll posts, pkulaw exports),
// each a varied copy of a seed, about a third with an injected fault. Deterministic, and written
// once per content hash into the temp folder, so reruns reuse it.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seeds, type BenchDocument } from './corpus';

const PER_FOLDER = 500;

/** A small seeded PRNG (mulberry32): the same corpus on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

/** Faults the rules look for, each a text → text change that keeps the document otherwise intact. */
const FAULTS: readonly ((text: string, rand: Rand) => string)[] = [
  (text) => (text.startsWith('---') ? `\n${text}` : text), // front matter not first
  (text) => text.replace(/^title: .*$/m, (line) => `${line}\ntitle: 重复的标题`), // duplicate key
  (text) => text.replace(/^date: .*$/m, 'date: 2021-13-45'), // impossible date
  (text) => text.replace(/^title: .*$/m, "title: ''"), // empty title
  (text) => text.replace(/^(headimg|thumbnail): .*$/m, '$1: htp:/broken url'), // bad URL
  (text) => text.replace(/^title: .*$/m, 'title: [unclosed'), // YAML syntax
  (text) => text.replace(/\n---\n/, '\n'), // front matter never closed (its first closing line removed)
  (text) => text.replace(/〔(\d{4})〕/, '[$1]'), // doc number brackets
  (text) => text.replace(/，/g, (comma, offset: number) => (offset % 7 === 0 ? ',' : comma)), // half-width punctuation
  (text, rand) => text.replace(/（/, () => (rand() < 0.5 ? '' : '（（')), // unbalanced pair
];

/** Varies a seed: dates shifted, paragraphs partly dropped or repeated, a number in the title. */
function vary(seed: BenchDocument, index: number, rand: Rand): string {
  const years = Math.floor(rand() * 5);
  let text = seed.text.replace(/(20\d\d)年/g, (_, year: string) => `${Number(year) - years}年`);
  text = text.replace(/^(title: ['"]?)/m, `$1（${index}）`);
  const lines = text.split('\n');
  const bodyFrom = Math.min(lines.length, Math.max(0, lines.findIndex((line, i) => i > 1 && line.trim() === '---') + 1));
  const body = lines.slice(bodyFrom).flatMap((line) => {
    const roll = rand();
    return roll < 0.1 ? [] : roll < 0.2 ? [line, line] : [line];
  });
  return [...lines.slice(0, bodyFrom), ...body].join('\n');
}

export interface Corpus {
  dir: string;
  files: number;
  bytes: number;
  /** Documents per format. */
  formats: Record<string, number>;
  faulty: number;
}

function formatOf(seed: BenchDocument): string {
  return seed.name.endsWith('.txt') ? 'pkulaw .txt' : seed.text.includes('\nlayout: post') ? 'Jekyll .md' : 'Hexo .md';
}

/** Generates (or finds already generated) `count` documents; returns the folder and what is in it. */
export function generateCorpus(count: number): Corpus {
  const all = seeds();
  const hash = createHash('sha256').update(fs.readFileSync(__filename)).update(String(count));
  for (const seed of all) hash.update(seed.name).update(seed.text);
  const dir = path.join(os.tmpdir(), `policydoc-bench-corpus-${hash.digest('hex').slice(0, 16)}`);
  const manifest = path.join(dir, '.corpus.json');
  if (fs.existsSync(manifest)) return { dir, ...(JSON.parse(fs.readFileSync(manifest, 'utf8')) as Omit<Corpus, 'dir'>) };

  const partial = `${dir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  const rand = random(20_260_101);
  const formats: Record<string, number> = {};
  let bytes = 0;
  let faulty = 0;
  for (let i = 0; i < count; i++) {
    const seed = all[i % all.length];
    let text = vary(seed, i, rand);
    if (rand() < 0.33) {
      text = pick(rand, FAULTS)(text, rand);
      faulty++;
    }
    if (rand() < 0.05) text = text.replace(/\n/g, '\r\n');
    const folder = path.join(partial, `part${String(Math.floor(i / PER_FOLDER)).padStart(2, '0')}`);
    if (i % PER_FOLDER === 0) fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${String(i).padStart(5, '0')}_${seed.name}`), text);
    bytes += Buffer.byteLength(text);
    formats[formatOf(seed)] = (formats[formatOf(seed)] ?? 0) + 1;
  }
  const info: Omit<Corpus, 'dir'> = { files: count, bytes, formats, faulty };
  fs.writeFileSync(path.join(partial, '.corpus.json'), JSON.stringify(info));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(partial, dir);
  return { dir, ...info };
}

if (require.main === module) {
  const corpus = generateCorpus(Number(process.argv[2] ?? 10_000));
  console.log(JSON.stringify(corpus, null, 2));
}
