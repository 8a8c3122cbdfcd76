// Runs of prose the parser still takes for a 代字 (a sentence or a flattened table run into the
// number). Found by reading the mined rows in their documents.

/** Words that no real 代字 holds: a portal's category (其他〔2021〕89号), table cells run into a code (国发政许可), verbs and organs of the sentence (符合劳人险, 关于修改内政发, 省政府粤府, 以下简称京缓堵函), a name cut by the parser (中华人民共和|国主席令). */
const PROSE_WORDS: readonly string[] = ['其他', '简称', '修改', '修订', '明确', '具体', '主席令', '下放事项', '被关', '上草原', '政许可', '符合', '省政府', '领会', '确保', '把握'];
/** A frequent 代字 is this many times as common as a longer one ending in it before that one counts as prose + 代字. */
const PREFIXED_RATIO = 3;
const PREFIXED_MIN = 5;
/** A head this long is a word of its own: it must start another 代字 itself, not only share its first character. */
const HEAD_WORD = 3;

export function hasProseWord(code: string): boolean {
  return PROSE_WORDS.some((word) => code.includes(word));
}

/**
 * Finds prose run into a frequent 代字 (准确把握国发 → 握国发, 确保国发, 深刻领会国办发): the code ends in a
 * 代字 far more common than itself, and what stands before that one starts no other 代字 seen that is
 * not itself such a run, or, when it is one or two characters, no such 代字 starts with its first
 * character (广州银发 stays: 广 starts 广发; 交体法发 stays: 交 starts 交运发).
 */
export class ProseBeforeCode {
  /** The 代字 that do not end in a far more common one after a head of their own, by each of their beginnings. */
  private readonly starting = new Map<string, string[]>();
  private readonly heads = new Map<string, string>();

  constructor(private readonly counts: ReadonlyMap<string, number>) {
    for (const code of counts.keys()) {
      const head = this.headBefore(code);
      if (head !== null) {
        this.heads.set(code, head);
        continue;
      }
      for (let length = 1; length < code.length; length++) {
        const start = code.slice(0, length);
        if (!this.starting.has(start)) this.starting.set(start, []);
        this.starting.get(start)!.push(code);
      }
    }
  }

  test(code: string): boolean {
    const head = this.heads.get(code);
    return head !== undefined && !this.startsOtherCode(head, code);
  }

  /** Whether `head` (its first character when short) starts a 代字 other than `self`, seen in at least `minDocuments` documents. */
  startsOtherCode(head: string, self: string, minDocuments = 1): boolean {
    const codes = this.starting.get(head.length < HEAD_WORD ? head[0] : head) ?? [];
    return codes.some((code) => code !== self && (this.counts.get(code) ?? 0) >= minDocuments);
  }

  /** What stands before the longest far more common 代字 the code ends in, null when it ends in none. */
  private headBefore(code: string): string | null {
    const count = this.counts.get(code) ?? 0;
    for (let length = code.length - 1; length >= 2; length--) {
      const tailCount = this.counts.get(code.slice(code.length - length)) ?? 0;
      if (tailCount >= PREFIXED_MIN && tailCount >= PREFIXED_RATIO * count) return code.slice(0, code.length - length);
    }
    return null;
  }
}

/**
 * A registered organ's name run into a far more common 代字 (按照国务院国发〔2000〕36号文): the name is the
 * sentence's. A name with a kind of its own stays (中国人民银行公告: 公告 is no 代字 of its own).
 */
export function organBeforeCode(code: string, counts: ReadonlyMap<string, number>, isRegisteredName: (name: string) => boolean): boolean {
  const count = counts.get(code) ?? 0;
  for (let length = 2; length <= code.length - 2; length++) {
    const tailCount = counts.get(code.slice(length)) ?? 0;
    if (tailCount >= PREFIXED_MIN && tailCount >= PREFIXED_RATIO * count && isRegisteredName(code.slice(0, length))) return true;
  }
  return false;
}

/** A rare 代字 is garbled when each of its numbers is cited under a code this many times as common. */
const GARBLED_RATIO = 5;

/**
 * Finds a code garbled in a flattened table or a bad extraction (国省发〔2013〕44号 for 国发〔2013〕44号):
 * seen in one document, each number written with it is also cited, with the same year and sequence,
 * under a far more common code that is the same but one character.
 */
export class GarbledCode {
  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    /** The codes each number (`〔2013〕44号`) is written with. */
    private readonly codesOfNumber: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  ) {}

  test(code: string, numbers: Iterable<string>): boolean {
    const count = this.counts.get(code) ?? 0;
    // Numbers of a common code coincide by chance with those of a rare real one (国乡振发, 国卫财务发): only a code seen once, one character off, is taken for garbled.
    if (count > 1) return false;
    let any = false;
    for (const number of numbers) {
      any = true;
      const twins = [...(this.codesOfNumber.get(number)?.keys() ?? [])];
      const garbledFrom = (other: string) =>
        other.length === code.length - 1 && (this.counts.get(other) ?? 0) >= GARBLED_RATIO * count && isSubsequence(other, code);
      if (!twins.some(garbledFrom)) return false;
    }
    return any;
  }
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

/**
 * Finds a code damaged beside its twin, the same number (year and sequence) written under a code that
 * is the same with characters added or lost. Seen in one document, a code is damaged when
 * - it holds its twin with more around it (prose or a table cell run in: 国务院中发 for 中发, 国证核发发 for
 *   国发), the twin more common and either in the same document or the end of the code after a head;
 *   equally rare, in the same document, after a head that starts no other 代字 seen twice (落实好东府办发);
 * - it is the end of its twin (its start lost at a line break or a cell: 物保发 for 文物保发, 政呈 for
 *   青政呈), the twin more common or its head starting other 代字 (seen in two documents or more).
 * Rare real codes sharing a number with a common one by chance (国卫办人口发, 国发) are neither.
 */
/** A head starts 代字 when it starts one seen in this many documents: damaged runs are seen once. */
const SHARED = 2;

export class TwinNumber {
  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    /** The codes each number is written with, and the documents that write it so. */
    private readonly codesOfNumber: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>,
    private readonly prose: ProseBeforeCode,
  ) {}

  test(code: string, docs: ReadonlySet<string>, numbers: Iterable<string>): boolean {
    const count = this.counts.get(code) ?? 0;
    if (count > 1) return false;
    for (const number of numbers) {
      for (const [twin, twinDocs] of this.codesOfNumber.get(number) ?? []) {
        if (twin === code || hasProseWord(twin)) continue;
        const twinCount = this.counts.get(twin) ?? 0;
        const sameDoc = [...twinDocs].some((doc) => docs.has(doc));
        if (twin.length < code.length && isSubsequence(twin, code)) {
          const head = code.endsWith(twin) ? code.slice(0, code.length - twin.length) : null;
          if (twinCount > count && (sameDoc || (head !== null && twinCount >= PREFIXED_MIN))) return true;
          if (twinCount === count && sameDoc && head !== null && !this.prose.startsOtherCode(head, code, SHARED)) return true;
        }
        if (twin.length > code.length && twin.endsWith(code)) {
          const head = twin.slice(0, twin.length - code.length);
          if (twinCount > count || this.prose.startsOtherCode(head, twin, SHARED)) return true;
        }
      }
    }
    return false;
  }
}
