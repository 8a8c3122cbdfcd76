/** A surface found in a text by `SurfaceIndex.scan`. */
export interface SurfaceMatch<T> {
  start: number;
  end: number;
  surface: string;
  value: T;
}

/**
 * Two UTF-16 code units as one number: a map key that needs no new string. The second unit's low 14
 * bits only, so the key stays a small integer (a larger one is boxed on every look-up); pairs that
 * share a key merely share their list of lengths.
 */
const pairAt = (text: string, at: number) => (text.charCodeAt(at) << 14) | (text.charCodeAt(at + 1) & 0x3fff);

/** A set of surface strings (names, terms) that finds the longest one covering a position in a text. */
export class SurfaceIndex<T> {
  private readonly map = new Map<string, T>();
  /** Distinct surface lengths, longest first. */
  private lengths: number[] = [];
  /** For each first two characters (as one number, see pairAt), the lengths of the surfaces that start with them, longest first. */
  private readonly lengthsByStart = new Map<number, number[]>();
  /** 1 for each UTF-16 code unit that begins some surface: most letters of a text begin none. */
  private readonly firstUnits = new Uint8Array(0x10000);
  /** Likewise for the second unit of a surface: together they spare most look-ups of the pair. */
  private readonly secondUnits = new Uint8Array(0x10000);

  /** Later additions of the same surface win (user data overrides shipped data). */
  set(surface: string, value: T): void {
    if (!surface) return;
    this.map.set(surface, value);
    if (!this.lengths.includes(surface.length)) this.lengths = [...this.lengths, surface.length].sort((a, b) => b - a);
    if (surface.length < 2) return;
    this.firstUnits[surface.charCodeAt(0)] = 1;
    this.secondUnits[surface.charCodeAt(1)] = 1;
    const start = pairAt(surface, 0);
    const lengths = this.lengthsByStart.get(start) ?? [];
    if (!lengths.includes(surface.length)) this.lengthsByStart.set(start, [...lengths, surface.length].sort((a, b) => b - a));
  }

  get(surface: string): T | undefined {
    return this.map.get(surface);
  }

  /** The longest surface with `start <= offset < end`; among equally long ones the leftmost. */
  findAt(text: string, offset: number): SurfaceMatch<T> | undefined {
    for (const length of this.lengths) {
      for (let start = Math.max(0, offset - length + 1); start <= offset && start + length <= text.length; start++) {
        const surface = text.slice(start, start + length);
        const value = this.map.get(surface);
        if (value !== undefined) return { start, end: start + length, surface, value };
      }
    }
    return undefined;
  }

  /**
   * The surfaces of `text[from, to)`, leftmost first, each the longest that starts there, never
   * overlapping. At each offset one table look-up of its letter and, where a surface begins with it,
   * one of the next two letters: the text is read once, whatever the number of surfaces. Surfaces of one character are not scanned for.
   */
  *scan(text: string, from = 0, to = text.length): Generator<SurfaceMatch<T>> {
    for (let start = from; start < to - 1; ) {
      const lengths = this.firstUnits[text.charCodeAt(start)] && this.secondUnits[text.charCodeAt(start + 1)] ? this.lengthsByStart.get(pairAt(text, start)) : undefined;
      const match = lengths && this.longestAt(text, start, to, lengths);
      if (match) {
        yield match;
        start = match.end;
      } else {
        start++;
      }
    }
  }

  private longestAt(text: string, start: number, to: number, lengths: number[]): SurfaceMatch<T> | undefined {
    for (const length of lengths) {
      if (start + length > to) continue;
      const surface = text.slice(start, start + length);
      const value = this.map.get(surface);
      if (value !== undefined) return { start, end: start + length, surface, value };
    }
    return undefined;
  }
}
