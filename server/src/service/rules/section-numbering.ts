import type { SectionLevel, SectionMarker } from '../parse/official';
import type { Report, Rule } from '../types';

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

export const sectionNumbering: Rule = {
  meta: {
    id: 'section-numbering',
    defaultSeverity: 'warning',
    description: {
      en: 'The 层次序数 一、 → （一） → 1. → （1） run without gaps or repeats, and a lower level does not come before its parent level (GB/T 9704-2012, 7.3.3).',
      zh: '层次序数“一、”“（一）”“1.”“（1）”应连续、不重复，下级序数不出现在其上级序数之前（GB/T 9704-2012 第 7.3.3 条）。',
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
      beforeParent: {
        en: 'The 层次序数 "{found}" comes before any "{parent}" of the level above it.',
        zh: '层次序数“{found}”出现在其上一级序数（如“{parent}”）之前。',
      },
    },
    fixable: false,
  },
  check({ doc, report }) {
    // News posts quote parts of documents (一、 and 三、 only); numbering is checked in official texts alone.
    if (doc.profile !== 'pkulaw' && doc.profile !== 'gongwen') return;
    const sections = doc.official.sections;
    if (sections.length === 0) return;
    const present = new Set(sections.map((section) => section.level));
    const last = new Map<SectionLevel, { value: number; index: number; text: string }>();
    const flaggedBeforeParent = new Set<SectionLevel>();
    sections.forEach((section: SectionMarker, index) => {
      const { level, value } = section;
      const range = doc.lines.range(section.start, section.end);
      const emit = (messageId: string, data: Report['data']) => report({ messageId, data: { found: section.text, ...data }, range });
      const parent = ([3, 2, 1] as const).find((l) => l < level && present.has(l));
      if (parent !== undefined && !last.has(parent) && !flaggedBeforeParent.has(level)) {
        flaggedBeforeParent.add(level);
        emit('beforeParent', { parent: marker(parent, 1) });
      }
      const previous = last.get(level);
      last.set(level, { value, index, text: section.text });
      if (value === 1) return;
      if (!previous) {
        emit('skipped', { expected: marker(level, 1) });
        return;
      }
      if (value === previous.value + 1) return;
      const newParent = [...last].some(([l, seen]) => l < level && seen.index > previous.index);
      if (value > previous.value + 1) emit('skipped', { expected: marker(level, previous.value + 1) });
      else if (newParent) emit('skipped', { expected: marker(level, 1) });
      else emit('repeated', { previous: previous.text });
    });
  },
};
