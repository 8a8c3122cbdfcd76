import { proseParagraphs, type Paragraph } from '../parse/paragraphs';
import type { Rule } from '../types';

const CLOSER_OF = new Map([['《', '》'], ['“', '”'], ['‘', '’'], ['（', '）'], ['〔', '〕'], ['【', '】']]);
const OPENER_OF = new Map([...CLOSER_OF].map(([opener, closer]) => [closer, opener]));

const LATIN = /[A-Za-z]/;
/** `1）`, `a）`, `一）`, `①）` used as a list enumerator at the start of a paragraph or after a clause. */
const ENUMERATOR_BEFORE = /(?:^|[\s\u3000：:；;，,。、])(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})$/;
const LEADING_SPACE = /^[\s\u3000]*/;

interface Unmatched {
  offset: number;
  char: string;
}

/** `’` inside or right after a Latin word is an apostrophe (`don’t`, `students’`), not a closing quote. */
function isApostrophe(text: string, index: number, quoteOpen: boolean): boolean {
  if (!LATIN.test(text[index - 1] ?? '')) return false;
  return LATIN.test(text[index + 1] ?? '') || !quoteOpen;
}

const PAIR_CHARS = /[《》“”‘’（）〔〕【】]/g;

function unmatchedIn(paragraph: Paragraph): { openers: Unmatched[]; closers: Unmatched[] } {
  const { text, start } = paragraph;
  const open = new Map<string, number[]>();
  const closers: Unmatched[] = [];
  for (const match of text.matchAll(PAIR_CHARS)) {
    const char = match[0];
    const i = match.index;
    const opener = OPENER_OF.get(char);
    if (opener === undefined) {
      const stack = open.get(char);
      if (stack) stack.push(i);
      else open.set(char, [i]);
      continue;
    }
    const openers = open.get(opener) ?? [];
    if (char === '’' && isApostrophe(text, i, openers.length > 0)) continue;
    if (openers.length > 0) openers.pop();
    else if (!(char === '）' && ENUMERATOR_BEFORE.test(text.slice(Math.max(0, i - 8), i)))) closers.push({ offset: start + i, char });
  }
  const openers = [...open].flatMap(([char, indexes]) => indexes.map((i) => ({ offset: start + i, char })));
  return { openers, closers };
}

function startsWithQuote(paragraph: Paragraph | undefined): boolean {
  return paragraph !== undefined && paragraph.text.replace(LEADING_SPACE, '').startsWith('“');
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
    },
    fixable: false,
  },
  check({ doc, report }) {
    const paragraphs = proseParagraphs(doc);
    paragraphs.forEach((paragraph, index) => {
      const { openers, closers } = unmatchedIn(paragraph);
      // A quotation over several paragraphs opens each of them with “ and closes only at its end.
      const continuedQuote = startsWithQuote(paragraphs[index + 1]);
      for (const { offset, char } of openers) {
        if (char === '“' && continuedQuote) continue;
        report({ messageId: 'unclosed', data: { char, pair: CLOSER_OF.get(char)! }, range: doc.lines.range(offset, offset + 1) });
      }
      for (const { offset, char } of closers) {
        report({ messageId: 'unopened', data: { char, pair: OPENER_OF.get(char)! }, range: doc.lines.range(offset, offset + 1) });
      }
    });
  },
};
