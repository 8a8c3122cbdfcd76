import data from '../../../data/pinyin.json';

export interface PinyinKeys {
  /** Full pinyin without tones or separators, ü written v: `guojiafazhangaigewei`. */
  full: string;
  /** First letters of the syllables: `gjfzggw`. */
  initials: string;
}

/** Each character's reading and the words that read otherwise (`server/data/pinyin.json`, from `scripts/mine/pinyin.ts`); built on first use. */
let table: { chars: Map<string, string>; words: Map<string, string[]> } | undefined;

function pinyinTable(): NonNullable<typeof table> {
  if (!table) {
    const chars = new Map<string, string>();
    for (const [syllable, list] of Object.entries(data.chars as Record<string, string>)) for (const char of list) chars.set(char, syllable);
    const words = new Map(Object.entries(data.words as Record<string, string>).map(([word, reading]) => [word, reading.split(' ')]));
    table = { chars, words };
  }
  return table;
}

const cache = new Map<string, PinyinKeys>();

/** Pinyin keys of a name: its words' readings, else its characters'; other characters are left out. Computed once per distinct name. */
export function pinyinKeys(text: string): PinyinKeys {
  let keys = cache.get(text);
  if (!keys) {
    const { chars, words } = pinyinTable();
    const syllables: string[] = [];
    for (let i = 0; i < text.length; i++) {
      const word = words.get(text.slice(i, i + 2));
      if (word) {
        syllables.push(...word);
        i++;
        continue;
      }
      const syllable = chars.get(text[i]);
      if (syllable) syllables.push(syllable);
    }
    keys = { full: syllables.join(''), initials: syllables.map((syllable) => syllable[0]).join('') };
    cache.set(text, keys);
  }
  return keys;
}
