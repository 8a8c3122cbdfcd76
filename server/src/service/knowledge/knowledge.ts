import { AgencyIndex } from './agencyIndex';
import { CodeIndex } from './codeIndex';
import { DOC_KINDS, MINED_CODES, normalizeAgency, normalizeTerm, SHIPPED_AGENCIES, SHIPPED_TERMS, type Agency, type Term } from './data';
import { SurfaceIndex } from './surfaceIndex';
import type { UserAgency, UserTerm } from './userKnowledge';

/** The agency registry and the glossary, shipped data merged with the user's files, indexed once. */
export class Knowledge {
  readonly agencies: AgencyIndex;
  /** Every known 代字: the registry's and the table mined from real documents. */
  readonly codes: CodeIndex;
  /** Every term and alias → its term. */
  readonly terms = new SurfaceIndex<Term>();

  constructor(agencies: readonly Agency[], terms: readonly Term[]) {
    this.agencies = new AgencyIndex(agencies);
    this.codes = new CodeIndex(this.agencies, MINED_CODES, DOC_KINDS);
    for (const term of terms) {
      this.terms.set(term.term, term);
      for (const alias of term.aliases) this.terms.set(alias, term);
    }
  }

  /** Shipped data extended by user entries: an entry with a shipped name overrides the fields it gives. */
  static merge(userAgencies: readonly UserAgency[], userTerms: readonly UserTerm[]): Knowledge {
    if (userAgencies.length === 0 && userTerms.length === 0) return shipped();
    return new Knowledge(mergeBy(SHIPPED_AGENCIES, userAgencies, (a) => a.name, (base, user) => normalizeAgency({ ...base, ...user, kind: user.kind ?? base?.kind ?? '' })),
      mergeBy(SHIPPED_TERMS, userTerms, (t) => t.term, (base, user) => normalizeTerm({ ...base, ...user })));
  }
}

function mergeBy<T, U>(base: readonly T[], user: readonly U[], keyOf: (entry: T | U) => string, combine: (base: T | undefined, user: U) => T): T[] {
  const merged = new Map(base.map((entry) => [keyOf(entry), entry] as const));
  for (const entry of user) merged.set(keyOf(entry), combine(merged.get(keyOf(entry)), entry));
  return [...merged.values()];
}

let shippedKnowledge: Knowledge | undefined;

/** The shipped data, indexed on first use and shared by every service instance. */
export function shipped(): Knowledge {
  shippedKnowledge ??= new Knowledge(SHIPPED_AGENCIES, SHIPPED_TERMS);
  return shippedKnowledge;
}
