import radicalData from '../../../data/radicals.json';
import type { PolicyDocument } from '../parse/document';
import { fullWidthDates } from '../parse/fullWidthDates';
import type { Rule } from '../types';

const RADICALS: Readonly<Record<string, string>> = radicalData.radicals;
const MISEXTRACTED: ReadonlyMap<string, { standard: string; words: ReadonlySet<string> }> = new Map(
  Object.entries(radicalData.misextracted).flatMap(([char, entry]) => (typeof entry === 'string' ? [] : [[char, { standard: entry.standard, words: new Set(entry.words) }]])),
);
/** CJK radicals (U+2E80–U+2FDF) and CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F). */
const LOOKALIKE = /[\u2e80-\u2fdf\uf900-\ufaff\u{2f800}-\u{2fa1f}]/gu;

/**
 * The ideograph a lookalike stands for: a radical's equivalent (Unicode's table, which also covers the
 * radicals that have no compatibility decomposition, ⻄ → 西), a compatibility ideograph's NFKC form.
 * The twelve compatibility ideographs that are unified ideographs in their own right (﨎, 﨏…) have none.
 * A radical that PDF extraction writes for another ideograph (radicals.json `misextracted`: 出⼜ for 出口)
 * stands for that one where a neighbour makes the word.
 */
function standardOf(char: string, before: string, after: string): string | undefined {
  const misextracted = MISEXTRACTED.get(char);
  if (misextracted && (misextracted.words.has(before + misextracted.standard) || misextracted.words.has(misextracted.standard + after))) return misextracted.standard;
  const standard = RADICALS[char] ?? char.normalize('NFKC');
  return standard === char ? undefined : standard;
}

interface Lookalike {
  start: number;
  end: number;
  found: string;
  standard: string;
}

/** Consecutive lookalikes form one run: `⼀⼆` is one finding. */
function lookalikeRuns(text: string, from: number): Lookalike[] {
  const runs: Lookalike[] = [];
  LOOKALIKE.lastIndex = from;
  for (let match = LOOKALIKE.exec(text); match; match = LOOKALIKE.exec(text)) {
    const end = match.index + match[0].length;
    const standard = standardOf(match[0], text[match.index - 1] ?? '', text[end] ?? '');
    if (standard === undefined) continue;
    const last = runs.at(-1);
    if (last && last.end === match.index) {
      last.end = end;
      last.found += match[0];
      last.standard += standard;
    } else {
      runs.push({ start: match.index, end, found: match[0], standard });
    }
  }
  return runs;
}

const MAX_PAIRS_SHOWN = 8;

/** Runs grouped by the line they start on, in order. */
function byLine(doc: PolicyDocument, runs: Lookalike[]): Lookalike[][] {
  const groups: Lookalike[][] = [];
  let line = -1;
  for (const run of runs) {
    const runLine = doc.lines.positionAt(run.start).line;
    if (runLine === line) groups.at(-1)!.push(run);
    else groups.push([run]);
    line = runLine;
  }
  return groups;
}

export const lookalikeCharacters: Rule = {
  meta: {
    id: 'lookalike-characters',
    defaultSeverity: 'warning',
    description: {
      en: 'No characters that only look like the right ones: CJK radicals (⼀ for 一, ⻄ for 西) and compatibility ideographs used as ordinary characters, full-width digits in dates. They break search and copy-paste.',
      zh: '不使用仅外形相同的字符：当作普通汉字使用的部首字符（⼀ 代替 一，⻄ 代替 西）和兼容汉字，日期中的全角数字。它们会使搜索和复制粘贴失效。',
    },
    messages: {
      lookalike: {
        en: '"{found}" only looks like "{standard}" (a radical or compatibility character): search and copy-paste miss it. Write "{standard}".',
        zh: '“{found}”只是外形像“{standard}”（部首或兼容字符），搜索和复制粘贴会出错，应写作“{standard}”。',
      },
      lookalikeLine: {
        en: 'This line has {count} characters that only look like the right ones ({pairs}; radicals or compatibility characters): search and copy-paste miss them.',
        zh: '本行有 {count} 个字符只是外形像正确的字（{pairs}；部首或兼容字符），搜索和复制粘贴会出错。',
      },
      fullWidthDigits: {
        en: 'Full-width digits in the date "{found}": write "{standard}".',
        zh: '日期“{found}”中使用了全角数字，应写作“{standard}”。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const fixOf = (runs: Lookalike[], title: { en: string; zh: string }) =>
      runs.every((run) => doc.text.slice(run.start, run.end) === run.found)
        ? { title, edits: runs.map((run) => ({ range: doc.lines.range(run.start, run.end), newText: run.standard })) }
        : undefined;
    // Text extracted from a PDF may have hundreds of radicals: one finding per line, with one fix for the line.
    for (const runs of byLine(doc, lookalikeRuns(doc.text, doc.textStart))) {
      const range = doc.lines.range(runs[0].start, runs.at(-1)!.end);
      if (runs.length === 1) {
        const { found, standard } = runs[0];
        report({ messageId: 'lookalike', data: { found, standard }, range, fix: fixOf(runs, { en: `Write "${standard}"`, zh: `改为“${standard}”` }) });
        continue;
      }
      const count = runs.reduce((sum, run) => sum + [...run.found].length, 0);
      const pairs = [...new Map(runs.flatMap((run) => [...run.found].map((char, i) => [char, `${char}→${[...run.standard][i]}`]))).values()];
      const shown = pairs.length > MAX_PAIRS_SHOWN ? `${pairs.slice(0, MAX_PAIRS_SHOWN).join(' ')} …` : pairs.join(' ');
      report({ messageId: 'lookalikeLine', data: { count, pairs: shown }, range, fix: fixOf(runs, { en: 'Write the standard characters', zh: '改为标准字符' }) });
    }
    for (const date of fullWidthDates(doc)) {
      const { found, standard } = date;
      report({ messageId: 'fullWidthDigits', data: { found, standard }, range: doc.lines.range(date.start, date.end), fix: fixOf([date], { en: `Write "${standard}"`, zh: `改为“${standard}”` }) });
    }
  },
};
