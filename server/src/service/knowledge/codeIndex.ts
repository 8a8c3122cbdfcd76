import type { KnownCodes } from '../parse/agencyCode';
import type { Agency } from './data';
import type { AgencyIndex } from './agencyIndex';

/** A row of the 代字 table mined from real documents (`server/data/doc-codes.json`, `npm run mine`). */
export interface MinedCode {
  code: string;
  /** The organ that issues under this 代字, as the documents name it; absent where they do not tell. */
  agency?: string;
  /** First and last year seen. */
  years: [number, number];
  count: number;
  /** A real 发文字号 with this 代字, and the corpus document it comes from. */
  example: string;
  doc: string;
}

/** What the ending of a 代字 says about the document (`server/data/doc-kinds.json`). */
export interface DocKind {
  suffix: string;
  zh: string;
  en: string;
  example: string;
  /** Words ending in the suffix that are not this kind (康复 is not 批复). */
  notAfter?: string[];
}

/** What is known of a 代字: its organ from the registry or from the mined table, and how it was matched. */
export interface CodeEntry {
  /** The registered 代字, or the 代字 prefix that matched (exact false). */
  code: string;
  exact: boolean;
  /** The organ, when the registry holds it. */
  agency?: Agency;
  /** The organ's name as the mined table gives it, when the registry does not hold it. */
  agencyName?: string;
  mined?: MinedCode;
}

/**
 * Every known 代字: the registry's own (agencies' `codes` and `codePrefixes`, the user's included) and
 * the table mined from real documents. Registry entries win; a prefix (发改…, 商…) counts last. The
 * parser asks it too (`KnownCodes`), so what the hover and the rules know is what the parse knows.
 */
export class CodeIndex implements KnownCodes {
  private readonly exact = new Map<string, CodeEntry>();
  private longest = 0;
  private readonly prefixes: CodeEntry[] = [];
  /** Every string a typed 代字 can begin, for completion. */
  private readonly typedPrefixes = new Set<string>();
  private readonly kinds: DocKind[];
  private ordered: CodeEntry[] | undefined;

  constructor(private readonly agencies: AgencyIndex, mined: readonly MinedCode[], kinds: readonly DocKind[]) {
    for (const agency of agencies.agencies) {
      for (const prefix of agency.codePrefixes) {
        this.prefixes.push({ code: prefix, exact: false, agency });
        this.addTyped(prefix);
      }
    }
    this.prefixes.sort((a, b) => b.code.length - a.code.length);
    this.kinds = [...kinds].sort((a, b) => b.suffix.length - a.suffix.length);
    for (const row of mined) {
      const agency = row.agency === undefined ? undefined : agencies.find(row.agency)?.agency;
      this.add({ code: row.code, exact: true, mined: row, ...(agency ? { agency } : row.agency ? { agencyName: row.agency } : {}) });
    }
    for (const agency of agencies.agencies) {
      for (const code of agency.codes) this.add({ code, exact: true, agency, mined: this.exact.get(code)?.mined });
    }
    // Where the documents do not name the organ, the registry's 代字 and stems do.
    const codeStems = this.codeStems(agencies);
    for (const row of mined) {
      const entry = this.exact.get(row.code)!;
      if (!entry.agency && !entry.agencyName) Object.assign(entry, this.organOf(row, codeStems));
    }
  }

  private add(entry: CodeEntry): void {
    this.exact.set(entry.code, entry);
    this.longest = Math.max(this.longest, entry.code.length);
    this.addTyped(entry.code);
  }

  private addTyped(code: string): void {
    for (let i = 1; i <= code.length; i++) this.typedPrefixes.add(code.slice(0, i));
  }

  get size(): number {
    return this.exact.size;
  }

  /**
   * The 代字 exactly, else the longest registered prefix it extends (发改投资 → 发改), of at least
   * `minPrefix` characters: a one-character prefix (京…, 商…) tells the organ, not that the code is right.
   */
  lookup(code: string, minPrefix = 1): CodeEntry | undefined {
    return this.exact.get(code) ?? this.stemOf(code, minPrefix);
  }

  /**
   * The organ of a 代字 no document names: a registered stem of two characters or more (工信部联规 →
   * 工信), a known 代字 it extends by a kind ending (国发明电 = 国发 + 明电, 粤府办明电 = 粤府办 + 明电),
   * else the stem of a registered 代字, without its kind ending (晋政办发 on 晋政发's 晋政, 国人防办字 on
   * 国人防), else the organ's own name it begins with (中国人民银行公告) — each only where the organ existed
   * in the years the 代字 was seen (建金管 of 2005 is not 住房城乡建设部's, founded 2008). A one-character
   * stem (闽…) is not enough: 闽委办发 is not 福建省人民政府's.
   */
  private organOf(row: MinedCode, codeStems: readonly { stem: string; agency: Agency }[]): Pick<CodeEntry, 'agency' | 'agencyName'> {
    const { code } = row;
    const inTime = (agency: Agency) => existedIn(agency, row.years);
    const stem = this.stemOf(code)?.agency;
    if (stem && inTime(stem)) return { agency: stem };
    for (const kind of this.kinds) {
      if (!code.endsWith(kind.suffix) || kind.notAfter?.some((word) => code.endsWith(word))) continue;
      const base = this.exact.get(code.slice(0, code.length - kind.suffix.length));
      if (!base || base.code.length < 2) continue;
      if (base.agency && inTime(base.agency)) return { agency: base.agency };
      if (!base.agency && base.agencyName) return { agencyName: base.agencyName };
    }
    const registered = codeStems.find((entry) => code.startsWith(entry.stem) && code.length > entry.stem.length && inTime(entry.agency));
    if (registered) return { agency: registered.agency };
    // A number written with the organ's name for a 代字 (中国人民银行公告〔2024〕11号), unless a registered
    // 代字 follows the name (国务院中发: prose ran into 中发, the 代字 of 中共中央).
    for (let length = code.length; length >= 3; length--) {
      const named = this.agencies.find(code.slice(0, length))?.agency;
      if (!named || !inTime(named)) continue;
      const after = this.exact.get(code.slice(length))?.agency;
      return { agency: after ?? named };
    }
    return {};
  }

  /** Each registered 代字 without its kind ending (晋政发 → 晋政, 国人防 → 国人防), of two characters or more, longest first. */
  private codeStems(agencies: AgencyIndex): { stem: string; agency: Agency }[] {
    const stems = agencies.agencies.flatMap((agency) =>
      agency.codes.map((code) => {
        const kind = this.kinds.find((candidate) => code.endsWith(candidate.suffix) && code.length > candidate.suffix.length);
        return { stem: kind ? code.slice(0, code.length - kind.suffix.length) : code, agency };
      }),
    );
    return stems.filter((entry) => entry.stem.length >= 2).sort((a, b) => b.stem.length - a.stem.length);
  }

  private stemOf(code: string, minPrefix = 2): CodeEntry | undefined {
    return this.prefixes.find((entry) => entry.code.length >= minPrefix && code.startsWith(entry.code) && code.length > entry.code.length);
  }

  /** Listed, or extending an organ's registered stem, however short (商…, 发改…): for the parser. */
  isKnown(code: string): boolean {
    return this.exact.has(code) || this.prefixes.some((entry) => code.startsWith(entry.code));
  }

  /** The longest listed 代字 that `text` ends with: for the parser, where prose may run into a 代字. */
  knownEnd(text: string): string | undefined {
    for (let length = Math.min(text.length, this.longest); length > 0; length--) {
      const tail = text.slice(text.length - length);
      if (this.exact.has(tail)) return tail;
    }
    return undefined;
  }

  /** True when `text` is a registered 代字 prefix (京, 发改): the stem of some organ's codes. */
  isPrefix(text: string): boolean {
    return this.prefixes.some((entry) => entry.code === text);
  }

  /** Every exact 代字 and prefix, registry entries first, then mined ones by how often they were seen. */
  all(): readonly CodeEntry[] {
    this.ordered ??= [
      ...[...this.exact.values()].sort((a, b) => Number(!a.agency) - Number(!b.agency) || (b.mined?.count ?? 0) - (a.mined?.count ?? 0)),
      ...this.prefixes,
    ];
    return this.ordered;
  }

  /** The kind of document the 代字's ending tells (发, 函, 办发, 明电 …). */
  kindOf(code: string): DocKind | undefined {
    return this.kinds.find((kind) => code.endsWith(kind.suffix) && code.length > kind.suffix.length && !kind.notAfter?.some((word) => code.endsWith(word)));
  }

  /** Length of the longest end of `run` that begins a known 代字 or extends a 代字 prefix (what the user is typing). */
  typedLength(run: string): number {
    for (let length = Math.min(run.length, 12); length > 0; length--) {
      const tail = run.slice(run.length - length);
      if (this.typedPrefixes.has(tail) || this.prefixes.some((entry) => tail.startsWith(entry.code))) return length;
    }
    return 0;
  }
}

/** Whether the organ existed at some time in `years` (first and last year seen), by its founding and end years. */
function existedIn(agency: Agency, [first, last]: readonly [number, number]): boolean {
  const founded = agency.founded ? Number(agency.founded.slice(0, 4)) : -Infinity;
  const until = agency.until ? Number(agency.until.slice(0, 4)) : Infinity;
  return last >= founded && first <= until;
}
