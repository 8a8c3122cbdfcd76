// `node --import tsx bench/workspace/generate.ts CORPUS OUT [--count N]`: a collection of N (20,000)
// documents for the workspace benchmark, made from the real documents of CORPUS (/work/corpus: every
// source, in the proportions they have there) and written into OUT, never into the repository.
// Deterministic. So that the index has real work to do, some documents are given a closing paragraph
// that cites others by their real 《title》 and 发文字号 (or the 发文字号 alone, or a wrong title), some
// declare others repealed, and some are copies of another with a line changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentFiles } from '../../scripts/workspace/files';
import { random } from '../generate';

export const GENERATOR_VERSION = 1;
export const DEFAULT_COUNT = 20_000;

export interface GeneratedCollection {
  dir: string;
  files: number;
  bytes: number;
  /** Documents per source folder of the corpus. */
  sources: Record<string, number>;
  edits: { cites: number; bareNumbers: number; wrongTitles: number; repeals: number; copies: number };
}

const OWN_NUMBER = /[\u4e00-\u9fff]{2,10}[〔[]\d{4}[〕\]]\d{1,5}号/;
const FRONT_TITLE = /^title:\s*["']?(.+?)["']?\s*$/m;

/** The title and own 发文字号 a reader sees at the top of a document, when both are plain. */
function headOf(text: string): { title: string; number: string } | undefined {
  const head = text.slice(0, 800);
  const number = OWN_NUMBER.exec(head)?.[0];
  if (!number) return undefined;
  const title =
    FRONT_TITLE.exec(head)?.[1] ??
    head
      .split(/\r?\n/)
      .map((line) => line.replace(/^#+\s*/, '').trim())
      .find((line) => /[\u4e00-\u9fff]{4}/.test(line) && !/[。，]/.test(line) && line.length <= 80 && !line.includes(number) && !/法宝|原文链接|^---/.test(line));
  return title ? { title: title.replace(/[《》]/g, ''), number } : undefined;
}

export function generateCollection(corpus: string, out: string, count = DEFAULT_COUNT): GeneratedCollection {
  const stampFile = path.join(out, '.generated.json');
  if (fs.existsSync(stampFile)) {
    const done = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as GeneratedCollection & { version: number; corpus: string };
    if (done.version === GENERATOR_VERSION && done.files === count && done.corpus === corpus) return done;
  }
  fs.rmSync(out, { recursive: true, force: true });
  const rand = random(14);
  const all = documentFiles(corpus).filter((file) => path.relative(corpus, file).includes(path.sep));
  // Every source as it occurs: a deterministic shuffle of the whole corpus, then the first `count`.
  const order = all.map((file, i) => ({ file, key: random(i + 1)() }));
  order.sort((a, b) => a.key - b.key);
  const chosen = order.slice(0, Math.min(count, order.length)).map((item) => item.file);
  while (chosen.length < count) chosen.push(all[Math.floor(rand() * all.length)]);
  const texts = chosen.map((file) => fs.readFileSync(file, 'utf8'));
  const heads = texts.map(headOf).filter((head): head is { title: string; number: string } => head !== undefined);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const edits = { cites: 0, bareNumbers: 0, wrongTitles: 0, repeals: 0, copies: 0 };
  const sources: Record<string, number> = {};
  let bytes = 0;
  for (let i = 0; i < texts.length; i++) {
    let text = texts[i];
    const roll = rand();
    const paragraphs: string[] = [];
    if (roll < 0.02 && i > 0) {
      // A copy of an earlier document, as a second portal would have it: one line changed.
      text = texts[Math.floor(rand() * i)].replace(/\n([^\n]{10,})\n/, '\n$1（转载）\n');
      edits.copies++;
    } else if (roll < 0.17 && heads.length > 0) {
      const cited = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(heads));
      paragraphs.push(`根据${cited.map((head) => `《${head.title}》（${head.number}）`).join('、')}的有关要求，结合本地区实际，认真抓好贯彻落实。`);
      edits.cites++;
    } else if (roll < 0.22 && heads.length > 0) {
      paragraphs.push(`请各单位按照${pick(heads).number}文件精神执行。`);
      edits.bareNumbers++;
    } else if (roll < 0.24 && heads.length > 1) {
      paragraphs.push(`依照《${pick(heads).title}》（${pick(heads).number}）的规定办理。`);
      edits.wrongTitles++;
    } else if (roll < 0.26 && heads.length > 0) {
      const repealed = pick(heads);
      paragraphs.push(`本办法自2024年1月1日起施行。《${repealed.title}》（${repealed.number}）同时废止。`);
      edits.repeals++;
    }
    if (paragraphs.length > 0) text = `${text.replace(/\s*$/, '')}\n\n${paragraphs.join('\n\n')}\n`;
    const relative = path.relative(corpus, chosen[i]);
    const source = relative.split(path.sep)[0];
    sources[source] = (sources[source] ?? 0) + 1;
    const target = path.join(out, source, `${String(i).padStart(5, '0')}-${path.basename(relative)}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    bytes += Buffer.byteLength(text);
  }
  const result: GeneratedCollection = { dir: out, files: texts.length, bytes, sources, edits };
  fs.writeFileSync(stampFile, JSON.stringify({ ...result, version: GENERATOR_VERSION, corpus }, null, 1));
  return result;
}

if (require.main === module) {
  const [corpus, out] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const countAt = process.argv.indexOf('--count');
  if (!corpus || !out) {
    process.stderr.write('usage: node --import tsx bench/workspace/generate.ts CORPUS OUT [--count N]\n');
    process.exitCode = 2;
  } else {
    const made = generateCollection(path.resolve(corpus), path.resolve(out), countAt >= 0 ? Number(process.argv[countAt + 1]) : DEFAULT_COUNT);
    process.stdout.write(JSON.stringify(made, null, 1) + '\n');
  }
}
