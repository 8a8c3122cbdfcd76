/**
 * Keys that citations and documents are matched by: a 发文字号 whatever its brackets, spaces and digit
 * width, a title whatever its width, spacing, quotes and inner title marks.
 */

const SPACE = /[\s\u3000\u00a0]+/g;
const OPEN = /[〔［\[【(（﹝]/g;
const CLOSE = /[〕］\]】)）﹞]/g;

/** `国办发 [2020] 4 号`, `国办发（２０２０）４号` and `国办发〔2020〕04号` all give `国办发〔2020〕4号`. */
export function numberKey(number: string): string {
  return number
    .normalize('NFKC')
    .replace(SPACE, '')
    .replace(OPEN, '〔')
    .replace(CLOSE, '〕')
    .replace(/〕第/, '〕')
    .replace(/〕0+(?=[0-9])/, '〕')
    .replace(/号?$/, '号');
}

/** Spaces, punctuation and symbols: `最高人民法院、最高人民检察院` is `最高人民法院  最高人民检察院`, `（2019-2022年）` is `（20192022年）`. */
const TITLE_NOISE = /[\s\p{P}\p{S}]/gu;
/** The country's name before a law's title, dropped in citations (`《行政许可法》`). */
export const STATE_PREFIX = '中华人民共和国';

/** A title as compared: NFKC, without spaces, punctuation (title marks, quotes, brackets) and symbols. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(TITLE_NOISE, '');
}

/** The keys a document is found by from its title: the title, and without `中华人民共和国` in front. */
export function titleKeys(title: string): string[] {
  const key = titleKey(title);
  if (key.startsWith(STATE_PREFIX) && key.length > STATE_PREFIX.length + 1) return [key, key.slice(STATE_PREFIX.length)];
  return [key];
}

/** A notice that issues or forwards a document is cited by the document's title too (`关于印发X的通知` / `X`). */
const WRAPPER = /^(?:.*?关于)?(?:印发|转发|发布|公布|下发|颁布)(.+?)的(?:通知|公告|通告|决定)$/;
const SIMILAR = 0.6;

function bigrams(key: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < key.length; i++) grams.set(key.slice(i, i + 2), (grams.get(key.slice(i, i + 2)) ?? 0) + 1);
  return grams;
}

/** Dice coefficient of the character bigrams of two keys (0–1). */
function similarity(a: string, b: string): number {
  const [x, y] = [bigrams(a), bigrams(b)];
  let shared = 0;
  for (const [gram, count] of x) shared += Math.min(count, y.get(gram) ?? 0);
  return (2 * shared) / Math.max(1, a.length - 1 + b.length - 1);
}

/**
 * Two titles name the same document: equal keys, one holds the other (long enough to mean something),
 * one is the issuing notice of the other, or they differ only in a few words (`2018年` / `2018年度`,
 * `省政府办公厅` / `福建省人民政府办公厅`) — slips in quoting, not another document.
 */
export function sameTitle(a: string, b: string): boolean {
  const [x, y] = [titleKey(a), titleKey(b)];
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 6 && long.includes(short)) return true;
  const [xInner, yInner] = [WRAPPER.exec(x)?.[1] ?? x, WRAPPER.exec(y)?.[1] ?? y];
  if (xInner === yInner || (xInner !== x && yInner.includes(xInner)) || (yInner !== y && xInner.includes(yInner))) return true;
  return similarity(x, y) >= SIMILAR;
}
