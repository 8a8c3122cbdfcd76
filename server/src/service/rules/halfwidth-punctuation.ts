import type { PolicyDocument } from '../parse/document';
import { isHan, proseParagraphs } from '../parse/paragraphs';
import type { Rule } from '../types';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
/** Full-width closers after which a half-width mark is still in Chinese text (`《通知》,`). */
const CJK_CLOSERS = new Set(['》', '）', '〕', '】', '」', '』']);
const HALF_WIDTH = /[,;:?!()]/;
const LATIN_LETTER = /[A-Za-z]/g;
const HAN_CHAR = /\p{Script=Han}/gu;
/** Markdown links and images in the source: their text is left alone. */
const MARKDOWN_LINK = /!?\[[^\]\n]*\]\([^)\n]*\)/g;

/** `fixedClosers`: half-width `)` this rule turns full-width, after which the text is as after `）`. */
function afterChinese(prose: string, offset: number, fixedClosers: ReadonlySet<number>): boolean {
  const before = prose[offset - 1];
  return isHan(before) || CJK_CLOSERS.has(before) || fixedClosers.has(offset - 1);
}

/** A paragraph with more Latin letters than Chinese characters is English text: its punctuation is its own. */
function isMostlyChinese(text: string): boolean {
  return (text.match(HAN_CHAR)?.length ?? 0) >= (text.match(LATIN_LETTER)?.length ?? 0);
}

function markdownLinkSpans(doc: PolicyDocument): [number, number][] {
  const body = doc.text.slice(doc.bodyStart);
  if (!body.includes('](')) return [];
  return [...body.matchAll(MARKDOWN_LINK)].map((match) => [doc.bodyStart + match.index, doc.bodyStart + match.index + match[0].length]);
}

function replaceAt(doc: PolicyDocument, offset: number) {
  return { range: doc.lines.range(offset, offset + 1), newText: FULL_WIDTH[doc.text[offset]] };
}

export const halfwidthPunctuation: Rule = {
  meta: {
    id: 'halfwidth-punctuation',
    defaultSeverity: 'warning',
    description: {
      en: 'Chinese text uses full-width punctuation (GB/T 15834-2011): no half-width , ; : ? ! ( ) after Chinese characters.',
      zh: '中文文本使用全角标点（GB/T 15834-2011）：汉字后不用半角的 , ; : ? ! ( )。',
    },
    messages: {
      mark: {
        en: 'Half-width "{char}" in Chinese text: use "{full}".',
        zh: '中文中使用了半角“{char}”，应为“{full}”。',
      },
      parentheses: {
        en: 'Half-width parentheses "( )" in Chinese text: use "（ ）".',
        zh: '中文中使用了半角括号“( )”，应为“（ ）”。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const { prose, text } = doc;
    const links = markdownLinkSpans(doc);
    // Entities decode in place; a character that is not in the source as such is never edited.
    // The brackets of a 发文字号 such as 国办发(2021)3号 are doc-number-bracket's to fix, to 〔〕 rather than （）.
    let docNumberBrackets: Set<number> | undefined;
    const inDocNumber = (offset: number) =>
      (docNumberBrackets ??= new Set(doc.official.docNumbers.flatMap((number) => [number.open.start, number.close.start]))).has(offset);
    const usable = (offset: number) =>
      prose[offset] === text[offset] && !links.some(([start, end]) => offset >= start && offset < end) && !inDocNumber(offset);
    for (const { start, text: paragraph } of proseParagraphs(doc)) {
      if (!HALF_WIDTH.test(paragraph) || !isMostlyChinese(paragraph)) continue;
      const openParens: number[] = [];
      const fixedClosers = new Set<number>();
      for (let i = 0; i < paragraph.length; i++) {
        const char = paragraph[i];
        const offset = start + i;
        if (char === '(') {
          openParens.push(offset);
        } else if (char === ')') {
          const open = openParens.pop();
          if (open === undefined || !usable(open) || !usable(offset)) continue;
          const inside = prose.slice(open + 1, offset);
          if (!afterChinese(prose, open, fixedClosers) && ![...inside].some(isHan)) continue;
          fixedClosers.add(offset);
          report({
            messageId: 'parentheses',
            range: doc.lines.range(open, offset + 1),
            fix: { title: { en: 'Use full-width parentheses', zh: '改为全角括号' }, edits: [replaceAt(doc, open), replaceAt(doc, offset)] },
          });
        } else if (char in FULL_WIDTH && afterChinese(prose, offset, fixedClosers) && usable(offset)) {
          // `中文![图](…)` is a Markdown image and `:)` a smiley, not punctuation.
          if ((char === '!' && paragraph[i + 1] === '[') || ((char === ':' || char === ';') && paragraph[i + 1] === ')')) continue;
          const full = FULL_WIDTH[char];
          report({
            messageId: 'mark',
            data: { char, full },
            range: doc.lines.range(offset, offset + 1),
            fix: { title: { en: `Replace with "${full}"`, zh: `改为“${full}”` }, edits: [replaceAt(doc, offset)] },
          });
        }
      }
    }
  },
};
