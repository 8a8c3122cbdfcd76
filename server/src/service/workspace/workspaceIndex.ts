/**
 * The workspace index: every policy document of a collection, read once (see extract.ts) and kept
 * current one document at a time. It answers what needs the whole collection — which document a
 * citation names, who cites a document, which documents were repealed or amended and by what,
 * documents by 发文字号 / title / pinyin initials, near-identical copies — and serialises to JSON for
 * a persisted cache. Pure: text in, plain data out.
 */
import { pinyinKeys } from '../knowledge/pinyin';
import type { PolicyDocument } from '../parse/document';
import { readEntry } from './extract';
import { numberKey, STATE_PREFIX, titleKey, titleKeys } from './normalize';
import { hammingDistance } from './simhash';
import type { Citation, DocumentEntry, IsoDate, StatusKind, StatusStatement, TextRange } from './types';

export type { Citation, CitationKind, DocumentEntry, IsoDate, StatusKind, StatusStatement, TextPosition, TextRange } from './types';

/** The format of `toJSON`; a cache of another version is not loaded. */
export const INDEX_FORMAT = 2;

/** A range as `[start line, start character, end line, end character]`: a cache of 20,000 documents holds hundreds of thousands. */
export type PackedRange = [number, number, number, number];
type Packed<T> = { [K in keyof T]: T[K] extends TextRange | undefined ? PackedRange | Extract<T[K], undefined> : T[K] extends Citation[] ? Packed<Citation>[] : T[K] extends StatusStatement[] ? Packed<StatusStatement>[] : T[K] };
/** A document as the cache stores it: the entry with packed ranges, and its stamp. */
export type SerializedEntry = Packed<DocumentEntry> & { stamp?: string };

export interface SerializedIndex {
  format: number;
  documents: SerializedEntry[];
}

const pack = (range: TextRange): PackedRange => [range.start.line, range.start.character, range.end.line, range.end.character];
const unpack = (range: PackedRange): TextRange => ({ start: { line: range[0], character: range[1] }, end: { line: range[2], character: range[3] } });

function packCitation(citation: Citation): Packed<Citation> {
  const { range, titleRange, numberRange, ...rest } = citation;
  return { ...rest, range: pack(range), ...(titleRange ? { titleRange: pack(titleRange) } : {}), ...(numberRange ? { numberRange: pack(numberRange) } : {}) };
}

function unpackCitation(citation: Packed<Citation>): Citation {
  const { range, titleRange, numberRange, ...rest } = citation;
  return { ...rest, range: unpack(range), ...(titleRange ? { titleRange: unpack(titleRange) } : {}), ...(numberRange ? { numberRange: unpack(numberRange) } : {}) };
}

function packEntry(entry: DocumentEntry, stamp: string | undefined): SerializedEntry {
  const { titleRange, numberRange, citations, statements, ...rest } = entry;
  return {
    ...rest,
    ...(titleRange ? { titleRange: pack(titleRange) } : {}),
    ...(numberRange ? { numberRange: pack(numberRange) } : {}),
    citations: citations.map(packCitation),
    statements: statements.map(({ range, names, ...statement }) => ({ ...statement, range: pack(range), names: names.map(packCitation) })),
    ...(stamp !== undefined ? { stamp } : {}),
  };
}

function unpackEntry(packed: SerializedEntry): DocumentEntry {
  const { titleRange, numberRange, citations, statements, stamp: _stamp, ...rest } = packed;
  return {
    ...rest,
    ...(titleRange ? { titleRange: unpack(titleRange) } : {}),
    ...(numberRange ? { numberRange: unpack(numberRange) } : {}),
    citations: citations.map(unpackCitation),
    statements: statements.map(({ range, names, ...statement }) => ({ ...statement, range: unpack(range), names: names.map(unpackCitation) })),
  };
}

/** A citation in one document and where it is. */
export interface Reference {
  uri: string;
  citation: Citation;
}

export type DocumentState = 'in-force' | 'amended' | 'repealed';

export interface StatusBy {
  /** The document that makes the statement. */
  uri: string;
  title?: string;
  kind: StatusKind;
  verb: string;
  /** When: the date the statement gives, else the stating document's date. */
  date?: IsoDate;
  /** The statement's sentence in the stating document. */
  range: TextRange;
  /** The issue day the statement gives the document (`1997年7月7日国务院发布的《…》同时废止`). */
  issued?: IsoDate;
}

export interface DocumentStatus {
  state: DocumentState;
  /** Statements of other documents naming this one, repeals first, then by date. */
  by: StatusBy[];
}

export type SymbolMatch = 'number' | 'title' | 'pinyin' | 'cli-code';

export interface DocumentMatch {
  entry: DocumentEntry;
  matched: SymbolMatch;
}

export interface SimilarDocument {
  uri: string;
  /** Bits in which the fingerprints differ (0–64). */
  distance: number;
  /** 1 − distance / 64. */
  similarity: number;
}

const VALUE_KEYS = ['categories', 'tags'] as const;
type ValueKey = (typeof VALUE_KEYS)[number];

/** Fingerprints at most this many bits apart are the same text (see simhash.ts). */
export const DUPLICATE_DISTANCE = 3;
/** Four 16-bit bands: two fingerprints within 3 bits agree on at least one band. */
const BANDS = 4;

type Parse = (uri: string, text: string) => PolicyDocument;

/** The keys a document is looked up by from citations: `n:` its 发文字号, `t:` its title (see resolve). */
function citedKeys(citations: readonly Citation[]): Set<string> {
  const keys = new Set<string>();
  for (const citation of citations) {
    if (citation.number !== undefined) keys.add(`n:${numberKey(citation.number)}`);
    if (citation.title !== undefined) {
      const key = titleKey(citation.title);
      keys.add(`t:${key}`);
      if (key.startsWith(STATE_PREFIX)) keys.add(`t:${key.slice(STATE_PREFIX.length)}`);
    }
  }
  return keys;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, DocumentEntry>();
  private readonly stamps = new Map<string, string>();
  private readonly byNumber = new Map<string, Set<string>>();
  private readonly byTitle = new Map<string, Set<string>>();
  private readonly bands = Array.from({ length: BANDS }, () => new Map<string, Set<string>>());
  private readonly initials = new Map<string, string>();
  /** Who cites, and who makes a statement on, a number or title key (`n:…`, `t:…`): references and status read only those documents. */
  private readonly citedBy = new Map<string, Set<string>>();
  private readonly statedBy = new Map<string, Set<string>>();
  private generationCount = 0;
  private readonly valueCounts: Record<ValueKey, Map<string, number>> = { categories: new Map(), tags: new Map() };

  /** `parse` reads a text into the model (the service's `parse`, so the project's config applies, or `parseDocument`). */
  constructor(private readonly parse: Parse) {}

  /** Adds or replaces a document from its text; `stamp` (e.g. mtime and size) is kept for the cache. */
  update(uri: string, text: string, stamp?: string): DocumentEntry {
    return this.updateParsed(this.parse(uri, text), stamp);
  }

  /** Adds or replaces a document already parsed (an open editor's). */
  updateParsed(doc: PolicyDocument, stamp?: string): DocumentEntry {
    const entry = readEntry(doc);
    this.add(entry, stamp);
    return entry;
  }

  /** Adds or replaces a document from an entry read elsewhere (a worker thread, see server/src/indexing/build.ts), without parsing. */
  add(entry: DocumentEntry, stamp?: string): void {
    const previous = this.entries.get(entry.uri);
    if (previous) this.unkey(previous);
    this.entries.set(entry.uri, entry);
    if (stamp === undefined) this.stamps.delete(entry.uri);
    else this.stamps.set(entry.uri, stamp);
    if (entry.number) addTo(this.byNumber, numberKey(entry.number), entry.uri);
    if (entry.title) for (const key of titleKeys(entry.title)) addTo(this.byTitle, key, entry.uri);
    if (entry.fingerprint) this.bands.forEach((band, i) => addTo(band, entry.fingerprint!.slice(i * 4, i * 4 + 4), entry.uri));
    for (const key of citedKeys(entry.citations)) addTo(this.citedBy, key, entry.uri);
    for (const key of citedKeys(entry.statements.flatMap((statement) => statement.names))) addTo(this.statedBy, key, entry.uri);
    this.countValues(entry, 1);
    this.changed();
  }

  remove(uri: string): boolean {
    const entry = this.entries.get(uri);
    if (!entry) return false;
    this.unkey(entry);
    this.entries.delete(uri);
    this.stamps.delete(uri);
    this.changed();
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Increases with every change: callers cache what they derive from the index by it. */
  get generation(): number {
    return this.generationCount;
  }

  get(uri: string): DocumentEntry | undefined {
    return this.entries.get(uri);
  }

  stamp(uri: string): string | undefined {
    return this.stamps.get(uri);
  }

  documents(): IterableIterator<DocumentEntry> {
    return this.entries.values();
  }

  // ---- persistence ----

  /** The cache: every entry with its stamp, ranges packed as arrays (see SerializedEntry). */
  toJSON(): SerializedIndex {
    return { format: INDEX_FORMAT, documents: [...this.entries.values()].map((entry) => packEntry(entry, this.stamps.get(entry.uri))) };
  }

  /** An index from a cache written by `toJSON`, nothing parsed again; null when the cache is of another format or not one at all. */
  static fromJSON(data: unknown, parse: Parse): WorkspaceIndex | null {
    const entries = WorkspaceIndex.entriesFromJSON(data);
    if (!entries) return null;
    const index = new WorkspaceIndex(parse);
    for (const { entry, stamp } of entries) index.add(entry, stamp);
    return index;
  }

  /** The entries of a cache written by `toJSON`, unpacked but not indexed (a host that takes only some of them); null as for fromJSON. */
  static entriesFromJSON(data: unknown): { entry: DocumentEntry; stamp?: string }[] | null {
    const cache = data as SerializedIndex | null;
    if (!cache || typeof cache !== 'object' || cache.format !== INDEX_FORMAT || !Array.isArray(cache.documents)) return null;
    const entries: { entry: DocumentEntry; stamp?: string }[] = [];
    for (const packed of cache.documents) {
      if (typeof packed?.uri !== 'string' || !Array.isArray(packed.citations) || !Array.isArray(packed.statements)) return null;
      entries.push({ entry: unpackEntry(packed), stamp: packed.stamp });
    }
    return entries;
  }

  // ---- lookups ----

  /** Documents whose own 发文字号 is `number` (in any bracket, spacing or digit width). */
  byDocNumber(number: string): DocumentEntry[] {
    return this.entriesOf(this.byNumber.get(numberKey(number)));
  }

  /** Documents titled `title` (also `《行政许可法》` for 中华人民共和国行政许可法), latest first. */
  byDocTitle(title: string): DocumentEntry[] {
    const key = titleKey(title);
    const found = this.byTitle.get(key) ?? this.byTitle.get(STATE_PREFIX + key);
    return this.entriesOf(found).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  }

  /**
   * The documents a citation names: by its 发文字号 when it has one the workspace knows, else by its
   * title. Never the citing document itself (`from`).
   */
  resolve(citation: Citation, from?: string): DocumentEntry[] {
    if (citation.number !== undefined) {
      const found = this.byDocNumber(citation.number).filter((entry) => entry.uri !== from);
      if (found.length > 0) return found;
    }
    if (citation.title !== undefined) return this.byDocTitle(citation.title).filter((entry) => entry.uri !== from);
    return [];
  }

  /** The citations in other documents that name `uri`. */
  references(uri: string): Reference[] {
    const entry = this.entries.get(uri);
    if (!entry) return [];
    const found: Reference[] = [];
    for (const citing of this.candidates(this.citedBy, entry)) {
      if (citing === uri) continue;
      for (const citation of this.entries.get(citing)!.citations) {
        if (this.resolve(citation, citing).some((target) => target.uri === uri)) found.push({ uri: citing, citation });
      }
    }
    return found;
  }

  /** What the workspace says of a document: repealed or amended by which documents and when, else in force. */
  status(uri: string): DocumentStatus {
    const entry = this.entries.get(uri);
    const by: StatusBy[] = [];
    for (const stating of entry ? this.candidates(this.statedBy, entry) : []) {
      const from = this.entries.get(stating)!;
      if (stating === uri) continue;
      for (const statement of from.statements) {
        if (!this.statementTargets(statement, from).some((target) => target.uri === uri)) continue;
        const date = statement.effective ?? from.date;
        const issued = statement.names.find((name) => name.issued && this.resolve(name, stating).some((target) => target.uri === uri))?.issued;
        by.push({ uri: stating, ...(from.title ? { title: from.title } : {}), kind: statement.kind, verb: statement.verb, ...(date ? { date } : {}), range: statement.range, ...(issued ? { issued } : {}) });
      }
    }
    by.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'repeal' ? -1 : 1) || (a.date ?? '').localeCompare(b.date ?? '') || a.uri.localeCompare(b.uri));
    const state: DocumentState = by.some((found) => found.kind === 'repeal') ? 'repealed' : by.length > 0 ? 'amended' : 'in-force';
    return { state, by };
  }

  /**
   * Documents found by a query as typed in a symbol search: a 发文字号 (or part of one), a title or part
   * of it, the title's pinyin initials matched anywhere (`xzxkf` → 中华人民共和国行政许可法), a 法宝引证码.
   * Best first: exact, then prefix, then anywhere; then shorter titles.
   */
  search(query: string, limit = 100): DocumentMatch[] {
    const typed = query.trim();
    if (typed === '') return [];
    const scored: { match: DocumentMatch; score: number }[] = [];
    const latin = /^[a-z]+$/i.test(typed);
    const key = titleKey(typed);
    const numberQuery = numberKey(typed).replace(/号$/, '');
    const upper = typed.toUpperCase();
    const rank = (value: string, part: string) => (value === part ? 0 : value.startsWith(part) ? 1 : value.includes(part) ? 2 : -1);
    for (const entry of this.entries.values()) {
      let best: { matched: SymbolMatch; score: number } | undefined;
      const consider = (matched: SymbolMatch, score: number) => {
        if (score >= 0 && (!best || score < best.score)) best = { matched, score };
      };
      if (entry.number) consider('number', rank(numberKey(entry.number), numberQuery));
      if (entry.title) {
        consider('title', rank(titleKey(entry.title), key));
        if (latin) consider('pinyin', rank(this.initialsOf(entry), typed.toLowerCase()) + 0.5);
      }
      if (entry.cliCode) consider('cli-code', rank(entry.cliCode.toUpperCase(), upper));
      if (best) scored.push({ match: { entry, matched: best.matched }, score: best.score });
    }
    scored.sort((a, b) => a.score - b.score || (a.match.entry.title?.length ?? 999) - (b.match.entry.title?.length ?? 999) || a.match.entry.uri.localeCompare(b.match.entry.uri));
    return scored.slice(0, limit).map((found) => found.match);
  }

  /** How many documents carry each `categories` (or `tags`) value, kept as entries change. */
  counts(key: ValueKey): ReadonlyMap<string, number> {
    return this.valueCounts[key];
  }

  /** Distinct `categories` (or `tags`) of the workspace, most used first. */
  values(key: ValueKey): { value: string; count: number }[] {
    return [...this.valueCounts[key]].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }

  /** Documents whose body is nearly the same text as `uri`'s (fingerprints at most `maxDistance` bits apart). */
  similar(uri: string, maxDistance = DUPLICATE_DISTANCE): SimilarDocument[] {
    const fingerprint = this.entries.get(uri)?.fingerprint;
    if (!fingerprint) return [];
    const seen = new Set<string>([uri]);
    const found: SimilarDocument[] = [];
    this.bands.forEach((band, i) => {
      for (const other of band.get(fingerprint.slice(i * 4, i * 4 + 4)) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const distance = hammingDistance(fingerprint, this.entries.get(other)!.fingerprint!);
        if (distance <= maxDistance) found.push({ uri: other, distance, similarity: 1 - distance / 64 });
      }
    });
    return found.sort((a, b) => a.distance - b.distance || a.uri.localeCompare(b.uri));
  }

  // ---- internals ----

  private unkey(entry: DocumentEntry): void {
    if (entry.number) removeFrom(this.byNumber, numberKey(entry.number), entry.uri);
    if (entry.title) for (const key of titleKeys(entry.title)) removeFrom(this.byTitle, key, entry.uri);
    if (entry.fingerprint) this.bands.forEach((band, i) => removeFrom(band, entry.fingerprint!.slice(i * 4, i * 4 + 4), entry.uri));
    for (const key of citedKeys(entry.citations)) removeFrom(this.citedBy, key, entry.uri);
    for (const key of citedKeys(entry.statements.flatMap((statement) => statement.names))) removeFrom(this.statedBy, key, entry.uri);
    this.initials.delete(entry.uri);
    this.countValues(entry, -1);
  }

  /** Keeps the counts of categories and tags as entries come and go: completion reads them on every keystroke. */
  private countValues(entry: DocumentEntry, by: 1 | -1): void {
    for (const key of VALUE_KEYS) {
      const counts = this.valueCounts[key];
      for (const value of new Set(entry[key])) {
        const count = (counts.get(value) ?? 0) + by;
        if (count > 0) counts.set(value, count);
        else counts.delete(value);
      }
    }
  }

  private changed(): void {
    this.generationCount++;
  }

  /** The documents that name `entry` by one of its keys, in `keys` (citedBy or statedBy). */
  private candidates(keys: Map<string, Set<string>>, entry: DocumentEntry): Set<string> {
    const found = new Set<string>();
    const own = [...(entry.number ? [`n:${numberKey(entry.number)}`] : []), ...(entry.title ? titleKeys(entry.title).map((key) => `t:${key}`) : [])];
    for (const key of own) for (const uri of keys.get(key) ?? []) found.add(uri);
    return found;
  }

  private entriesOf(uris: Set<string> | undefined): DocumentEntry[] {
    return uris ? [...uris].map((uri) => this.entries.get(uri)!) : [];
  }

  private initialsOf(entry: DocumentEntry): string {
    let initials = this.initials.get(entry.uri);
    if (initials === undefined) {
      initials = entry.title ? pinyinKeys(entry.title).initials : '';
      this.initials.set(entry.uri, initials);
    }
    return initials;
  }

  /** The documents a status statement names: never the stating one, nor (by title) a version dated after the statement. */
  statementTargets(statement: StatusStatement, from: DocumentEntry): DocumentEntry[] {
    const when = statement.effective ?? from.date;
    const targets = new Map<string, DocumentEntry>();
    for (const name of statement.names) {
      for (const target of this.resolve(name, from.uri)) {
        const byTitleOnly = name.number === undefined || this.byDocNumber(name.number).length === 0;
        if (byTitleOnly && when && target.date && target.date >= when) continue;
        targets.set(target.uri, target);
      }
    }
    return [...targets.values()];
  }
}
