// `policydoc index --stats`: the collection in figures, as text for people or as JSON (README).
import { fileURLToPath } from 'node:url';
import type { Locale } from '../service/types';
import type { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { text } from './messages';
import { displayPath } from './project';

export interface Count {
  /** Null: not known (no agency or date found). */
  name: string | null;
  count: number;
}

export interface CollectionStats {
  documents: number;
  byProfile: Count[];
  byAgency: Count[];
  byYear: Count[];
  citations: { total: number; resolved: number; unresolved: number };
  duplicates: { files: [string, string]; similarity: number }[];
  repealedStillCited: { file: string; title: string | null; repealedBy: string; citedBy: string[] }[];
}

/** In the text form, lists longer than this are cut, with a count of the rest. */
const SHOWN = 15;

function counts(values: (string | undefined)[], order: (a: Count, b: Count) => number): Count[] {
  const found = new Map<string | null, number>();
  for (const value of values) found.set(value ?? null, (found.get(value ?? null) ?? 0) + 1);
  // The unknown bucket goes last, whatever its size.
  return [...found].map(([name, count]) => ({ name, count })).sort((a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || order(a, b));
}

const byCount = (a: Count, b: Count) => b.count - a.count || (a.name ?? '').localeCompare(b.name ?? '');

export function collectionStats(index: WorkspaceIndex, cwd: string): CollectionStats {
  const label = (uri: string) => displayPath(cwd, fileURLToPath(uri));
  const entries = [...index.documents()].sort((a, b) => a.uri.localeCompare(b.uri));
  let total = 0;
  let resolved = 0;
  const duplicates: CollectionStats['duplicates'] = [];
  const repealedStillCited: CollectionStats['repealedStillCited'] = [];
  for (const entry of entries) {
    for (const citation of entry.citations) {
      total++;
      if (index.resolve(citation, entry.uri).length > 0) resolved++;
    }
    for (const other of index.similar(entry.uri)) {
      if (other.uri > entry.uri) duplicates.push({ files: [label(entry.uri), label(other.uri)], similarity: Math.round(other.similarity * 1000) / 10 });
    }
    const repeal = index.status(entry.uri).by.find((by) => by.kind === 'repeal');
    if (!repeal) continue;
    const citedBy = [...new Set(index.references(entry.uri).filter((reference) => !reference.citation.inStatement).map((reference) => label(reference.uri)))];
    if (citedBy.length > 0) repealedStillCited.push({ file: label(entry.uri), title: entry.title ?? null, repealedBy: label(repeal.uri), citedBy });
  }
  return {
    documents: entries.length,
    byProfile: counts(entries.map((entry) => entry.profile), byCount),
    byAgency: counts(entries.map((entry) => entry.agency), byCount),
    byYear: counts(entries.map((entry) => entry.date?.slice(0, 4)), (a, b) => (b.name ?? '').localeCompare(a.name ?? '')),
    citations: { total, resolved, unresolved: total - resolved },
    duplicates,
    repealedStillCited,
  };
}

export function formatStatsJson(stats: CollectionStats): string {
  return JSON.stringify(stats, null, 2) + '\n';
}

export function formatStatsText(stats: CollectionStats, locale: Locale): string {
  const separator = locale === 'zh' ? '，' : ', ';
  const unknown = text(locale, 'statsUnknown');
  const line = (list: Count[], limit = Infinity) => {
    const shown = list.slice(0, limit).map(({ name, count }) => `${name ?? unknown} ${count}`);
    if (list.length > limit) shown.push(text(locale, 'statsMore', { count: list.length - limit }));
    return shown.join(separator) || '—';
  };
  const more = (length: number) => (length > SHOWN ? [`  ${text(locale, 'statsMore', { count: length - SHOWN })}`] : []);
  const out = [
    text(locale, 'statsDocuments', { count: stats.documents }),
    `${text(locale, 'statsByProfile')}${line(stats.byProfile)}`,
    `${text(locale, 'statsByAgency')}${line(stats.byAgency, SHOWN)}`,
    `${text(locale, 'statsByYear')}${line(stats.byYear)}`,
    text(locale, 'statsCitations', stats.citations),
    text(locale, 'statsDuplicates', { count: stats.duplicates.length }),
    ...stats.duplicates.slice(0, SHOWN).map(({ files, similarity }) => `  ${files[0]} ↔ ${files[1]} (${similarity} %)`),
    ...more(stats.duplicates.length),
    text(locale, 'statsRepealedCited', { count: stats.repealedStillCited.length }),
    ...stats.repealedStillCited
      .slice(0, SHOWN)
      .map((found) => `  ${text(locale, 'statsRepealedBy', { file: found.file, title: found.title ?? '', by: found.repealedBy, citers: found.citedBy.join(separator) })}`),
    ...more(stats.repealedStillCited.length),
  ];
  return out.join('\n') + '\n';
}
