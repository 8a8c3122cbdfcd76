/**
 * The title of a document that has none in its front matter: its own title line at the top of the
 * body. Crawled pages put more above and around it — a catalogue line (`【河南省安阳市】关于…`), the
 * portal's copy and the page's own, a `[视频]` label, a title broken over several lines, the page's
 * date and counters run into it — and all of those are title, never body text.
 */
import { bodyMetadata } from './metadata';

export interface TitleCandidate {
  text: string;
  /** Printed with a paragraph indent: body text, never a title. */
  indented: boolean;
  /** A Markdown heading: a whole title or section name, never a line of a hard-wrapped title. */
  heading?: boolean;
}

export interface FoundTitle {
  title: string;
  /** The line that gave the title. */
  index: number;
  /** The leading lines that are the title or a copy of it (the title's line among them). */
  lines: number[];
  /** The last line of a title broken over several lines from `index` on. */
  through?: number;
  /** The page's metadata run into the title's line (`…的通知发布日期:2023-01-29 来源:…`). */
  runIn?: string;
  /** Lines that only repeat a 发文字号 the document prints again below (a crawler's field). */
  crawlerNumbers?: number[];
  /** A bare publication time on the line after the title (`2023-01-03 19:13:23`). */
  date?: { index: number; value: string };
}

/** How far down the body a title line or a copy of it is looked for. */
const REACH = 6;
const TITLE_MAX = 100;
const TITLE_MIN = 4;
/** How much longer than the title a copy of it may be. */
const COPY_GROWTH = 1.6;
const SITE_SEPARATOR = /^[-–—|_｜]/;
/** A line ending like a sentence or a lead-in is body text. */
const NOT_A_TITLE_END = /[。；，,;：:、]$/;
/** A label or a catalogue entry in front of the title: `[视频]`, `【湖北省宜昌市】`. */
const VIDEO_LABEL = /^[[［]视频[\]］][\s\u3000]*/;
const CATALOGUE = /^【[^】]{1,20}】[\s\u3000]*/;
const QUOTED = /^《([^《》]+)》$/;
/** Metadata a portal runs into the title's line: `发布日期:`, `来源：`, `浏览次数：`. */
const RUN_IN = /(?:发布日期|发布时间|信息来源|来源|浏览次数|访问次数|点击数|字号|字体)[\s\u3000]*[:：]/;
/** The endings of a document's name: a title that ends so is one even without metadata around it. */
const DOCUMENT_KIND = /(?:通知|通告|公告|意见|办法|决定|规定|细则|方案|批复|复函|函|解读|决议|条例|规划|要点|答记者问|举措|措施)[)）》”]?$/;
/** A hard-wrapped title's first line is this long at least; the lines it goes on over, no longer than it, and all but the last nearly as long. */
const WRAPPED_MIN = 12;
const WRAPPED_LINES_MAX = 3;
const WRAPPED_WIDTH = 0.8;
/** Words, not a rule line (`━━━━`). */
const WORDS = /[\u4e00-\u9fff]{2}/;
/** A line with a clause inside is a sentence of the text (`各街道办事处、…：现将《…`), never part of a title. */
const CLAUSE = /[，。；：,;:]/;
/** A line that starts with a date is the page's dateline, not a title. */
const DATED = /^\d{4}[-/.年]\d{1,2}/;
const BARE_TIME = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[\sT]*\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** A line that is only a 发文字号: a crawler's field for it, next to the title. */
const NUMBER_LINE = /^[（(]?[^\s，。；：]{1,20}[〔［[(（]\d{4}[〕］\])）][ \t]*\d{1,4}[ \t]*号[）)]?$/;

/** A comparison key: width, spacing, quotes and book-title marks do not matter. */
function key(text: string): string {
  return text.normalize('NFKC').replace(/[\s《》〈〉“”‘’"'「」]/g, '');
}

function shown(text: string): string {
  const bare = text.replace(VIDEO_LABEL, '').trim();
  return QUOTED.exec(bare)?.[1] ?? bare;
}

/** The line without the metadata run into it, and that metadata. */
function cutRunIn(text: string): { text: string; runIn?: string } {
  const found = RUN_IN.exec(text);
  if (!found || found.index < TITLE_MIN) return { text };
  return { text: text.slice(0, found.index).trim(), runIn: text.slice(found.index) };
}

function titleLike(candidate: TitleCandidate | undefined, text: string): boolean {
  if (!candidate || candidate.indented) return false;
  return text.length >= TITLE_MIN && text.length <= TITLE_MAX && !NOT_A_TITLE_END.test(text) && !DATED.test(text) && bodyMetadata(text) === null;
}

const isMetadata = (text: string | undefined) => text !== undefined && (bodyMetadata(text) !== null || BARE_TIME.test(text.trim()));

/** One key holds the other, and the shorter is long enough to mean something. */
function sameTitle(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // A page's <title> adds the site's name after a separator: `…的通知-嘶吼RoarTalk –网络安全行业综合服务平台`.
  if (short.length >= TITLE_MIN * 2 && long.startsWith(short) && SITE_SEPARATOR.test(long.slice(short.length))) return true;
  // Otherwise a copy may add a label or an organ name (【湖北省宜昌市】, 宜昌住房公积金中心), never a sentence of text.
  if (long.length > short.length * COPY_GROWTH + TITLE_MIN) return false;
  return short.length >= TITLE_MIN * 2 ? long.includes(short) : short === long;
}

/**
 * The title line among the first lines of a body, with the copies around it. `known` is a title
 * given elsewhere (front matter): then only copies of it are looked for.
 */
export function findTitle(lines: readonly TitleCandidate[], known?: string): FoundTitle | undefined {
  const first = lines[0];
  if (!first) return undefined;
  let title: string;
  let index = 0;
  let runIn: string | undefined;
  const used = [0];
  const numbers: number[] = [];
  if (known !== undefined) {
    if (bodyMetadata(first.text) !== null || !sameTitle(key(shown(first.text)), key(known))) return undefined;
    title = known;
  } else {
    const cut = cutRunIn(shown(first.text));
    if (!titleLike(first, cut.text)) return undefined;
    title = cut.text;
    runIn = cut.runIn;
  }
  // A title hard-wrapped with no whole copy (a PDF's lines): its first line does not end as a document's
  // name, the next lines, no longer, go on until one does (`…关于印发《北京市东城区关于落` / `实继续…` / `措施实施细则》的通知`).
  let through: number | undefined;
  if (known === undefined && !first.heading && title.length >= WRAPPED_MIN && WORDS.test(title) && !CLAUSE.test(title) && !DOCUMENT_KIND.test(title)) {
    let joined = title;
    for (let next = 1; next <= WRAPPED_LINES_MAX && next < lines.length; next++) {
      const text = shown(lines[next].text);
      if (lines[next].heading || !titleLike(lines[next], text) || text.length > title.length || CLAUSE.test(text) || NUMBER_LINE.test(text) || isMetadata(text)) break;
      joined += text;
      if (DOCUMENT_KIND.test(joined)) {
        through = next;
        break;
      }
      // Wrapped at a fixed width: a line the title goes on over is about as long as the first.
      if (text.length < title.length * WRAPPED_WIDTH) break;
    }
    if (through !== undefined) {
      title = joined;
      for (let i = 1; i <= through; i++) used.push(i);
    }
  }
  const catalogue = known === undefined && CATALOGUE.test(title);
  for (let next = (through ?? 0) + 1; next < Math.min(lines.length, REACH); next++) {
    const line = lines[next];
    const cut = cutRunIn(shown(line.text));
    // A title broken over several lines: these lines together are the title.
    let joined = '';
    let last = next;
    while (last < lines.length && joined.length < key(title).length) joined += key(lines[last++].text);
    if (joined === key(title) && last - next > 1) {
      for (let i = next; i < last; i++) used.push(i);
      next = last - 1;
      continue;
    }
    if (NUMBER_LINE.test(line.text.trim())) {
      numbers.push(next);
      continue;
    }
    if (!titleLike(line, cut.text)) {
      if (isMetadata(line.text)) continue;
      break;
    }
    // Under a title joined from its lines, a line with a clause is the text's first sentence, which may repeat the title.
    if (through !== undefined && CLAUSE.test(cut.text)) break;
    const copy = sameTitle(key(cut.text), key(title.replace(CATALOGUE, '')));
    // Under a catalogue line, the page's own title: with its metadata, or named like a document.
    const pageTitle = catalogue && index === 0 && next === used.at(-1)! + 1 && (cut.runIn !== undefined || isMetadata(lines[next + 1]?.text) || DOCUMENT_KIND.test(cut.text));
    if (!copy && !pageTitle) break;
    used.push(next);
    // The later copy is the document's own (the page's title under a catalogue line, the text's under pkulaw's).
    // (A copy broken over lines keeps the title as one line.)
    if (known === undefined && !cut.text.includes('\n')) {
      title = cut.text;
      index = next;
      runIn = cut.runIn ?? runIn;
    }
  }
  // A crawler's 发文字号 field above the title's copy, when the document prints the number again below it.
  const crawlerNumbers = numbers.filter((at) => lines.slice(at + 1, at + REACH + 2).some((line) => key(line.text) === key(lines[at].text)));
  const found: FoundTitle = { title: title.trim(), index, lines: used, ...(through !== undefined && index === 0 ? { through } : {}), ...(runIn ? { runIn } : {}), ...(crawlerNumbers.length > 0 ? { crawlerNumbers } : {}) };
  const after = lines[used.at(-1)! + 1];
  if (after && BARE_TIME.test(after.text.trim())) found.date = { index: used.at(-1)! + 1, value: after.text.trim() };
  return found;
}
