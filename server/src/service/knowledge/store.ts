import type { KnowledgeKind } from './data';
import { shippedBoilerplate, type BoilerplatePattern, type BoilerplatePatterns } from '../parse/boilerplate/patterns';
import { Knowledge } from './knowledge';
import { loadUserKnowledge, type KnowledgeProblem, type UserAgency, type UserTerm } from './userKnowledge';

/**
 * The one registry every feature and rule reads: the shipped data merged with the user's
 * `.policydoc/agencies.yaml` and `.policydoc/terms.yaml`, re-indexed only when a user file changes;
 * and the boilerplate patterns extended by `.policydoc/boilerplate.yaml`, which the parser uses.
 */
export class KnowledgeStore {
  private readonly userAgencies = new Map<string, UserAgency[]>();
  private readonly userTerms = new Map<string, UserTerm[]>();
  private readonly userPatterns = new Map<string, BoilerplatePattern[]>();
  private merged: Knowledge | undefined;
  private patterns: BoilerplatePatterns | undefined;

  current(): Knowledge {
    this.merged ??= Knowledge.merge([...this.userAgencies.values()].flat(), [...this.userTerms.values()].flat());
    return this.merged;
  }

  /** The boilerplate patterns in force: shipped, then the user's. */
  boilerplate(): BoilerplatePatterns {
    this.patterns ??= shippedBoilerplate().extend([...this.userPatterns.values()].flat());
    return this.patterns;
  }

  /** Reads a user file given by its uri (`null` text forgets it) and returns the problems of its entries. */
  setUserFile(kind: KnowledgeKind, uri: string, text: string | null): KnowledgeProblem[] {
    if (kind === 'boilerplate') this.patterns = undefined;
    else this.merged = undefined;
    const files = kind === 'agencies' ? this.userAgencies : kind === 'terms' ? this.userTerms : this.userPatterns;
    if (text === null) {
      files.delete(uri);
      return [];
    }
    const loaded = loadUserKnowledge(kind, text);
    (files as Map<string, unknown[]>).set(uri, loaded.entries);
    return loaded.problems;
  }
}
