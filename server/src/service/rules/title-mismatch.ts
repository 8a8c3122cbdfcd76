import type { Rule } from '../types';
import { valueRange } from './frontMatterHelpers';

/** Only the head of the body is searched: portals put the 原标题 line first. */
const SEARCH_CHARS = 3000;
const ORIGINAL_TITLE = /原标题\s*[：:][ \t\u3000\u00a0]*([^\r\n]*)/;
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', mdash: '—', middot: '·' };
const PREVIEW_LENGTH = 60;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The 原标题 line's text as a reader sees it: tags removed, entities decoded, spaces trimmed. */
function readable(line: string): string {
  return decodeEntities(line.replace(/<[^>]*>/g, '')).trim();
}

/** What two titles are compared on: no whitespace (full-width included), no punctuation or symbols. */
export function comparableTitle(text: string): string {
  return decodeEntities(text).replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

const shorten = (text: string) => (text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text);

export const titleMismatch: Rule = {
  meta: {
    id: 'title-mismatch',
    defaultSeverity: 'info',
    description: {
      en: 'The title should match the body\'s "原标题：" (original title) line, apart from spacing and punctuation.',
      zh: '标题应与正文中“原标题：”一行一致（空白和标点除外）。',
    },
    messages: {
      mismatch: {
        en: 'The title differs from the original title in the body.\ntitle:  {title}\n原标题: {original}',
        zh: '标题与正文中的原标题不一致。\n标题：{title}\n原标题：{original}',
      },
    },
    fixable: false,
  },
  check({ doc, report }) {
    const entry = doc.entry('title');
    if (!entry || typeof entry.value !== 'string' || entry.value.trim() === '') return;
    const match = ORIGINAL_TITLE.exec(doc.text.slice(doc.bodyStart, doc.bodyStart + SEARCH_CHARS));
    if (!match) return;
    const original = readable(match[1]);
    if (original === '' || comparableTitle(original) === comparableTitle(entry.value)) return;
    report({ messageId: 'mismatch', data: { title: shorten(entry.value.trim()), original: shorten(original) }, range: valueRange(doc, entry) });
  },
};
