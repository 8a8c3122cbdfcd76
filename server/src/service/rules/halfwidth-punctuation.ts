import { replaceCharAt } from '../edits';
import type { PolicyDocument } from '../parse/document';
import { isHan, proseParagraphs, type Paragraph } from '../parse/paragraphs';
import type { Rule, RuleContext } from '../types';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
/** Full-width closers after which a half-width mark is still in Chinese text (`《通知》,`). */
const CJK_CLOSERS = new Set(['》', '）', '〕', '】', '」', '』']);
const HALF_WIDTH = /[,;:?!()]/;
const HALF_WIDTH_MARKS = /[,;:?!()]/g;
const HALF_WIDTH_OR_QUOTE = /[,;:?!()"]/;
/** Words that make a clause a question: a `?` after them is a question mark, not a lost character. */
const QUESTION_WORDS = /[吗呢么吧嘛啊呀否谁哪啥]|什么|怎|为何|如何|几|多少|难道|岂/;
const CLAUSE_START = /[，。；：！？,;:!\s]/;
/** Markdown links and images in the source: their text is left alone. */
const MARKDOWN_LINK = /!?\[[^\]\n]*\]\([^)\n]*\)/g;

/** `fixedClosers`: half-width `)` this rule turns full-width, after which the text is as after `）`. */
function afterChinese(prose: string, offset: number, fixedClosers: ReadonlySet<number>): boolean {
  const before = prose[offset - 1];
  return isHan(before) || CJK_CLOSERS.has(before) || fixedClosers.has(offset - 1);
}

/** A paragraph with more Latin letters than Chinese characters is English text: its punctuation is its own. */
function isMostlyChinese(text: string): boolean {
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) balance--;
    else if (code >= 0x2e80 && isHan(text[i])) balance++;
  }
  return balance >= 0;
}

function markdownLinkSpans(doc: PolicyDocument): [number, number][] {
  const body = doc.text.slice(doc.bodyStart);
  if (!body.includes('](')) return [];
  return [...body.matchAll(MARKDOWN_LINK)].map((match) => [doc.bodyStart + match.index, doc.bodyStart + match.index + match[0].length]);
}

/**
 * A `?` between two Chinese characters in a clause that asks nothing (`中国?海峡项目`) stands for a
 * character lost in an encoding conversion, as do runs of them (`??省`): damage, not a question mark.
 */
function isLostCharacter(text: string, index: number): boolean {
  let before = index;
  while (text[before - 1] === '?') before--;
  let after = index;
  while (text[after + 1] === '?') after++;
  if (!isHan(text[before - 1]) || !isHan(text[after + 1])) return false;
  if (after > before) return true;
  let clauseStart = before;
  while (clauseStart > 0 && !CLAUSE_START.test(text[clauseStart - 1])) clauseStart--;
  return !QUESTION_WORDS.test(text.slice(clauseStart, before));
}

function hasHalfwidthAfterChinese(text: string): boolean {
  for (let i = 1; i < text.length; i++) if (text[i] in FULL_WIDTH && isHan(text[i - 1])) return true;
  return false;
}

/** Both sides of a `"…"` pair in Chinese text: not inside a Latin word or number, nor an assignment (`key="值"`). */
const NOT_BESIDE_QUOTE = /[A-Za-z0-9=]/;

/** Half-width `"…"` pairs around Chinese text. A paragraph that also has “ or ” is unbalanced-pairs' to judge. */
function checkQuotes(paragraph: Paragraph, usable: (offset: number) => boolean, doc: PolicyDocument, report: RuleContext['report']): void {
  const { start, text } = paragraph;
  if (/[“”]/.test(text)) return;
  const quotes: number[] = [];
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) quotes.push(i);
  if (quotes.length % 2 !== 0) return;
  for (let k = 0; k < quotes.length; k += 2) {
    const [open, close] = [quotes[k], quotes[k + 1]];
    const inside = text.slice(open + 1, close);
    if (!usable(start + open) || !usable(start + close) || inside.includes('\n') || !isMostlyChinese(inside) || ![...inside].some(isHan)) continue;
    if (NOT_BESIDE_QUOTE.test(text[open - 1] ?? '') || NOT_BESIDE_QUOTE.test(text[close + 1] ?? '')) continue;
    report({
      messageId: 'quotes',
      range: doc.lines.range(start + open, start + close + 1),
      fix: { title: { en: 'Use “…”', zh: '改为“…”' }, edits: [replaceCharAt(doc.lines, start + open, '“'), replaceCharAt(doc.lines, start + close, '”')] },
    });
  }
}

function replaceAt(doc: PolicyDocument, offset: number) {
  return replaceCharAt(doc.lines, offset, FULL_WIDTH[doc.text[offset]]);
}

export const halfwidthPunctuation: Rule = {
  meta: {
    id: 'halfwidth-punctuation',
    defaultSeverity: 'warning',
    description: {
      en: 'Chinese text uses full-width punctuation (GB/T 15834-2011): no half-width , ; : ? ! ( ) after Chinese characters, no "…" around them.',
      zh: '中文文本使用全角标点（GB/T 15834-2011）：汉字后不用半角的 , ; : ? ! ( )，汉字不用半角引号"…"括起。',
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
      quotes: {
        en: 'Half-width quotation marks "…" around Chinese text: use “…”.',
        zh: '中文中使用了半角引号"…"，应为“…”。',
      },
      crawlMetadata: {
        en: 'A crawler\'s metadata line (发布日期:, 来源: …) with half-width punctuation is in the body: it is not the document\'s text; move it into the front matter or delete it.',
        zh: '正文中有抓取时带入的网页元数据行（发布日期:、来源: 等，使用半角标点）：它不是文件正文，应移入前置元数据或删除。',
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
    let metadataReported = false;
    for (const paragraph of proseParagraphs(doc)) {
      const { start, text: paragraphText, role, crawlFields } = paragraph;
      if (role === 'reference' || !HALF_WIDTH_OR_QUOTE.test(paragraphText) || !isMostlyChinese(paragraphText)) continue;
      const metadata = role === 'crawlMetadata' ? { start, end: start + paragraphText.length } : crawlFields;
      if (metadata && !metadataReported && hasHalfwidthAfterChinese(prose.slice(metadata.start, metadata.end))) {
        metadataReported = true;
        const trimmed = prose.slice(metadata.start, metadata.end).trimEnd();
        const lead = trimmed.length - trimmed.trimStart().length;
        report({ messageId: 'crawlMetadata', range: doc.lines.range(metadata.start + lead, metadata.start + trimmed.length) });
      }
      if (role === 'crawlMetadata') continue;
      if (paragraphText.includes('"')) checkQuotes(paragraph, usable, doc, report);
      if (!HALF_WIDTH.test(paragraphText)) continue;
      const openParens: number[] = [];
      const fixedClosers = new Set<number>();
      // Only the half-width marks matter: jump from one to the next.
      for (const match of paragraphText.matchAll(HALF_WIDTH_MARKS)) {
        const i = match.index;
        const char = match[0];
        const offset = start + i;
        if (crawlFields && offset >= crawlFields.start && offset < crawlFields.end) continue;
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
          if ((char === '!' && paragraphText[i + 1] === '[') || ((char === ':' || char === ';') && paragraphText[i + 1] === ')')) continue;
          if (char === '?' && isLostCharacter(paragraphText, i)) continue;
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
