// `node --import tsx scripts/workspace/entries.ts DIR [--sample N] [--out FILE] [--compare FILE]`:
// reads every N-th document under DIR (a sample spread over all its sources, the same on every run)
// into workspace index entries and times it. `--out` writes the entries as JSON; `--compare` checks
// them against such a file, entry by entry, so a change to the parser or to extract.ts that is meant
// to be only faster can be shown to keep what the index holds.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { shipped } from '../../server/src/service/knowledge';
import { parseDocument } from '../../server/src/service/parse/document';
import { readEntry } from '../../server/src/service/workspace/extract';
import { documentFiles, option } from './files';

function main(args: string[]): void {
  const dir = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: node --import tsx scripts/workspace/entries.ts DIR [--sample N] [--out FILE] [--compare FILE]\n');
    process.exitCode = 2;
    return;
  }
  const all = documentFiles(path.resolve(dir));
  const wanted = Number(option(args, '--sample') ?? all.length);
  const step = Math.max(1, Math.floor(all.length / wanted));
  const list = all.filter((_, i) => i % step === 0).slice(0, wanted);
  const entries: string[] = [];
  const times: { file: string; ms: number }[] = [];
  const started = performance.now();
  for (const file of list) {
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const at = performance.now();
    const entry = readEntry(parseDocument(uri, text, undefined, { codes: shipped().codes }));
    times.push({ file, ms: performance.now() - at });
    entries.push(JSON.stringify(entry));
  }
  const total = performance.now() - started;
  times.sort((a, b) => b.ms - a.ms);
  const sum = times.reduce((s, t) => s + t.ms, 0);
  const out = [
    `${list.length} documents of ${all.length} under ${dir}: ${(total / 1000).toFixed(1)} s with reading, parse + readEntry ${(sum / list.length).toFixed(2)} ms a document (median ${times[Math.floor(times.length / 2)].ms.toFixed(2)} ms)`,
    'slowest:',
    ...times.slice(0, 8).map((t) => `  ${t.ms.toFixed(0)} ms ${path.relative(dir, t.file)}`),
  ];
  process.stdout.write(out.join('\n') + '\n');
  const outFile = option(args, '--out');
  if (outFile) fs.writeFileSync(outFile, entries.join('\n') + '\n');
  const compareFile = option(args, '--compare');
  if (compareFile) {
    const before = fs.readFileSync(compareFile, 'utf8').split('\n').filter(Boolean);
    let differ = 0;
    if (before.length !== entries.length) {
      process.stdout.write(`different counts: ${before.length} before, ${entries.length} now\n`);
      differ++;
    }
    for (let i = 0; i < Math.min(before.length, entries.length); i++) {
      if (before[i] === entries[i]) continue;
      if (differ++ < 5) process.stdout.write(`differs: ${list[i]}\n  before ${before[i].slice(0, 400)}\n  now    ${entries[i].slice(0, 400)}\n`);
    }
    process.stdout.write(differ === 0 ? `identical: ${entries.length} entries as in ${compareFile}\n` : `${differ} entries differ from ${compareFile}\n`);
    if (differ > 0) process.exitCode = 1;
  }
}

main(process.argv.slice(2));
