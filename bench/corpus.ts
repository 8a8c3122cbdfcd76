import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
const SEEDS = path.join(ROOT, 'test/fixtures');

export interface BenchDocument {
  name: string;
  text: string;
}

export function seeds(): BenchDocument[] {
  // The seeds only (000_… to 004_…): other fixtures live in subfolders.
  return fs
    .readdirSync(SEEDS)
    .filter((name) => /^\d{3}_\w+\.(md|txt)$/.test(name))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(SEEDS, name), 'utf8') }));
}

/**
 * A Hexo post of at least `bytes` UTF-8 bytes: seed 000's front matter, then the body lines of
 * every seed repeated, each copy numbered and with its dates shifted, so no two paragraphs are equal.
 */
export function largeDocument(bytes: number): BenchDocument {
  const all = seeds();
  const hexo = all[0].text.trimStart();
  const end = hexo.indexOf('\n---', 4) + 4;
  const frontMatter = hexo.slice(0, end) + '\n';
  const bodyLines = all.flatMap((seed) => seed.text.slice(seed.name === all[0].name ? end : 0).split('\n')).filter((line) => line.trim() !== '' && line.trim() !== '---');
  const parts = [frontMatter];
  let size = Buffer.byteLength(frontMatter);
  for (let copy = 1; size < bytes; copy++) {
    for (const line of bodyLines) {
      const varied = `${line.replace(/(\d{4})年(\d{1,2})月/g, (_, year: string, month: string) => `${Number(year) - (copy % 10)}年${((Number(month) + copy) % 12) + 1}月`)} 〔${copy}〕\n`;
      parts.push(varied);
      size += Buffer.byteLength(varied);
      if (size >= bytes) break;
    }
  }
  return { name: `generated ${(size / 1024 / 1024).toFixed(2)} MB`, text: parts.join('') };
}
