/** Numbers as official texts write them: full-width digits, years digit by digit in Chinese numerals, 1 to 99 in Chinese numerals. */

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUMERAL_OF = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** ASCII digits for full-width ones (０-９). */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

/** A year written digit by digit in Chinese numerals: 二〇二〇 → 2020. */
export function chineseYear(text: string): number | null {
  let value = 0;
  for (const char of text) {
    const digit = CHINESE_DIGITS[char];
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return value;
}

/** A number from 1 to 99 in Chinese numerals: 三, 十, 十二, 二十, 二十一. */
export function chineseNumber(text: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return null;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? CHINESE_DIGITS[tens] : null;
  return (tens ? CHINESE_DIGITS[tens] : 1) * 10 + (units ? CHINESE_DIGITS[units] : 0);
}

/** 1 to 99 in Chinese numerals, the inverse of chineseNumber. */
export function chineseNumeral(value: number): string {
  const units = NUMERAL_OF[value % 10];
  if (value < 10) return units;
  return `${value >= 20 ? NUMERAL_OF[Math.floor(value / 10)] : ''}十${units}`;
}
