// `node --import tsx scripts/mine/folds.ts CORPUS [--folds 5] [--out FILE]`: what doc-number-agency-code
// finds on text its 代字 table was not grown from. Every document of every source falls in one of K
// folds by the SHA-1 of `<source>/<path>`; for each fold the table is mined from the other folds and
// the rule is run over the fold's documents against it (shipped registry, mined rows of the rest).
// Prints per fold the well-formed 代字 the table does not know (what the rule weighs) and how many it
// hints; --out writes each with its line, in a fixed pseudo-random order (the first N are the sample
// to judge by reading: test/corpus/agency-code-heldout.json).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeIndex, shipped, type Knowledge } from '../../server/src/service/knowledge';
import { DOC_KINDS } from '../../server/src/service/knowledge/data';
import { parseDocument, type PolicyDocument } from '../../server/src/service/parse/document';
import { quotedNumber } from '../../server/src/service/parse/official';
import { docNumberAgencyCode, unknownCodes } from '../../server/src/service/rules/doc-number-agency-code';
import { docName } from './corpus';
import { mineFile, type Occurrence } from './extract';
import { filesOf, sourcesOf } from './sources';
import { CodeTable } from './table';

/** A well-formed 代字 of a held-out document that its fold's table does not know: what the rule weighs. */
interface HeldOutCode {
  fold: number;
  /** `<source>:<path>`. */
  doc: string;
  /** 1-based. */
  line: number;
  /** At most EXCERPT characters of the line, ending a little after the 发文字号. */
  excerpt: string;
  number: string;
  code: string;
  /** The known 代字 the rule hints at; absent where it stays silent. */
  known?: string;
}

const EXCERPT = 80;
/** Characters kept after the 发文字号 in an excerpt. */
const AFTER = 8;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function foldOf(source: string, file: string, folds: number): number {
  return Math.floor((createHash('sha1').update(`${source}/${file}`).digest().readUInt32BE(0) / 2 ** 32) * folds);
}

/** As the CLI reads a file: UTF-8, the BOM kept. */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The well-formed 代字 of `doc` that `knowledge` does not know, by the rule's own gate (once per document, start certain), each with the rule's hint if it gave one. */
function weigh(doc: PolicyDocument, knowledge: Knowledge, fold: number, name: string): HeldOutCode[] {
  const hints = new Map<number, string>();
  docNumberAgencyCode.check({ doc, knowledge, profile: undefined as never, options: {}, now: new Date(), report: ({ range, data }) => void hints.set(doc.lines.offsetAt(range.start), String(data?.known)) });
  const weighed: HeldOutCode[] = [];
  for (const { number, code } of unknownCodes(doc, knowledge)) {
    const { line } = doc.lines.positionAt(number.agency.start);
    const end = Math.min(doc.lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }), number.end + AFTER);
    const known = hints.get(number.agency.start);
    hints.delete(number.agency.start);
    weighed.push({ fold, doc: name, line: line + 1, excerpt: doc.text.slice(Math.max(doc.lines.lineStarts[line], end - EXCERPT), end), number: quotedNumber(number), code, ...(known ? { known } : {}) });
  }
  if (hints.size > 0) throw new Error(`${name}: a hint outside the gate`);
  return weighed;
}

function main(args: string[]): void {
  const corpus = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
  if (!corpus || !fs.existsSync(corpus)) {
    process.stderr.write('usage: node --import tsx scripts/mine/folds.ts CORPUS [--folds 5] [--out FILE]\n');
    process.exitCode = 2;
    return;
  }
  const folds = Number(option(args, '--folds') ?? '5');
  const documents: { doc: string; file: string; fold: number; occurrences: Occurrence[] }[] = [];
  for (const source of sourcesOf([corpus])) {
    for (const file of filesOf(source.dir)) {
      const full = path.join(source.dir, file);
      const result = mineFile(docName(source, file), fs.readFileSync(full));
      documents.push({ doc: docName(source, file), file: full, fold: foldOf(source.name, file, folds), occurrences: result.kind === 'text' ? result.occurrences : [] });
    }
  }
  const base = shipped();
  const unknown: HeldOutCode[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const table = new CodeTable();
    for (const entry of documents) if (entry.fold !== fold) table.add(entry.doc, entry.occurrences);
    const { rows } = table.rows({ wellFormedOnly: false });
    const knowledge = { ...base, codes: new CodeIndex(base.agencies, rows, DOC_KINDS) } as Knowledge;
    const held = documents.filter((entry) => entry.fold === fold);
    const before = unknown.length;
    for (const entry of held) {
      let text: string;
      try {
        text = decoder.decode(fs.readFileSync(entry.file));
      } catch {
        continue;
      }
      const doc = parseDocument(`file://${entry.file}`, text);
      if (doc.binary) continue;
      unknown.push(...weigh(doc, knowledge, fold, entry.doc));
    }
    const mine = unknown.slice(before);
    process.stdout.write(
      `fold ${fold + 1}/${folds}: ${held.length} documents held out, table of ${rows.length} rows mined from the other ${documents.length - held.length}; ` +
        `${mine.length} well-formed 代字 it does not know (${new Set(mine.map((u) => u.code)).size} distinct); ${mine.filter((u) => u.known).length} hinted\n`,
    );
  }
  const out = option(args, '--out');
  // In the order of the SHA-1 of `doc|line|code`: the first N are a fixed random sample to judge.
  const key = (u: HeldOutCode) => createHash('sha1').update(`${u.doc}|${u.line}|${u.code}`).digest('hex');
  const ordered = unknown.map((u) => [key(u), u] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, u]) => u);
  if (out) fs.writeFileSync(out, JSON.stringify(ordered, null, 1) + '\n');
  else for (const u of ordered.filter((entry) => entry.known)) process.stdout.write(`${u.doc}:${u.line}  ${u.number} → ${u.known}?  ${u.excerpt}\n`);
}

main(process.argv.slice(2));
