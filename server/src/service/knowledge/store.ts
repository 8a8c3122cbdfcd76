import type { KnowledgeKind } from './data';
import { Knowledge } from './knowledge';
import { loadUserKnowledge, type KnowledgeProblem, type UserAgency, type UserTerm } from './userKnowledge';

/**
 * The one registry every feature and rule reads: the shipped data merged with the user's
 * `.policydoc/agencies.yaml` and `.policydoc/terms.yaml`, re-indexed only when a user file changes.
 */
export class KnowledgeStore {
  private readonly userAgencies = new Map<string, UserAgency[]>();
  private readonly userTerms = new Map<string, UserTerm[]>();
  private merged: Knowledge | undefined;

  current(): Knowledge {
    this.merged ??= Knowledge.merge([...this.userAgencies.values()].flat(), [...this.userTerms.values()].flat());
    return this.merged;
  }

  /** Reads a user file given by its uri (`null` text forgets it) and returns the problems of its entries. */
  setUserFile(kind: KnowledgeKind, uri: string, text: string | null): KnowledgeProblem[] {
    this.merged = undefined;
    const files = kind === 'agencies' ? this.userAgencies : this.userTerms;
    if (text === null) {
      files.delete(uri);
      return [];
    }
    const loaded = loadUserKnowledge(kind, text);
    (files as Map<string, unknown[]>).set(uri, loaded.entries);
    return loaded.problems;
  }
}
