import type { Agency } from './data';
import { pinyinKeys } from './pinyin';
import { SurfaceIndex, type SurfaceMatch } from './surfaceIndex';

export type NameForm = 'name' | 'short' | 'informal';

/** A name found in the registry: which agency, and whether it is the formal, a short or an informal form. */
export interface NameHit {
  agency: Agency;
  form: NameForm;
}

/** How well a typed word matched, best first: exact prefix > pinyin initials > full pinyin > fuzzy. */
export const MatchRank = { Prefix: 0, Initials: 1, Pinyin: 2, Fuzzy: 3 } as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

export interface AgencyMatch {
  agency: Agency;
  /** The name form that matched. */
  surface: string;
  form: NameForm;
  rank: MatchRank;
  /** The key the typed word matched (the name itself, its pinyin or its initials). */
  key: string;
  /** Position of the agency in the registry, for stable ordering. */
  order: number;
}

interface NameSurface extends NameHit {
  surface: string;
  order: number;
}

interface NameKey extends NameSurface {
  full: string;
  initials: string;
}

const LATIN = /^[a-z]+$/;


/** The agency registry, indexed once by every name form, 代字 and pinyin. */
export class AgencyIndex {
  readonly names = new SurfaceIndex<NameHit>();
  private readonly byName = new Map<string, Agency>();
  private readonly surfaces: NameSurface[] = [];
  /** Pinyin keys of every name, computed on the first search: only completion needs them. */
  private pinyinIndex: NameKey[] | undefined;
  /** Every prefix of every name, to tell how much of a run of CJK text the user is typing. */
  private readonly namePrefixes = new Set<string>();
  /** Informal names that other organs bear too: its counterparts in provinces and counties (发改委, 扶贫办) or abroad (央行). */
  private readonly shared = new Set<string>();
  readonly maxNameLength: number;

  constructor(readonly agencies: readonly Agency[]) {
    agencies.forEach((agency, order) => {
      this.byName.set(agency.name, agency);
      const forms: [string, NameForm][] = [
        [agency.name, 'name'],
        ...agency.short.map((surface): [string, NameForm] => [surface, 'short']),
        ...agency.informal.map((surface): [string, NameForm] => [surface, 'informal']),
      ];
      for (const [surface, form] of forms) {
        this.names.set(surface, { agency, form });
        this.surfaces.push({ agency, form, surface, order });
        for (let i = 1; i <= surface.length; i++) this.namePrefixes.add(surface.slice(0, i));
      }
    });
    for (const agency of agencies) for (const name of agency.shared ?? []) this.shared.add(name);
    this.maxNameLength = Math.max(0, ...this.surfaces.map((entry) => entry.surface.length));
  }

  byFormalName(name: string): Agency | undefined {
    return this.byName.get(name);
  }

  /** The agency that bears a name in any form. */
  find(surface: string): NameHit | undefined {
    return this.names.get(surface);
  }

  /** Every name of the registry in `text[from, to)`, leftmost and longest first, read in one pass. */
  scan(text: string, from?: number, to?: number): Generator<SurfaceMatch<NameHit>> {
    return this.names.scan(text, from, to);
  }

  /**
   * True for a name that other organs bear too (发改委 and 扶贫办 in every province and county, 央行
   * in every country): by itself it does not say which organ is meant, so it is neither informal nor outdated.
   */
  isShared(surface: string): boolean {
    return this.shared.has(surface);
  }

  /** The form to write for an agency: its first accepted short name, else the formal name. */
  preferredName(agency: Agency): string {
    return agency.short[0] ?? agency.name;
  }

  /** The chain of successors of a former organ, nearest first (bounded against cycles in user data). */
  successors(agency: Agency): Agency[] {
    const chain: Agency[] = [];
    let current = agency;
    while (current.successor && chain.length < 8) {
      const next = this.byName.get(current.successor);
      if (!next || chain.includes(next)) break;
      chain.push(next);
      current = next;
    }
    return chain;
  }

  /** True when the organ no longer bore its names on `date` (YYYY-MM-DD). */
  isOutdatedAt(agency: Agency, date: string): boolean {
    return agency.until !== undefined && date >= firstDayAfter(agency.until);
  }

  /** The successors of a former organ up to the first one that still bore its name on `date` (YYYY-MM-DD), nearest first. */
  successionAt(agency: Agency, date: string): Agency[] {
    const chain: Agency[] = [];
    for (const next of this.successors(agency)) {
      chain.push(next);
      if (!this.isOutdatedAt(next, date)) break;
    }
    return chain;
  }

  /** Length of the longest end of `run` that begins some agency name (what the user is typing in CJK). */
  typedNameLength(run: string): number {
    for (let length = Math.min(run.length, this.maxNameLength); length > 0; length--) {
      if (this.namePrefixes.has(run.slice(run.length - length))) return length;
    }
    return 0;
  }

  /** Two matches of one agency: the better rank, then the form to write (退役军 offers 退役军人事务部, not 退役军人部), then the closer key. */
  private compareForms(a: AgencyMatch, b: AgencyMatch): number {
    const preferred = this.preferredName(a.agency);
    return a.rank - b.rank || Number(b.surface === preferred) - Number(a.surface === preferred) || compareMatches(a, b);
  }

  /** Agencies matching a typed word (CJK or Latin pinyin), ranked: per agency the best formal-name match and the best match of its other names. */
  search(typed: string, limit: number): { matches: AgencyMatch[]; total: number } {
    const word = typed.toLowerCase();
    const latin = LATIN.test(word);
    // One best match per agency for its formal name and one for its other names: `rmyh` offers both 人民银行 and 中国人民银行.
    const best = new Map<string, AgencyMatch>();
    this.pinyinIndex ??= this.surfaces.map((entry) => ({ ...entry, ...pinyinKeys(entry.surface) }));
    for (const key of this.pinyinIndex) {
      const match = latin ? matchLatin(word, key) : matchCjk(word, key);
      if (!match) continue;
      const slot = `${key.order}:${key.form === 'name' ? 'name' : 'other'}`;
      const previous = best.get(slot);
      const candidate: AgencyMatch = { agency: key.agency, surface: key.surface, form: key.form, order: key.order, ...match };
      if (!previous || this.compareForms(candidate, previous) < 0) best.set(slot, candidate);
    }
    const matches = [...best.values()].sort(compareMatches);
    return { matches: matches.slice(0, limit), total: matches.length };
  }
}

/**
 * The first day (YYYY-MM-DD) on which a name that ended on `until` was certainly no longer right:
 * the day itself for a full date; for a month or a year, the day after it (the name may have been
 * right on any day of that month or year).
 */
export function firstDayAfter(until: string): string {
  const [year, month, day] = until.split('-').map(Number);
  if (day) return until;
  if (month) return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return `${year + 1}-01-01`;
}

function matchCjk(word: string, key: NameKey): { rank: MatchRank; key: string } | undefined {
  if (key.surface.startsWith(word)) return { rank: MatchRank.Prefix, key: key.surface };
  if (word.length >= 2 && key.surface.includes(word)) return { rank: MatchRank.Fuzzy, key: key.surface };
  return undefined;
}

function matchLatin(word: string, key: NameKey): { rank: MatchRank; key: string } | undefined {
  if (key.initials.startsWith(word)) return { rank: MatchRank.Initials, key: key.initials };
  if (key.full.startsWith(word)) return { rank: MatchRank.Pinyin, key: key.full };
  if (word.length >= 2 && word[0] === key.full[0] && isSubsequence(word, key.full)) return { rank: MatchRank.Fuzzy, key: key.full };
  // Inside the name: `nyj` for 国家能源局, `xczxj` for 国家乡村振兴局 (people leave out 国家, 中华人民共和国 …).
  if (word.length >= 3 && key.initials.includes(word)) return { rank: MatchRank.Fuzzy, key: key.initials };
  if (word.length >= 4 && key.full.includes(word)) return { rank: MatchRank.Fuzzy, key: key.full };
  return undefined;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) if (haystack[j] === needle[i]) i++;
  return i === needle.length;
}

/** Rank, then current organs before former ones, then the shorter key (closer to what was typed), then registry order. */
export function compareMatches(a: AgencyMatch, b: AgencyMatch): number {
  return a.rank - b.rank || Number(!!a.agency.until) - Number(!!b.agency.until) || a.key.length - b.key.length || a.order - b.order;
}
