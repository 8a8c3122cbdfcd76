// Tallies 代字 occurrences over a corpus and turns them into the rows of server/data/doc-codes.json.
import type { MinedCode } from '../../server/src/service/knowledge/codeIndex';
import type { Occurrence } from './extract';
import { GarbledCode, ProseBeforeCode, TwinNumber, hasProseWord, organBeforeCode } from './filters';
import { isRegisteredName } from './organ';

/** A row of the table, as the service reads it (`count`: documents the 代字 occurs in). */
export type CodeRow = MinedCode;

export interface TableOptions {
  /** Keep only 代字 that isWellFormedAgencyCode accepts (a known final character, short). */
  wellFormedOnly: boolean;
}

/** The winner of a 代字's organ votes must hold this share of its attributed occurrences. */
const MAJORITY = 0.6;
const MIN_DOCUMENTS = 2;

interface Example {
  rank: number;
  doc: string;
  text: string;
}

class CodeTally {
  readonly documents = new Set<string>();
  readonly votes = new Map<string, number>();
  /** Year and sequence of each number written with the code (`〔2013〕44号`), and the documents that write it. */
  readonly numbers = new Map<string, Set<string>>();
  attributed = 0;
  firstYear = Infinity;
  lastYear = -Infinity;
  wellFormed = false;
  example: Example | null = null;

  add(doc: string, occurrence: Occurrence): void {
    this.documents.add(doc);
    this.wellFormed = occurrence.wellFormed;
    if (occurrence.year !== null) {
      this.firstYear = Math.min(this.firstYear, occurrence.year);
      this.lastYear = Math.max(this.lastYear, occurrence.year);
    }
    if (occurrence.organ) {
      this.attributed++;
      this.votes.set(occurrence.organ, (this.votes.get(occurrence.organ) ?? 0) + 1);
    }
    if (occurrence.canonical !== null) {
      const number = occurrence.canonical.slice(occurrence.code.length);
      if (!this.numbers.has(number)) this.numbers.set(number, new Set());
      this.numbers.get(number)!.add(doc);
      // Written exactly so in the document first, the document's own number before a citation; then by path, so runs agree.
      const candidate = { rank: (occurrence.verbatim ? 0 : 2) + (occurrence.own ? 0 : 1), doc, text: occurrence.canonical };
      if (this.example === null || compareExamples(candidate, this.example) < 0) this.example = candidate;
    }
  }

  agency(): string | undefined {
    let best: [string, number] | undefined;
    for (const vote of this.votes) if (!best || vote[1] > best[1] || (vote[1] === best[1] && vote[0] < best[0])) best = vote;
    return best && best[1] >= MAJORITY * this.attributed ? best[0] : undefined;
  }
}

function compareExamples(a: Example, b: Example): number {
  return a.rank - b.rank || compareText(a.doc, b.doc) || compareText(a.text, b.text);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Dropped {
  prose: string[];
  garbled: string[];
  single: number;
  noYear: number;
  notWellFormed: number;
}

export class CodeTable {
  private readonly tallies = new Map<string, CodeTally>();

  add(doc: string, occurrences: readonly Occurrence[]): void {
    for (const occurrence of occurrences) {
      let tally = this.tallies.get(occurrence.code);
      if (!tally) this.tallies.set(occurrence.code, (tally = new CodeTally()));
      tally.add(doc, occurrence);
    }
  }

  /** Every 代字 seen, kept or not. */
  codes(): Set<string> {
    return new Set(this.tallies.keys());
  }

  rows(options: TableOptions): { rows: CodeRow[]; dropped: Dropped } {
    const rows: CodeRow[] = [];
    const dropped: Dropped = { prose: [], garbled: [], single: 0, noYear: 0, notWellFormed: 0 };
    const counts = new Map([...this.tallies].map(([code, tally]) => [code, tally.documents.size]));
    const proseBefore = new ProseBeforeCode(counts);
    const codesOfNumber = new Map<string, Map<string, Set<string>>>();
    for (const [code, tally] of this.tallies) {
      for (const [number, docs] of tally.numbers) {
        if (!codesOfNumber.has(number)) codesOfNumber.set(number, new Map());
        codesOfNumber.get(number)!.set(code, docs);
      }
    }
    const garbled = new GarbledCode(counts, codesOfNumber);
    const twins = new TwinNumber(counts, codesOfNumber, proseBefore);
    for (const [code, tally] of this.tallies) {
      if (options.wellFormedOnly && !tally.wellFormed) {
        dropped.notWellFormed++;
        continue;
      }
      const agency = tally.agency();
      if (tally.documents.size < MIN_DOCUMENTS && agency === undefined && !tally.wellFormed) {
        dropped.single++;
        continue;
      }
      if (hasProseWord(code) || proseBefore.test(code) || organBeforeCode(code, counts, isRegisteredName)) {
        dropped.prose.push(code);
        continue;
      }
      if (garbled.test(code, tally.numbers.keys()) || twins.test(code, tally.documents, tally.numbers.keys())) {
        dropped.garbled.push(code);
        continue;
      }
      if (tally.example === null) {
        dropped.noYear++;
        continue;
      }
      const row: CodeRow = { code, years: [tally.firstYear, tally.lastYear], count: tally.documents.size, example: tally.example.text, doc: tally.example.doc };
      if (agency !== undefined) row.agency = agency;
      rows.push(row);
    }
    rows.sort((a, b) => b.count - a.count || compareText(a.code, b.code));
    return { rows: rows.map(orderKeys), dropped };
  }
}

function orderKeys(row: CodeRow): CodeRow {
  const { code, agency, years, count, example, doc } = row;
  return agency === undefined ? { code, years, count, example, doc } : { code, agency, years, count, example, doc };
}
