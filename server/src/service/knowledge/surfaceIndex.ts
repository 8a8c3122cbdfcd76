/** A set of surface strings (names, terms) that finds the longest one covering a position in a text. */
export class SurfaceIndex<T> {
  private readonly map = new Map<string, T>();
  /** Distinct surface lengths, longest first. */
  private lengths: number[] = [];

  /** Later additions of the same surface win (user data overrides shipped data). */
  set(surface: string, value: T): void {
    if (!surface) return;
    this.map.set(surface, value);
    if (!this.lengths.includes(surface.length)) this.lengths = [...this.lengths, surface.length].sort((a, b) => b - a);
  }

  get(surface: string): T | undefined {
    return this.map.get(surface);
  }

  /** The longest surface with `start <= offset < end`; among equally long ones the leftmost. */
  findAt(text: string, offset: number): { start: number; end: number; surface: string; value: T } | undefined {
    for (const length of this.lengths) {
      for (let start = Math.max(0, offset - length + 1); start <= offset && start + length <= text.length; start++) {
        const surface = text.slice(start, start + length);
        const value = this.map.get(surface);
        if (value !== undefined) return { start, end: start + length, surface, value };
      }
    }
    return undefined;
  }
}
