import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** Full pinyin without tones or separators, ü written v: `guojiafazhangaigewei`. */
  full: string;
  /** First letters of the syllables: `gjfzggw`. */
  initials: string;
}

const cache = new Map<string, PinyinKeys>();

/** Pinyin keys of a name; computed once per distinct name (indexes are built at load, never per keystroke). */
export function pinyinKeys(text: string): PinyinKeys {
  let keys = cache.get(text);
  if (!keys) {
    const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' })
      .map((syllable) => syllable.toLowerCase().replace(/[^a-z]/g, ''))
      .filter(Boolean);
    keys = { full: syllables.join(''), initials: syllables.map((syllable) => syllable[0]).join('') };
    cache.set(text, keys);
  }
  return keys;
}
