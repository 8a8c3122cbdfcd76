import { hasMarker, looksLikeTable, markerText, type SectionLevel, type SectionMarker } from '../parse/sections';
import type { Report, Rule } from '../types';

/**
 * A level is judged in a scope only where it has this many markers: fewer are as likely a quotation
 * of parts of a document (a post quoting 一、 and 三、) as a fault.
 */
const MIN_MARKERS = 3;

type Emit = (found: Omit<Report, 'range'>, section: SectionMarker) => void;

/** A paragraph that starts with the full stop of a number that was lost (`　　.电机`). */
const LOST_NUMBER = /\n\s*[.．](?![0-9０-９])/;

/**
 * True when the numbers that lead from `from` to `to` are in the text between them, though not at the
 * start of a paragraph (`（8）…——…（9）中海油…（10）…`, `…四、保障措施（一）加强…`), or were lost: the
 * reader sees no gap.
 */
function numberedInText(between: string, level: SectionLevel, from: number, to: number): boolean {
  if (level === 3 && LOST_NUMBER.test(between)) return true;
  if (to <= from) return to > 1 && hasMarker(between, level, to - 1);
  for (let value = from + 1; value < to; value++) if (hasMarker(between, level, value)) return true;
  return false;
}

/** Lines before the previous marker read with the text between the two to tell a flattened table. */
const CONTEXT_LINES = 6;

/** The start of the line `count` lines above the line of `offset`. */
function linesBefore(prose: string, offset: number, count: number): number {
  let at = prose.lastIndexOf('\n', offset - 1) + 1;
  for (let i = 0; i < count && at > 0; i++) at = prose.lastIndexOf('\n', at - 2) + 1;
  return at;
}

/** How many characters of the text after a marker tell one item from another. */
const KEY_CHARS = 10;

/**
 * The start of the paragraph after a marker, up to where another paragraph may have been merged onto
 * its line (a run of spaces, a bracket, a number after a space), without punctuation: to tell a copy
 * or a repeated row header from another item.
 */
function itemKey(prose: string, section: SectionMarker): string {
  // `.` stops at \r, \u2028 and \u2029 too (CRLF files): they end the paragraph like \n.
  const paragraph = /^[^\S\n]?(.*?)(?:[^\S\n]{2,}|[^\S\n]?[（(]|[^\S\n][0-9]|[\n\r\u2028\u2029]|$)/.exec(prose.slice(section.end, section.end + KEY_CHARS * 4))?.[1] ?? '';
  return paragraph.normalize('NFKC').replace(/[\s\p{P}]/gu, '').slice(0, KEY_CHARS);
}

/** How long a paragraph may be to read as a heading. */
const HEADING_CHARS = 20;

/** True when the paragraph of a marker is a heading: short, without the punctuation inside a sentence. */
function isHeading(prose: string, section: SectionMarker): boolean {
  const end = prose.indexOf('\n', section.end);
  const text = prose.slice(section.end, end < 0 ? prose.length : end).trim().replace(/[。：:]$/, '');
  return text.length <= HEADING_CHARS && !/[，,；;。：:]/.test(text);
}

/**
 * What is wrong with `section` coming after `previous` under the same parent, if anything a reader
 * would see. `earlier` is the marker before it with the same number, if any.
 */
function fault(prose: string, previous: SectionMarker, section: SectionMarker, earlier: SectionMarker | undefined): Omit<Report, 'range'> | null {
  const { level, value } = section;
  const between = prose.slice(previous.end, section.start);
  if (numberedInText(between, level, previous.value, value)) return null;
  if (looksLikeTable(prose.slice(linesBefore(prose, previous.start, CONTEXT_LINES), section.start))) return null;
  if (value > previous.value) return { messageId: 'skipped', data: { found: section.text, expected: markerText(level, previous.value + 1) } };
  // The same item twice is a copied paragraph, or the row header of a flattened table (`（五）` alone
  // before each row): not a numbering fault.
  const key = itemKey(prose, section);
  const copies = (other: SectionMarker) => {
    const otherKey = itemKey(prose, other);
    return otherKey.startsWith(key) || key.startsWith(otherKey);
  };
  if (copies(previous) || (earlier && copies(earlier))) return null;
  // A heading and a sentence with the same number belong to two lists (a box inside a list, the
  // headings of a table beside its cells).
  if (isHeading(prose, previous) !== isHeading(prose, section)) return null;
  return { messageId: 'repeated', data: { found: section.text, previous: previous.text } };
}

/** The last marker of a series of one level, and whether the series started at 1 (in this scope). */
interface Series {
  last: SectionMarker;
  fromOne: boolean;
}

/**
 * Judges one level within one scope. A series starts at 1; under a new parent it may run on or
 * restart at 1. A series may also be nested in another of the same level (a list 1. 2. 3. quoted
 * inside item 2. of a list), which then goes on. Only a gap or a repeat between two markers under
 * the same parent is a fault, and only in a series that started at 1, and only where the numbering
 * mostly runs on: `一、 三、 六、` is a quotation of parts, `一、 二、 四、` a fault. Doubtful markers are
 * not judged: they count as parents of the levels below, and fill gaps as text does (numberedInText).
 */
function judgeLevel(prose: string, markers: SectionMarker[], level: SectionLevel, report: Emit): void {
  if (markers.filter((m) => m.level === level && !m.doubtful).length < MIN_MARKERS) return;
  /** The open series, each nested in the one before it; the current one last. */
  let open: Series[] = [];
  let newParent = false;
  let runsOn = 0;
  const faults: [Omit<Report, 'range'>, SectionMarker][] = [];
  const seen = new Map<number, SectionMarker>();
  for (const section of markers) {
    if (section.level < level) newParent = true;
    if (section.level !== level) continue;
    const { value } = section;
    if (section.doubtful) {
      // The first heading merged onto the line of the preamble (`…通知如下： 一、…`) still starts the headings.
      if (level === 1 && value === 1 && section.merged && open.length === 0) open = [{ last: section, fromOne: true }];
      continue;
    }
    const goesOn = open.findLastIndex((series) => value === series.last.value + 1);
    const current = open.at(-1);
    if (goesOn >= 0) {
      runsOn++;
      open = open.slice(0, goesOn + 1);
      open[goesOn] = { ...open[goesOn], last: section };
    } else if (value === 1 || newParent || !current) {
      const series = { last: section, fromOne: value === 1 };
      open = newParent ? [series] : [...open, series];
    } else {
      // The item after a misnumbered one repeats its number: one fault, reported once (一、 二、 四、 四、).
      const sameFault = value === current.last.value && faults.at(-1)?.[1] === current.last;
      const found = current.fromOne && !sameFault ? fault(prose, current.last, section, seen.get(value)) : null;
      if (found) faults.push([found, section]);
      // After a step back, or a step forward over numbers that stand in the text (a box of its own
      // numbers inside the list), the series may still go on from where it was.
      if (value < current.last.value || (value > current.last.value && !found)) open.push({ last: section, fromOne: false });
      else open[open.length - 1] = { ...current, last: section };
    }
    seen.set(value, section);
    newParent = false;
  }
  if (runsOn >= faults.length) for (const [found, section] of faults) report(found, section);
}

export const sectionNumbering: Rule = {
  meta: {
    id: 'section-numbering',
    defaultSeverity: 'warning',
    description: {
      en: 'The 层次序数 一、 → （一） → 1. → （1） under one parent run without gaps or repeats (GB/T 9704-2012, 7.3.3).',
      zh: '同一上级之下的层次序数“一、”“（一）”“1.”“（1）”应连续、不重复（GB/T 9704-2012 第 7.3.3 条）。',
    },
    messages: {
      skipped: {
        en: 'The 层次序数 "{found}" skips "{expected}".',
        zh: '层次序数“{found}”跳过了“{expected}”。',
      },
      repeated: {
        en: 'The 层次序数 "{found}" repeats or goes back after "{previous}".',
        zh: '层次序数“{found}”在“{previous}”之后重复或倒序。',
      },
    },
    fixable: false,
  },
  check({ doc, report }) {
    const sections = doc.official.sections;
    const emit: Emit = (found, section) => report({ ...found, range: doc.lines.range(section.start, section.end) });
    let first = 0;
    for (let i = 1; i <= sections.length; i++) {
      if (i < sections.length && sections[i].scope === sections[first].scope) continue;
      const scope = sections.slice(first, i);
      for (const level of [1, 2, 3, 4] as const) judgeLevel(doc.prose, scope, level, emit);
      first = i;
    }
  },
};
