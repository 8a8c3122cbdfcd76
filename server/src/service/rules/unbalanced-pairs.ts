import { replaceCharAt } from '../edits';
import { proseParagraphs, type Paragraph } from '../parse/paragraphs';
import type { Rule } from '../types';

const CLOSER_OF = new Map([['《', '》'], ['“', '”'], ['‘', '’'], ['（', '）'], ['〔', '〕'], ['【', '】']]);
const OPENER_OF = new Map([...CLOSER_OF].map(([opener, closer]) => [closer, opener]));

const LATIN = /[A-Za-z]/;
/** `1）`, `a）`, `一）`, `①）` used as a list enumerator at the start of a paragraph or after a clause. */
const ENUMERATOR_BEFORE = /(?:^|[\s\u3000：:；;，,。、])(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})$/;
const NOT_SPACE = /[^\s\u3000]/;

/** How far a “ typed for ” may follow its opener: a quoted phrase, not a passage. */
const REVERSED_CLOSER_REACH = 40;

interface Opener {
  offset: number;
  char: string;
  paragraph: number;
  /** The last paragraph the pair is open in, and its last “: a quotation continued by “ on the next paragraph moves them on. */
  lastParagraph: number;
  lastOffset: number;
}

/** `’` inside or right after a Latin word is an apostrophe (`don’t`, `students’`), not a closing quote. */
function isApostrophe(text: string, index: number, quoteOpen: boolean): boolean {
  if (!LATIN.test(text[index - 1] ?? '')) return false;
  return LATIN.test(text[index + 1] ?? '') || !quoteOpen;
}

const PAIR_CHARS = /[《》“”‘’（）〔〕【】]/g;

/** A pair cut by a line break (a title split over two lines, a word over two table cells) closes this close to its opener. */
const SPLIT_PAIR_PARAGRAPHS = 2;
const SPLIT_PAIR_CHARS = 200;
/** A quotation over several paragraphs (an amendment quoting a whole article) closes within this many paragraphs. */
const QUOTATION_PARAGRAPHS = 30;

/** A bracketed note over several lines (the revision history under a law's title) opens its first line and closes its last. */
const BLOCK_NOTE_PARAGRAPHS = 6;
const TRAILING_SPACE = /[\s\u3000]*$/;

/** Whether an opener left open in an earlier paragraph is closed by the closer at `index` of paragraph `current`. */
function closesAcross(paragraphs: readonly Paragraph[], opener: Opener, current: number, index: number): boolean {
  if (opener.char === '“') return current - opener.lastParagraph <= QUOTATION_PARAGRAPHS;
  const first = paragraphs[opener.paragraph];
  const last = paragraphs[current].text;
  const blockNote =
    opener.offset - first.start === leadingSpace(first.text) && index === last.replace(TRAILING_SPACE, '').length - 1;
  if (blockNote) return current - opener.paragraph <= BLOCK_NOTE_PARAGRAPHS;
  if (current - opener.paragraph > SPLIT_PAIR_PARAGRAPHS) return false;
  let chars = first.start + first.text.length - opener.offset + index;
  for (let between = opener.paragraph + 1; between < current; between++) chars += paragraphs[between].text.length;
  return chars <= SPLIT_PAIR_CHARS;
}

function leadingSpace(text: string): number {
  const first = text.search(NOT_SPACE);
  return first === -1 ? text.length : first;
}

const HALFWIDTH_OF: Record<string, string> = { '“': '"', '”': '"', '（': '(', '）': ')' };

/**
 * The half-width mark that stands for the other half of `（` `）` `“` `”` in the same paragraph
 * (`（发改振兴〔2020〕1675号)`, `“共享用工"`): the first one after an unclosed opener, or the last one before
 * a closer that closes nothing, not paired with a half-width mark of its own and not past another full-width mark.
 */
function halfwidthPartner(text: string, index: number, used: ReadonlySet<number>): number | null {
  const full = text[index];
  const closing = OPENER_OF.has(full);
  const partner = HALFWIDTH_OF[(closing ? OPENER_OF.get(full) : CLOSER_OF.get(full))!];
  const nested = closing ? ')' : '(';
  let depth = 0;
  for (let i = closing ? index - 1 : index + 1; i >= 0 && i < text.length; i += closing ? -1 : 1) {
    const char = text[i];
    if (char === full || char === CLOSER_OF.get(full) || char === OPENER_OF.get(full)) return null;
    if (partner !== '"' && char === nested) depth++;
    else if (char === partner && depth > 0) depth--;
    else if (char === partner) return used.has(i) ? null : i;
  }
  return null;
}

/**
 * Text laid out in columns (a table flattened by a crawler or a PDF converter: `省经信委 无 保留的企业`),
 * and a cell's fragment next to such a row (`庙会（蒲县朝山`): their pairs were cut by the layout, not by the author.
 */
const COLUMN_GAP = /\p{Script=Han}[ \u3000]+(?=\p{Script=Han})|\S[ \u3000]{2,}(?=\S)/gu;
const FRAGMENT_LENGTH = 12;
const ENDS_CLAUSE = /[。！？；：，、…”’）》」』】〕.!?;:,]$/;
/** A document of some length with at least this share of paragraphs stopping mid-clause was broken into lines by its layout. */
const BROKEN_SHARE = 0.35;
const BROKEN_MIN_PARAGRAPHS = 8;
/** How close to a cut an opener or closer stands to be taken as cut by it. */
const CUT_REACH = 20;

function hasColumns(text: string): boolean {
  let gaps = 0;
  for (const _ of text.trim().matchAll(COLUMN_GAP)) if (++gaps >= 2) return true;
  return false;
}

/**
 * Where a pair may have been cut by the layout rather than by the author: text in columns, a cell's fragment
 * next to such a row; a paragraph that stops mid-clause right after an opener (`6.5左右（“十`), or a closer
 * right at the start of the paragraph after one (`势产区）`); and anywhere in such a paragraph of a document
 * broken into lines mid-sentence throughout (a PDF or a page flattened line by line).
 */
function layoutCuts(paragraphs: readonly Paragraph[]) {
  const columns = paragraphs.map(({ text }) => hasColumns(text));
  const trimmed = paragraphs.map(({ text }) => text.trim());
  // The last paragraph is not cut: nothing follows that could hold the other half.
  const cut = trimmed.map((text, i) => i + 1 < trimmed.length && !ENDS_CLAUSE.test(text));
  const broken = paragraphs.length >= BROKEN_MIN_PARAGRAPHS && cut.filter(Boolean).length >= paragraphs.length * BROKEN_SHARE;
  const layout = trimmed.map((text, i) => columns[i] || (text.length <= FRAGMENT_LENGTH && cut[i] && (columns[i - 1] === true || columns[i + 1] === true)));
  return {
    /** Whether an opener at `index` of paragraph `i` that is never closed may have been cut from its closer. */
    opener: (i: number, index: number) =>
      layout[i] || (cut[i] && (broken || paragraphs[i].text.trimEnd().length - index <= CUT_REACH)),
    /** Whether a closer at `index` of paragraph `i` that closes nothing may have been cut from its opener. */
    closer: (i: number, index: number) => layout[i] || (i > 0 && cut[i - 1] && (broken || index - leadingSpace(paragraphs[i].text) < CUT_REACH)),
  };
}

/**
 * A crawler that writes a heading twice, once without its opener and once split (`浴火重生”　推广垃圾焚烧发电模式`,
 * then `“浴火重生`): the closer's paragraph begins what the next paragraph opens.
 */
function repeatedHeading(paragraphs: readonly Paragraph[], current: number, index: number, opener: string): boolean {
  const text = paragraphs[current].text;
  const head = text.slice(leadingSpace(text), index);
  const next = paragraphs[current + 1]?.text;
  return head !== '' && next !== undefined && next.slice(leadingSpace(next)).startsWith(opener + head);
}

export const unbalancedPairs: Rule = {
  meta: {
    id: 'unbalanced-pairs',
    defaultSeverity: 'warning',
    description: {
      en: 'Paired punctuation 《》 “” ‘’ （） 〔〕 【】 must open and close within one paragraph.',
      zh: '成对标点《》“”‘’（）〔〕【】须在同一段落内开合配对。',
    },
    messages: {
      unclosed: {
        en: '"{char}" is not closed: no matching "{pair}" in this paragraph.',
        zh: '{char} 未闭合：本段中没有与之配对的 {pair}。',
      },
      unopened: {
        en: '"{char}" closes nothing: no matching "{pair}" before it in this paragraph.',
        zh: '{char} 没有对应的开始符号：本段中它之前没有配对的 {pair}。',
      },
      halfwidthPartner: {
        en: 'Half-width "{char}" paired with a full-width mark: use "{full}".',
        zh: '半角“{char}”与全角标点配对使用，应为“{full}”。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const paragraphs = proseParagraphs(doc);
    const open = new Map<string, Opener[]>([...CLOSER_OF.keys()].map((char) => [char, []]));
    const reportAt = (messageId: string, char: string, offset: number) =>
      report({ messageId, data: { char, pair: (CLOSER_OF.get(char) ?? OPENER_OF.get(char))! }, range: doc.lines.range(offset, offset + 1) });
    let cuts: ReturnType<typeof layoutCuts> | undefined;
    const layout = () => (cuts ??= layoutCuts(paragraphs));
    const reportHalfwidth = (offset: number, full: string) =>
      report({
        messageId: 'halfwidthPartner',
        data: { char: doc.text[offset], full },
        range: doc.lines.range(offset, offset + 1),
        fix: { title: { en: `Replace with "${full}"`, zh: `改为“${full}”` }, edits: [replaceCharAt(doc.lines, offset, full)] },
      });
    paragraphs.forEach(({ start, text }, current) => {
      const usedHalfwidth = new Set<number>();
      /** Reports the half-width partner of the full-width mark at `index`, if it has one. */
      const halfwidthFor = (index: number) => {
        const partner = /["()]/.test(text) ? halfwidthPartner(text, index, usedHalfwidth) : null;
        if (partner === null || doc.text[start + partner] !== text[partner]) return false;
        usedHalfwidth.add(partner);
        const full = text[index];
        reportHalfwidth(start + partner, (OPENER_OF.get(full) ?? CLOSER_OF.get(full))!);
        return true;
      };
      for (const match of text.matchAll(PAIR_CHARS)) {
        const char = match[0];
        const i = match.index;
        const opener = OPENER_OF.get(char);
        if (opener === undefined) {
          const stack = open.get(char)!;
          const continued = stack.at(-1);
          // A quotation over several paragraphs opens each of them with “ and closes only at its end; flattened
          // onto one line, its paragraphs are separated by spaces.
          const continues =
            char === '“' &&
            ((continued?.lastParagraph === current - 1 && i === leadingSpace(text)) || (continued?.lastParagraph === current && /[ \u3000]/.test(text[i - 1] ?? '')));
          if (continues) Object.assign(continued!, { lastParagraph: current, lastOffset: start + i });
          else stack.push({ offset: start + i, char, paragraph: current, lastParagraph: current, lastOffset: start + i });
          continue;
        }
        const stack = open.get(opener)!;
        const top = stack.at(-1);
        const openHere = top?.lastParagraph === current;
        if (char === '’' && isApostrophe(text, i, openHere)) continue;
        if (openHere) stack.pop();
        else if (char === '）' && ENUMERATOR_BEFORE.test(text.slice(Math.max(0, i - 8), i))) continue;
        else if (char in HALFWIDTH_OF && halfwidthFor(i)) continue;
        else if (top && closesAcross(paragraphs, top, current, i)) stack.pop();
        else if (!layout().closer(current, i) && !repeatedHeading(paragraphs, current, i, opener)) reportAt('unopened', char, start + i);
      }
      for (const opener of ['“', '（']) {
        const stack = open.get(opener)!;
        for (let k = stack.length - 1; k >= 0 && stack[k].lastParagraph === current; k--) {
          if (halfwidthFor(stack[k].lastOffset - start)) stack.splice(k, 1);
        }
      }
    });
    for (const stack of open.values()) {
      stack.forEach(({ char, offset, paragraph }, k) => {
        // `“三同时“`: a closing quote typed as an opening one leaves two openers; the fault is reported once, at the first.
        const previous = stack[k - 1];
        if (char === '“' && previous?.paragraph === paragraph && offset - previous.offset <= REVERSED_CLOSER_REACH) return;
        if (!layout().opener(paragraph, offset - paragraphs[paragraph].start)) reportAt('unclosed', char, offset);
      });
    }
  },
};
