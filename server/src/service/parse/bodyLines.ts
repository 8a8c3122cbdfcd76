/** A non-blank line of the body, as offsets into the prose. */
export interface BodyLine {
  start: number;
  end: number;
  /** Index among the non-blank lines of the body. */
  index: number;
}

export function isSpace(code: number): boolean {
  return code <= 32 || code === 0x3000 || code === 0xa0 || code === 0xfeff;
}

/** The lines of the body that hold more than space, in order. */
export function bodyLines(prose: string, bodyStart: number): BodyLine[] {
  const lines: BodyLine[] = [];
  let index = 0;
  let start = bodyStart;
  while (start <= prose.length) {
    let end = prose.indexOf('\n', start);
    if (end < 0) end = prose.length;
    let first = start;
    while (first < end && isSpace(prose.charCodeAt(first))) first++;
    if (first < end) lines.push({ start, end, index: index++ });
    start = end + 1;
  }
  return lines;
}
