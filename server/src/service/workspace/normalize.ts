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

const TITLE_NOISE = /[\s\u3000\u00a0《》〈〉<>“”‘’"'「」『』·•]/g;
/** The country's name before a law's title, dropped in citations (`《行政许可法》`). */
export const STATE_PREFIX = '中华人民共和国';

/** A title as compared: NFKC, no spaces, quotes or title marks, round brackets one form. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(TITLE_NOISE, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** The keys a document is found by from its title: the title, and without `中华人民共和国` in front. */
export function titleKeys(title: string): string[] {
  const key = titleKey(title);
  if (key.startsWith(STATE_PREFIX) && key.length > STATE_PREFIX.length + 1) return [key, key.slice(STATE_PREFIX.length)];
  return [key];
}

/** Two titles name the same document: equal keys, or one holds the other and is long enough to mean something. */
export function sameTitle(a: string, b: string): boolean {
  const [x, y] = [titleKey(a), titleKey(b)];
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 6 && long.includes(short);
}
