import type { LineMap } from './lineMap';

/** Inline switches in the markdownlint style: `<!-- policydoc-disable rule-id -->` and friends. */
const DIRECTIVE = /<!--\s*policydoc-(disable-next-line|disable-line|disable-file|enable-file|disable|enable)((?:[\s,]+[a-z][\w-]*)*)\s*-->/g;

type Kind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file' | 'enable-file';

interface Directive {
  kind: Kind;
  line: number;
  /** Empty means every rule. */
  rules: string[];
}

export class Directives {
  private constructor(private readonly list: Directive[]) {}

  static parse(text: string, lines: LineMap): Directives {
    const list: Directive[] = [];
    if (text.includes('policydoc-')) {
      for (const match of text.matchAll(DIRECTIVE)) {
        const rules = match[2].split(/[\s,]+/).filter(Boolean);
        list.push({ kind: match[1] as Kind, line: lines.positionAt(match.index).line, rules });
      }
    }
    return new Directives(list);
  }

  isSuppressed(ruleId: string, line: number): boolean {
    let disabled = false;
    for (const { kind, line: at, rules } of this.list) {
      const applies = rules.length === 0 || rules.includes(ruleId);
      if (!applies) continue;
      if (kind === 'disable-file') return true;
      if (kind === 'enable-file') continue;
      if (kind === 'disable-line' && at === line) return true;
      if (kind === 'disable-next-line' && at + 1 === line) return true;
      if (at <= line && (kind === 'disable' || kind === 'enable')) disabled = kind === 'disable';
    }
    return disabled;
  }
}
