// Mines every file of the given sources into one CodeTable.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mineFile } from './extract';
import { filesOf, type Source } from './sources';
import { CodeTable } from './table';

export interface SourceStats {
  source: Source;
  documents: number;
  undecodable: number;
  binary: number;
  withCode: number;
  occurrences: number;
  attributed: number;
  inexact: number;
  malformed: number;
  cutOff: number;
}

/** Documents are named `<source>:<path relative to the source folder>`. */
export function docName(source: Source, file: string): string {
  return `${source.name}:${file}`;
}

export function mineSources(sources: readonly Source[], include: (doc: string) => boolean = () => true): { table: CodeTable; stats: SourceStats[] } {
  const table = new CodeTable();
  const stats = sources.map((source) => {
    const entry: SourceStats = { source, documents: 0, undecodable: 0, binary: 0, withCode: 0, occurrences: 0, attributed: 0, inexact: 0, malformed: 0, cutOff: 0 };
    for (const file of filesOf(source.dir)) {
      const doc = docName(source, file);
      if (!include(doc)) continue;
      entry.documents++;
      const result = mineFile(doc, fs.readFileSync(path.join(source.dir, file)));
      if (result.kind === 'undecodable') entry.undecodable++;
      else if (result.kind === 'binary') entry.binary++;
      else {
        table.add(doc, result.occurrences);
        if (result.occurrences.length > 0) entry.withCode++;
        entry.occurrences += result.occurrences.length;
        entry.attributed += result.occurrences.filter((occurrence) => occurrence.organ !== null).length;
        entry.inexact += result.inexact;
        entry.malformed += result.malformed;
        entry.cutOff += result.cutOff;
      }
    }
    return entry;
  });
  return { table, stats };
}
