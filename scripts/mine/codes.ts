// `npm run mine -- DIR [DIR…] [--out FILE] [--well-formed-only]`: mines the 发文字号 of a corpus of
// real documents with the product's parser and writes the table of 代字 (server/data/doc-codes.json
// by default): each 代字 with the agency its documents establish, the years seen, how many documents
// hold it and one real example. A DIR is one source, or a corpus root (with a _tools folder) whose
// every folder is a source.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mineSources } from './corpus';
import { sourcesOf } from './sources';
import type { CodeRow } from './table';

const DEFAULT_OUT = path.resolve(__dirname, '../../server/data/doc-codes.json');

function main(args: string[]): void {
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : DEFAULT_OUT;
  const wellFormedOnly = args.includes('--well-formed-only');
  const dirs = args.filter((arg, index) => !arg.startsWith('--') && (outIndex < 0 || index !== outIndex + 1));
  if (dirs.length === 0 || dirs.some((dir) => !fs.existsSync(dir))) {
    process.stderr.write('usage: npm run mine -- DIR [DIR…] [--out FILE] [--well-formed-only]\n');
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const sources = sourcesOf(dirs);
  const { table, stats } = mineSources(sources);
  const { rows, dropped } = table.rows({ wellFormedOnly });
  const corpus = stats
    .filter((entry) => entry.documents > 0)
    .map((entry) => ({ source: entry.source.name, repository: entry.source.repository, commit: entry.source.commit, documents: entry.documents }));
  fs.writeFileSync(out, render(corpus, rows, wellFormedOnly));
  for (const entry of stats) {
    process.stderr.write(
      `${entry.source.name}: ${entry.documents} documents (${entry.undecodable} not UTF-8, ${entry.binary} binary), ${entry.withCode} with a 代字; ` +
        `${entry.occurrences} exact 发文字号 (${entry.attributed} attributed to an organ); left out: ${entry.inexact} with an uncertain 代字 start, ${entry.malformed} not shaped like a 代字, ${entry.cutOff} cut off (a space, a date, a bracket or a table cell in the code)\n`,
    );
  }
  const withAgency = rows.filter((row) => row.agency !== undefined).length;
  process.stderr.write(
    `${table.codes().size} distinct 代字 seen; ${rows.length} rows written to ${path.relative(process.cwd(), out)} (${withAgency} with an agency); ` +
      `dropped: ${dropped.single} in one document without an agency, ${dropped.noYear} without a four-digit year, ${dropped.notWellFormed} not well formed, ${dropped.prose.length} prose (${dropped.prose.join(' ')}), ${dropped.garbled.length} garbled (${dropped.garbled.join(' ')}); ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

function render(corpus: object[], rows: CodeRow[], wellFormedOnly: boolean): string {
  const comment =
    '代字 (发文机关代字) of real 发文字号, mined by `npm run mine` (scripts/mine/) from the corpus listed below (see test/corpus/SOURCES.md) with the product\'s own parser: ' +
    'every 发文字号 whose 代字 start the parser is sure of' +
    (wellFormedOnly ? ' and that isWellFormedAgencyCode accepts' : ' (not only those isWellFormedAgencyCode accepts: 财税, 发改价格 are real 代字 too)') +
    '. agency: the organ its documents name, by majority (≥ 60 % of the occurrences that could be attributed): a document\'s 发文机关标志, title or 落款 for its own number, the organ leading the cited title for a citation; left out where no majority. ' +
    'years: first and last year seen; count: documents holding the 代字; example: one real number in canonical form (代字〔YYYY〕N号) and doc the document (<source>:<path>) it comes from. ' +
    'Rows: 代字 seen in 2 documents or more, or in one with an established agency, or in one and shaped like a 代字 (isWellFormedAgencyCode); left out: prose run into a 代字 and a 代字 damaged beside its twin, the same number written under the 代字 with characters added or lost (scripts/mine/filters.ts). Generated data: regrow it with the script, do not edit by hand.';
  const lines = [
    '{',
    `  "$comment": ${JSON.stringify(comment)},`,
    `  "corpus": [\n${corpus.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n')}\n  ],`,
    `  "codes": [\n${rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`,
    '}',
  ];
  return lines.join('\n') + '\n';
}

main(process.argv.slice(2));
