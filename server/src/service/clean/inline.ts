import type { Element, ElementContent, Root } from 'hast';

/** A CJK character or full-width form: a line break between two of them joins without a space. */
export const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * Normalises the whitespace of inline content in place and returns its plain text, with the same rules
 * for both: leading and trailing whitespace (full-width spaces included, the print indentation `　　`)
 * is dropped, a run of ASCII whitespace becomes one space — or nothing when it is a line break between
 * CJK characters, as in a wrapped Chinese paragraph. A `<br>` is a line break in the text.
 */
export function normalizeInline(parent: Root | Element): { text: string; images: number } {
  let text = '';
  let images = 0;
  let pending = '';
  let started = false;
  /** Just after a `<br>`: the next line's indentation is dropped like the first line's. */
  let lineStart = false;
  let lastText: { value: string } | undefined;

  const space = (next: string): string => {
    const run = pending;
    pending = '';
    if (run === '' || !started) return '';
    if (/^[ \t\r\n]+$/.test(run)) return run.includes('\n') && CJK.test(text.slice(-1)) && (next === '' || CJK.test(next[0])) ? '' : ' ';
    return run.replace(/[ \t\r\n]+/g, '');
  };
  /** The pending space before an element goes at the end of the text before it. */
  const flushBeforeElement = () => {
    const gap = space('');
    if (gap !== '' && lastText) {
      lastText.value += gap;
      text += gap;
    }
  };

  const walk = (node: Root | Element) => {
    const kept: ElementContent[] = [];
    for (const child of node.children as ElementContent[]) {
      if (child.type === 'text') {
        let value = '';
        for (const piece of child.value.split(/(\s+)/)) {
          if (piece === '') continue;
          if (/^\s+$/.test(piece)) {
            if (started && !lineStart) pending += piece;
            continue;
          }
          lineStart = false;
          const gap = space(piece);
          value += gap + piece;
          text += gap + piece;
          started = true;
        }
        child.value = value;
        if (value !== '') {
          lastText = child;
          kept.push(child);
        }
      } else if (child.type === 'element') {
        if (child.tagName === 'br') {
          if (!started) continue;
          pending = '';
          lineStart = true;
          text += '\n';
          kept.push(child);
          continue;
        }
        flushBeforeElement();
        if (child.tagName === 'img') images++;
        walk(child);
        kept.push(child);
      }
    }
    node.children = kept as never;
  };
  walk(parent);
  return { text, images };
}
