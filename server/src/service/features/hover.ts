import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../parse/document';
import type { Locale } from '../types';
import type { CodeEntry, CodeIndex } from '../knowledge';
import { canonicalChars } from '../parse/official';
import { agencyMarkdown, escapeMarkdown, termMarkdown } from './markdown';
import { CJK_RUN, type FeatureContext } from './context';

const STOCK_SPAN = /<span id="stock_((sh|sz|bj)(\d{6}))"[^>]*>([\s\S]*?)<\/span>/g;
const QUOTE_SPAN = /<span id="quote_((sh|sz|bj)(\d{6}))"[^>]*><\/span>/g;
const CITATION_CODE = /CLI\.\d+\.\d+/g;
const SOURCE_LINK = /原文链接[:：]\s*(https?:\/\/[^\s<>"]+)/;
/** How much of the head of a document is searched for the 原文链接 line. */
const HEAD_CHARS = 4000;

const EXCHANGES: Record<string, { zh: string; en: string }> = {
  sh: { zh: '上海证券交易所', en: 'Shanghai Stock Exchange' },
  sz: { zh: '深圳证券交易所', en: 'Shenzhen Stock Exchange' },
  bj: { zh: '北京证券交易所', en: 'Beijing Stock Exchange' },
};

interface Found {
  start: number;
  end: number;
  markdown: string;
}

/** Hover on a stock span, a 法宝引证码, a 发文字号, a policy term or an agency name. */
export function getHover(doc: PolicyDocument, position: Position, context: FeatureContext): Hover | null {
  if (doc.binary) return null;
  const offset = doc.lines.offsetAt(position);
  const lineStart = doc.lines.lineStarts[position.line] ?? offset;
  const line = doc.text.slice(lineStart, doc.lines.lineEnd(position.line));
  const column = offset - lineStart;
  const found =
    stockHover(line, column, context.locale) ??
    citationHover(doc, line, column, context.locale) ??
    docNumberHover(doc, offset, context) ??
    knowledgeHover(doc, offset, context);
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: doc.lines.range(lineStart + found.start, lineStart + found.end) };
}

function* matchesAt(pattern: RegExp, line: string, column: number): Generator<RegExpExecArray> {
  for (const match of line.matchAll(pattern)) {
    if (match.index <= column && column < match.index + match[0].length) yield match as RegExpExecArray;
  }
}

function stockHover(line: string, column: number, locale: Locale): Found | undefined {
  for (const match of matchesAt(STOCK_SPAN, line, column)) {
    const name = match[4].replace(/<[^>]*>/g, '').trim();
    return { start: match.index, end: match.index + match[0].length, markdown: stockMarkdown(match[1], match[2], match[3], name, locale) };
  }
  for (const match of matchesAt(QUOTE_SPAN, line, column)) {
    const name = [...line.matchAll(STOCK_SPAN)].find((stock) => stock[1] === match[1])?.[4].replace(/<[^>]*>/g, '').trim() ?? '';
    return { start: match.index, end: match.index + match[0].length, markdown: stockMarkdown(match[1], match[2], match[3], name, locale) };
  }
  return undefined;
}

function stockMarkdown(id: string, exchange: string, code: string, name: string, locale: Locale): string {
  const market = EXCHANGES[exchange][locale];
  const title = name ? escapeMarkdown(name) : id;
  return locale === 'zh'
    ? `**${title}**（${code}，${market}）\n\n新浪财经的股票关键词链接（\`${id}\`）：页面渲染时链接到该股票的行情页，不属于正文。`
    : `**${title}** (${code}, ${market})\n\nA Sina Finance stock keyword link (\`${id}\`): it links to the stock's quote page and is not part of the text.`;
}

function citationHover(doc: PolicyDocument, line: string, column: number, locale: Locale): Found | undefined {
  for (const match of matchesAt(CITATION_CODE, line, column)) {
    const link = SOURCE_LINK.exec(doc.text.slice(0, HEAD_CHARS))?.[1];
    const text =
      locale === 'zh'
        ? `**法宝引证码** \`${match[0]}\`\n\n北大法宝（pkulaw）为所收录的法律文件分配的引证编码，可用于在北大法宝中定位和引用该文件。${link ? `\n\n原文链接：<${link}>` : ''}`
        : `**法宝引证码 (pkulaw citation code)** \`${match[0]}\`\n\nThe code pkulaw (北大法宝) assigns to a document it holds, to find and cite it there.${link ? `\n\nSource: <${link}>` : ''}`;
    return { start: match.index, end: match.index + match[0].length, markdown: text };
  }
  return undefined;
}

function docNumberHover(doc: PolicyDocument, offset: number, context: FeatureContext): Found | undefined {
  const number = doc.official.docNumbers.find((candidate) => candidate.start <= offset && offset < candidate.end);
  if (!number) return undefined;
  const { code, entry } = splitCode(canonicalChars(number.agency.text), context.knowledge.codes);
  const codeStart = number.agency.end - code.length;
  if (offset < codeStart) return undefined;
  const { locale, knowledge } = context;
  const zh = locale === 'zh';
  const year = String(number.year.value ?? number.year.text);
  const sequence = String(number.sequence.value);
  const written = escapeMarkdown(doc.text.slice(codeStart, number.end));
  const kind = knowledge.codes.kindOf(code);
  const short = entry?.agency && knowledge.agencies.preferredName(entry.agency);
  const organName = entry?.agency ? (short === entry.agency.name ? short : `${short}（${entry.agency.name}）`) : entry?.agencyName;
  const organ = organName ? escapeMarkdown(organName) : zh ? '未知（代字不在代字表中）' : 'unknown (the 代字 is in no table)';
  const guess = entry && !entry.exact ? (zh ? `，按代字前缀「${entry.code}」推定` : `, inferred from the 代字 prefix "${entry.code}"`) : '';
  const lines = zh
    ? [`**发文字号** ${written}`, '', `- 发文机关代字：${code}`, `- 年份：${year}`, `- 发文顺序号：${sequence}`, `- 发文机关：${organ}${guess}`]
    : [`**发文字号 (document number)** ${written}`, '', `- 代字 (organ code): ${code}`, `- Year: ${year}`, `- Number: ${sequence}`, `- Issued by: ${organ}${guess}`];
  if (kind) lines.push(zh ? `- 文件类别：${kind.suffix}，${kind.zh}` : `- Kind: ${kind.suffix}, ${kind.en}`);
  const mined = entry?.mined;
  if (mined) {
    const years = mined.years[0] === mined.years[1] ? String(mined.years[0]) : `${mined.years[0]}–${mined.years[1]}`;
    lines.push(zh ? `- 语料所见：${years}年，${mined.count} 次，如 ${escapeMarkdown(mined.example)}` : `- Seen in real documents: ${years}, ${mined.count} times, e.g. ${escapeMarkdown(mined.example)}`);
  }
  if (entry?.agency) lines.push('', '---', '', agencyMarkdown(entry.agency, knowledge, locale));
  return global(doc, codeStart, number.end, lines.join('\n'));
}

/** The 代字 at the end of a run of CJK text: the longest known one, else the text after the last separator. */
function splitCode(run: string, codes: CodeIndex): { code: string; entry?: CodeEntry } {
  for (let length = run.length; length > 0; length--) {
    const code = run.slice(run.length - length);
    const entry = codes.lookup(code);
    if (entry) return { code, entry };
  }
  const code = CJK_RUN.exec(run)?.[0] ?? run;
  return { code: code.slice(Math.max(0, code.length - 6)) };
}

/** A term or an agency name under the cursor: the longer of the two matches wins. */
function knowledgeHover(doc: PolicyDocument, offset: number, context: FeatureContext): Found | undefined {
  // In the body, match against the prose, where tags, attributes and URLs are blanked.
  const text = offset >= doc.bodyStart ? doc.prose : doc.text;
  const { knowledge, locale } = context;
  const found = knowledge.terms.findAt(text, offset);
  const term = found && !insideLatinWord(text, found.start, found.end) && (!found.value.quoted || found.surface.includes('“') || quotedAt(text, found.start, found.end)) ? found : undefined;
  const agency = knowledge.agencies.names.findAt(text, offset);
  if (agency && (!term || agency.end - agency.start >= term.end - term.start)) {
    return global(doc, agency.start, agency.end, agencyMarkdown(agency.value.agency, knowledge, locale, { surface: agency.surface, form: agency.value.form }));
  }
  if (term) return global(doc, term.start, term.end, termMarkdown(term.value, locale));
  return undefined;
}

const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

/** A term that begins or ends in a Latin letter or digit (GDP, 5G) is not matched inside a longer word (GDPR, 35G). */
function insideLatinWord(text: string, start: number, end: number): boolean {
  return (LATIN_OR_DIGIT.test(text[start]) && LATIN_OR_DIGIT.test(text[start - 1] ?? '')) || (LATIN_OR_DIGIT.test(text[end - 1]) && LATIN_OR_DIGIT.test(text[end] ?? ''));
}

/** The text between start and end stands in Chinese quotation marks (“两重”, “标准地”出让). */
function quotedAt(text: string, start: number, end: number): boolean {
  return text[start - 1] === '“' && text[end] === '”';
}

/** A result found with document offsets, made relative to its line like the others. */
function global(doc: PolicyDocument, start: number, end: number, markdown: string): Found {
  const lineStart = doc.lines.lineStarts[doc.lines.positionAt(start).line];
  return { start: start - lineStart, end: end - lineStart, markdown };
}
