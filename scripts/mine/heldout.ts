// `node --import tsx scripts/mine/heldout.ts CORPUS [--source NAME] [--share 0.2]`: how often an
// "unknown 代字" hint would fire on real text the table was not grown from. The documents of one
// source (ranxi-policy by default) are split by the SHA-1 of their corpus-relative path; the table is
// mined from every other document, and the held-out share is then read against it.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SHIPPED_AGENCIES } from '../../server/src/service/knowledge';
import { docName, mineSources } from './corpus';
import { mineFile, type Occurrence } from './extract';
import { filesOf, sourcesOf } from './sources';

function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
}

/** True for the documents held out: the first `share` of the SHA-1 range of `<source>/<path>`. */
function heldOut(sourceName: string, file: string, share: number): boolean {
  const digest = createHash('sha1').update(`${sourceName}/${file}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < share;
}

interface Unknowns {
  codes: Set<string>;
  unknownCodes: Set<string>;
  occurrences: number;
  unknownOccurrences: number;
}

function tally(occurrences: Occurrence[], known: (code: string) => boolean, into: Unknowns): void {
  for (const occurrence of occurrences) {
    into.codes.add(occurrence.code);
    into.occurrences++;
    if (!known(occurrence.code)) {
      into.unknownCodes.add(occurrence.code);
      into.unknownOccurrences++;
    }
  }
}

function share(part: number, whole: number): string {
  return `${part} of ${whole} (${((100 * part) / Math.max(1, whole)).toFixed(1)} %)`;
}

function main(args: string[]): void {
  const corpus = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
  if (!corpus || !fs.existsSync(corpus)) {
    process.stderr.write('usage: node --import tsx scripts/mine/heldout.ts CORPUS [--source NAME] [--share 0.2]\n');
    process.exitCode = 2;
    return;
  }
  const sourceName = option(args, '--source', 'ranxi-policy');
  const heldShare = Number(option(args, '--share', '0.2'));
  const sources = sourcesOf([corpus]);
  const source = sources.find((entry) => entry.name === sourceName);
  if (!source) throw new Error(`no source ${sourceName} in ${corpus}`);
  const isHeld = (doc: string) => doc.startsWith(`${sourceName}:`) && heldOut(sourceName, doc.slice(sourceName.length + 1), heldShare);

  const { table } = mineSources(sources, (doc) => !isHeld(doc));
  const { rows } = table.rows({ wellFormedOnly: false });
  const inTable = new Set(rows.map((row) => row.code));
  const listed = new Set(SHIPPED_AGENCIES.flatMap((agency) => agency.codes));

  const wellFormed: Unknowns = { codes: new Set(), unknownCodes: new Set(), occurrences: 0, unknownOccurrences: 0 };
  const wellFormedOrListed: Unknowns = { codes: new Set(), unknownCodes: new Set(), occurrences: 0, unknownOccurrences: 0 };
  const anyShape: Unknowns = { codes: new Set(), unknownCodes: new Set(), occurrences: 0, unknownOccurrences: 0 };
  let documents = 0;
  for (const file of filesOf(source.dir)) {
    const doc = docName(source, file);
    if (!isHeld(doc)) continue;
    documents++;
    const result = mineFile(doc, fs.readFileSync(path.join(source.dir, file)));
    if (result.kind !== 'text') continue;
    const formed = result.occurrences.filter((occurrence) => occurrence.wellFormed);
    tally(formed, (code) => inTable.has(code), wellFormed);
    tally(formed, (code) => inTable.has(code) || listed.has(code), wellFormedOrListed);
    tally(result.occurrences, (code) => inTable.has(code), anyShape);
  }

  const out = [
    `held out: ${documents} documents of ${sourceName} (SHA-1 of <source>/<path> in the first ${heldShare * 100} % of its range); table mined from the rest of ${corpus}: ${rows.length} rows`,
    `well-formed exact 代字 (isWellFormedAgencyCode), not in the mined table: ${share(wellFormed.unknownCodes.size, wellFormed.codes.size)} distinct, ${share(wellFormed.unknownOccurrences, wellFormed.occurrences)} occurrences`,
    `  … nor in agency-codes.json / agencies.json: ${share(wellFormedOrListed.unknownCodes.size, wellFormedOrListed.codes.size)} distinct, ${share(wellFormedOrListed.unknownOccurrences, wellFormedOrListed.occurrences)} occurrences`,
    `every exact 代字 the miner keeps (any final character), not in the mined table: ${share(anyShape.unknownCodes.size, anyShape.codes.size)} distinct, ${share(anyShape.unknownOccurrences, anyShape.occurrences)} occurrences`,
  ];
  if (args.includes('--list')) out.push(`unknown well-formed: ${[...wellFormedOrListed.unknownCodes].sort().join(' ')}`);
  process.stdout.write(out.join('\n') + '\n');
}

main(process.argv.slice(2));
