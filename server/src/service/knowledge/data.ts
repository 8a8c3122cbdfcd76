import agencyData from '../../../data/agencies.json';
import docCodeData from '../../../data/doc-codes.json';
import docKindData from '../../../data/doc-kinds.json';
import termData from '../../../data/terms.json';
import type { DocKind, MinedCode } from './codeIndex';
import type { Message } from '../types';

/** One organ of the registry (shipped in `server/data/agencies.json` or from `.policydoc/agencies.yaml`). */
export interface Agency {
  /** The formal name. */
  name: string;
  en?: string;
  /** Accepted short names (规范简称), e.g. 国家发展改革委. */
  short: string[];
  /** Informal names that should be written in a formal form, e.g. 国家发改委. */
  informal: string[];
  /** Informal names that local organs bear too (发改委 of a city): never reported, since the text may mean those. */
  shared?: string[];
  /** Exact 发文代字, e.g. 国开办发. */
  codes: string[];
  /** 代字 that a department's own letters follow, e.g. 发改 (发改投资), 商 (商财函). */
  codePrefixes: string[];
  kind: string;
  /** Formal name of the parent organ. */
  parent?: string;
  founded?: string;
  /** When the organ ceased to exist under this name. */
  until?: string;
  /** Formal name of the organ that took over. */
  successor?: string;
  note?: Message;
  source?: string;
  /** prh-style: real sentences, the date of their document, and what agency-name says of the name in them (a data test runs them). */
  examples?: AgencyExample[];
  /** True for an entry from the user's `.policydoc/agencies.yaml`. */
  user?: boolean;
}

export interface AgencyExample {
  text: string;
  date: string;
  expect: 'informal' | 'outdated' | 'historic' | 'silent';
  source: string;
}

export interface Term {
  term: string;
  aliases: string[];
  zh?: string;
  en?: string;
  /** The document or occasion that introduced or defined it. */
  source?: string;
  /** Matched only inside “…”: the bare words are also ordinary text (标准地 in 标准地址, 九五 in 一九九五). */
  quoted?: boolean;
  /** In how many documents of the corpus it was counted (`scripts/mine/terms.ts`); the glossary is ordered by it. */
  documents?: number;
  /** A real sentence that holds it, and the corpus document it comes from: it doubles as a test. */
  example?: { doc: string; text: string };
  user?: boolean;
}

export type KnowledgeKind = 'agencies' | 'terms' | 'boilerplate';

/** Where a project keeps its own knowledge, relative to its root; read by the server and the CLI. */
export const USER_KNOWLEDGE_FILES: Record<KnowledgeKind, string> = {
  agencies: '.policydoc/agencies.yaml',
  terms: '.policydoc/terms.yaml',
  boilerplate: '.policydoc/boilerplate.yaml',
};

interface RawAgency extends Partial<Omit<Agency, 'name' | 'kind'>> {
  name: string;
  kind: string;
}

export function normalizeAgency(raw: RawAgency): Agency {
  return {
    ...raw,
    short: raw.short ?? [],
    informal: raw.informal ?? [],
    codes: raw.codes ?? [],
    codePrefixes: raw.codePrefixes ?? [],
  };
}

export function normalizeTerm(raw: Partial<Term> & { term: string }): Term {
  return { ...raw, aliases: raw.aliases ?? [] };
}

export const SHIPPED_AGENCIES: readonly Agency[] = (agencyData.agencies as RawAgency[]).map(normalizeAgency);
export const SHIPPED_TERMS: readonly Term[] = (termData.terms as Term[]).map(normalizeTerm);
export const MINED_CODES: readonly MinedCode[] = docCodeData.codes as MinedCode[];
export const DOC_KINDS: readonly DocKind[] = docKindData.kinds;
