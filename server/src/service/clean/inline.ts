import { escapeHtml } from './sanitize';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * Writes inline content as HTML and plain text side by side, with the same whitespace rules for
 * both: leading and trailing whitespace (full-width spaces included, the print indentation
 * `　　`) is dropped, a run of ASCII whitespace becomes one space — or nothing when it is a line
 * break between CJK characters, as in a wrapped Chinese paragraph.
 */
export class InlineWriter {
  html = '';
  text = '';
  images = 0;
  private pending = '';
  private started = false;

  write(raw: string): void {
    for (const piece of raw.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        if (this.started) this.pending += piece;
        continue;
      }
      this.flushSpace(piece);
      this.html += escapeHtml(piece);
      this.text += piece;
      this.started = true;
    }
  }

  open(tag: string, attributes: [string, string][] = []): void {
    this.flushSpace('');
    this.html += `<${tag}${attributes.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('')}>`;
  }

  close(tag: string): void {
    this.html += `</${tag}>`;
  }

  lineBreak(): void {
    if (!this.started) return;
    this.pending = '';
    this.html += '<br>';
    this.text += '\n';
  }

  image(attributes: [string, string][]): void {
    this.open('img', attributes);
    this.images++;
  }

  private flushSpace(next: string): void {
    if (this.pending === '') return;
    const run = this.pending;
    this.pending = '';
    if (!this.started) return;
    let space: string;
    if (/^[ \t\r\n]+$/.test(run)) {
      const before = this.text.slice(-1);
      space = run.includes('\n') && CJK.test(before) && (next === '' || CJK.test(next[0])) ? '' : ' ';
    } else {
      space = run.replace(/[ \t\r\n]+/g, '');
    }
    this.html += escapeHtml(space);
    this.text += space;
  }
}
