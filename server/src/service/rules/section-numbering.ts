import type { SectionLevel, SectionMarker } from '../parse/sections';
import type { Report, Rule } from '../types';

/**
 * A level is judged in a scope only where it has this many markers: fewer are as likely a quotation
 * of parts of a document (a post quoting 一、 and 三、) as a fault.
 */
const MIN_MARKERS = 3;

const CHINESE = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chinese(value: number): string {
  if (value < 10) return CHINESE[value];
  return `${value >= 20 ? CHINESE[Math.floor(value / 10)] : ''}十${CHINESE[value % 10]}`;
}

/** How a number is written at a level: 一、 （一） 1. （1）. */
function marker(level: SectionLevel, value: number): string {
  if (level === 1) return `${chinese(value)}、`;
  if (level === 2) return `（${chinese(value)}）`;
  if (level === 3) return `${value}.`;
  return `（${value}）`;
}

type Emit = (messageId: string, section: SectionMarker, data: Report['data']) => void;

/** The last marker of a series of one level, and whether the series started at 1 (in this scope). */
interface Series {
  last: SectionMarker;
  fromOne: boolean;
}

/**
 * Judges one level within one scope. A series starts at 1; under a new parent it may run on or
 * restart at 1. A series may also be nested in another of the same level (a list 1. 2. 3. quoted
 * inside item 2. of a list), which then goes on. Only a gap or a repeat between two markers under
 * the same parent is a fault, and only in a series that started at 1. A doubtful marker counts only
 * where it goes on with a series.
 */
function judgeLevel(markers: SectionMarker[], level: SectionLevel, emit: Emit): void {
  if (markers.filter((m) => m.level === level && !m.doubtful).length < MIN_MARKERS) return;
  /** The open series, each nested in the one before it; the current one last. */
  let open: Series[] = [];
  let newParent = false;
  for (const section of markers) {
    if (section.level < level && !section.doubtful) newParent = true;
    if (section.level !== level) continue;
    const { value } = section;
    const goesOn = open.findLastIndex((series) => value === series.last.value + 1);
    if (goesOn >= 0) {
      open = open.slice(0, goesOn + 1);
      open[goesOn] = { ...open[goesOn], last: section };
    } else if (value === 1) {
      const series = { last: section, fromOne: true };
      open = newParent ? [series] : [...open, series];
    } else if (!section.doubtful) {
      const current = open.at(-1);
      if (current?.fromOne && !newParent) {
        if (value > current.last.value) emit('skipped', section, { expected: marker(level, current.last.value + 1) });
        else emit('repeated', section, { previous: current.last.text });
      }
      open = [{ last: section, fromOne: current?.fromOne === true && !newParent }];
    } else continue;
    newParent = false;
  }
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
    const emit: Emit = (messageId, section, data) =>
      report({ messageId, data: { found: section.text, ...data }, range: doc.lines.range(section.start, section.end) });
    let first = 0;
    for (let i = 1; i <= sections.length; i++) {
      if (i < sections.length && sections[i].scope === sections[first].scope) continue;
      const scope = sections.slice(first, i);
      for (const level of [1, 2, 3, 4] as const) judgeLevel(scope, level, emit);
      first = i;
    }
  },
};
