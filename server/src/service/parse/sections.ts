/**
 * The 层次序数 of a document: the markers 一、 （一） 1. （1） at the start of a paragraph, found in
 * the prose (see prose.ts), so every offset is an offset into the source text.
 */

import { asciiDigits, chineseNumber, type Span } from './official';

export type SectionLevel = 1 | 2 | 3 | 4;

/** A 层次序数 marker at the start of a paragraph: 一、 (1), （一） (2), 1. (3), （1） (4). */
export interface SectionMarker extends Span {
  level: SectionLevel;
  value: number;
}

interface Line {
  start: number;
  end: number;
}

function lines(prose: string, bodyStart: number): Line[] {
  const result: Line[] = [];
  let start = bodyStart;
  while (start <= prose.length) {
    let end = prose.indexOf('\n', start);
    if (end < 0) end = prose.length;
    if (prose.slice(start, end).trim() !== '') result.push({ start, end });
    start = end + 1;
  }
  return result;
}

const SECTION_MARKER =
  /[^\S\n]*(?:#{1,6}[^\S\n]+)?(?:\*\*)?(([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[）)]|([0-9０-９]{1,2})[.．](?![0-9０-９])|[（(]([0-9０-９]{1,2})[）)])/dy;

/** The 附件说明 under the body: `附件：1.…` with the further items `2.…` on the lines below it. */
const ATTACHMENT_NOTE = /[^\S\n]*附件\s*[:：]/y;
/** The heading of an attachment itself (`附件1`, `附件`), which ends the 附件说明. */
const ATTACHMENT_HEADING = /[^\S\n]*附件/y;

export function findSections(prose: string, bodyStart: number): SectionMarker[] {
  const markers: SectionMarker[] = [];
  let inAttachmentNote = false;
  /** Matches `pattern` (sticky) at the start of the line. */
  const atStart = (pattern: RegExp, line: Line) => {
    pattern.lastIndex = line.start;
    const match = pattern.exec(prose);
    return match && match.index + match[0].length <= line.end ? match : null;
  };
  for (const line of lines(prose, bodyStart)) {
    if (atStart(ATTACHMENT_HEADING, line)) {
      inAttachmentNote = atStart(ATTACHMENT_NOTE, line) !== null;
      continue;
    }
    const match = atStart(SECTION_MARKER, line);
    const level = match ? ([1, 2, 3, 4] as const).find((l) => match[l + 1] !== undefined)! : null;
    // Items of the 附件说明 and lines wrapped from them are not 层次序数.
    if (inAttachmentNote && (level === null || level === 3)) continue;
    inAttachmentNote = false;
    if (!match || level === null) continue;
    const digits = match[level + 1];
    const value = level <= 2 ? chineseNumber(digits) : Number(asciiDigits(digits));
    if (value === null || value === 0) continue;
    const [start, end] = match.indices![1];
    markers.push({ start, end, text: prose.slice(start, end), level, value });
  }
  return markers;
}
