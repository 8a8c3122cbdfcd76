import type { ProfileName } from '../types';
import { nearestKey } from '../nearestKey';
import { HEXO_MARKER_KEYS } from '../profiles';
import type { FrontMatter } from './frontMatter';

const PKULAW_HEADER = /北大法宝|法宝引证码/;
const RFC2822_DATE = /^[A-Za-z]{3},\s*\d{1,2}\s+[A-Za-z]{3}\s+\d{4}/;
/** 发文字号 such as 商财函〔2020〕68号, with any bracket people use for the year. */
const DOC_NUMBER = /(?<=[\u4e00-\u9fff])[〔［\[【(（﹝]\s*[0-9０-９]{2,4}\s*[〕］\]】)）﹞]\s*第?\s*[0-9０-９]{1,4}\s*号/;
/** A 主送机关 line: a short line of addressees ending in a full-width colon. */
const ADDRESSEE_LINE = /^[ \t\u3000]*(各|[\u4e00-\u9fff]{2,}(部|委|局|厅|办|府|会|院|处|室|单位))[^\n。！？]{0,200}：[ \t\u3000]*$/m;
/** A 成文日期 on a line of its own, in Arabic or Chinese numerals. */
const WRITTEN_DATE_LINE = /^[ \t\u3000]*([0-9]{4}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日[ \t\u3000]*$/m;
/** How much of the text is looked at for the header and for the 落款. */
const HEAD_CHARS = 4000;
const TAIL_CHARS = 2000;

function firstNonBlankLine(text: string, from: number): string {
  const match = /[^\s\uFEFF][^\r\n]*/.exec(text.slice(from, from + HEAD_CHARS));
  return match ? match[0] : '';
}

function looksOfficial(text: string, bodyStart: number): boolean {
  const head = text.slice(bodyStart, bodyStart + HEAD_CHARS);
  const tail = text.slice(Math.max(bodyStart, text.length - TAIL_CHARS));
  return DOC_NUMBER.test(head) || ADDRESSEE_LINE.test(head) || WRITTEN_DATE_LINE.test(tail);
}

const JEKYLL_MARKER_KEYS = ['layout'];
/**
 * A misspelt marker key (`layput`, `thumbnial`) still marks the profile, so that unknown-key reports it
 * instead of the file falling back to markdown unchecked. Shorter markers (toc, top, cover) must be
 * exact: one or two edits turn them into other words (doc, to, color).
 */
const NEAR_MISS_MIN_LENGTH = 6;
const nearMissMarkers = (markers: readonly string[]) => markers.filter((key) => key.length >= NEAR_MISS_MIN_LENGTH);
const NEAR_MISS_MARKERS: [ProfileName, string[]][] = [
  ['jekyll', nearMissMarkers(JEKYLL_MARKER_KEYS)],
  ['hexo', nearMissMarkers(HEXO_MARKER_KEYS)],
];

function frontMatterProfile(frontMatter: FrontMatter): ProfileName | undefined {
  const keys = frontMatter.entries.map((entry) => entry.key);
  if (JEKYLL_MARKER_KEYS.some((key) => keys.includes(key))) return 'jekyll';
  const date = frontMatter.entries.find((entry) => entry.key === 'date')?.value;
  if (HEXO_MARKER_KEYS.some((key) => keys.includes(key)) || (typeof date === 'string' && RFC2822_DATE.test(date))) return 'hexo';
  return NEAR_MISS_MARKERS.find(([, markers]) => keys.some((key) => nearestKey(key, markers)))?.[0];
}

/** Detects the document's profile from its content (see SPEC → Profiles). */
export function detectProfile(text: string, frontMatter: FrontMatter | null, bodyStart: number): ProfileName {
  if (!frontMatter && PKULAW_HEADER.test(firstNonBlankLine(text, bodyStart))) return 'pkulaw';
  const fromKeys = frontMatter && frontMatterProfile(frontMatter);
  if (fromKeys) return fromKeys;
  if (looksOfficial(text, bodyStart)) return 'gongwen';
  return 'markdown';
}
