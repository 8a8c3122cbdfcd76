import provinceData from '../../../data/provinces.json';

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

/** The ends of a document's name: a `《…》` ending so is a document, not a newspaper, a book or a song. */
const DOCUMENT_NAME =
  /(?:法|法典|条例|规定|办法|细则|规则|通知|意见|决定|决议|方案|规划|纲要|批复|复函|函|公告|通告|通报|解释|指引|指南|标准|目录|名录|清单|章程|准则|制度|要点|计划|措施|报告|令|修正案|答复|规程|规范|导则|守则|公约|协定|议定书)(?:[（(][^（）()]{1,20}[）)])?$/;

/** A notice that issues or forwards a document is cited by the document's title too (`关于印发X的通知` / `X`). */
const WRAPPER = /^(?:.*?关于)?(?:印发|转发|批转|发布|公布|下发|颁布)(.+?)的(?:通知|公告|通告|决定)$/;
/** What a title cut short by a crawler still says of the document it issues (`…关于印发《北京市东城区关于落`). */
const CUT_WRAPPER = /(?:印发|转发|批转|发布|公布|下发|颁布)(.+)$/;
const SIMILAR = 0.6;
/** A subject after the issuer long enough to name one document. */
const SUBJECT_MIN = 6;
const YEAR = /(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])/g;
/**
 * A place at the head of a title: a province, a city, a prefecture, a county, a special zone (`上海市`,
 * `广西壮族自治区`, `深圳经济特区`, `沛县`). A province or city has a name of two characters or more:
 * `城市房地产管理法` names no place.
 */
const PLACE = /^(?:中华人民共和国)?([\u4e00-\u9fff]{2,6}?(?:省|市)|[\u4e00-\u9fff]{1,6}?(?:自治区|自治州|特别行政区|经济特区|县|盟))/;

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

/** Whether a title ends as a document's name does; a crawler's cut title does not (`…关于印发《北京市东城区关于落`). */
export function wholeTitle(title: string): boolean {
  return DOCUMENT_NAME.test(title.normalize('NFKC').trim().replace(/[》〉”"'’\s]+$/, ''));
}

/** Whether the title is that of a notice issuing or forwarding other documents (`国务院关于印发…方案的通知`). */
export function issuesDocuments(title: string): boolean {
  return WRAPPER.test(titleKey(title));
}

/** A 发文字号's year (`〔2018〕`) says when the notice was written, not what it is about. */
const NUMBER_YEAR = /[〔［\[【(（﹝][0-9]{4}[〕］\]】)）﹞]/g;
/** A title's quoted document that it implements, applies, amends or explains (`实施《…》办法`, `关于适用《…》的解释`). */
const ABOUT_QUOTED = /(?:实施|贯彻|落实|执行|适用|修改|废止)[^\S\n]*《([^《》]+)》|《([^《》]+)》[^\S\n]*解读/;

/** A regulation's name, which carries no issuer (`北京市志愿服务促进条例`), unlike a notice's (`转发…的通知`). */
const REGULATION = /^(?:(?!关于).)+(?:法|条例|办法|规定|细则|规则)(?:试行|暂行)?$/;

/** Each name a title may call a province by, and the province it names (`server/data/provinces.json`). */
const PROVINCE_NAMES: ReadonlyMap<string, string> = new Map(
  provinceData.provinces.flatMap((province) => [province.name, ...province.short].map((name) => [name, province.name] as const)),
);
const PROVINCE = new RegExp([...PROVINCE_NAMES.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

/** The provinces a title names anywhere (`印发2010-2011年实施广东省知识产权战略纲要…`: 广东省). */
function provinces(key: string): Set<string> {
  return new Set((key.match(PROVINCE) ?? []).map((name) => PROVINCE_NAMES.get(name)!));
}

function years(title: string): Set<string> {
  return new Set(title.normalize('NFKC').replace(NUMBER_YEAR, '').match(YEAR) ?? []);
}

/**
 * Two titles name clearly different documents, however much of their words they share: of other years
 * (`2011年福建名牌产品` / `2012年…`), of other places (`上海市志愿服务条例` / `宁波市志愿服务条例`), a
 * place's regulation and the national one (`上海市志愿服务条例` / `志愿服务条例`), or one implements
 * the other (`河南省实施《中华人民共和国农业技术推广法》办法`). Provinces are known by name anywhere in a
 * title; a city or county only at its head.
 */
export function otherDocuments(a: string, b: string): boolean {
  if (a === b) return false;
  const [yearsA, yearsB] = [years(a), years(b)];
  if (yearsA.size > 0 && yearsB.size > 0 && ![...yearsA].some((year) => yearsB.has(year))) return true;
  const [x, y] = [titleKey(a), titleKey(b)];
  const [provincesX, provincesY] = [provinces(x), provinces(y)];
  if (provincesX.size > 0 && provincesY.size > 0 && ![...provincesX].some((province) => provincesY.has(province))) return true;
  const [placeX, placeY] = [PLACE.exec(x)?.[1], PLACE.exec(y)?.[1]];
  if (placeX && placeY && !x.includes(placeY) && !y.includes(placeX)) return true;
  // A national law and a place's document (`中华人民共和国…法` / `山东省实施《…》办法`); a national law may name a place itself (`中华人民共和国香港特别行政区驻军法`).
  const national = (key: string) => key.startsWith(STATE_PREFIX);
  if ((placeX && !national(x) && national(y)) || (placeY && !national(y) && national(x))) return true;
  // A place's regulation and the national one, named without an issuer (`北京市志愿服务促进条例` / `志愿服务条例`).
  for (const [place, key, other, otherProvinces] of [[placeX, x, y, provincesY], [placeY, y, x, provincesX]] as const) {
    if (place && key.startsWith(place) && !PLACE.test(other) && otherProvinces.size === 0 && REGULATION.test(key) && REGULATION.test(other)) return true;
  }
  for (const [title, other] of [[a, b], [b, a]]) {
    const about = ABOUT_QUOTED.exec(title.normalize('NFKC'));
    if (about && titleKeys(about[1] ?? about[2]).some((key) => titleKeys(other).includes(key))) return true;
  }
  return false;
}

/** What a title says after its issuer (`两部门关于X` / `工业和信息化部办公厅…关于X`: `X`). */
function subject(key: string): string {
  const at = key.indexOf('关于');
  return at >= 0 ? key.slice(at + 2) : key;
}

/**
 * Two titles name the same document: equal keys, one holds the other (long enough to mean something),
 * the same subject under another name of the issuer (`两部门关于…` / `工业和信息化部办公厅国家广播电视总局办公厅关于…`),
 * one is the issuing notice of the other, one is cut short by a crawler and the other goes on from it,
 * or they differ only in a few words (`2018年` / `2018年度`, `省政府办公厅` / `福建省人民政府办公厅`) —
 * slips in quoting, not another document. Never when they are clearly other documents (otherDocuments).
 */
export function sameTitle(a: string, b: string): boolean {
  const [x, y] = [titleKey(a), titleKey(b)];
  if (x === y) return true;
  if (otherDocuments(a, b)) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 6 && long.includes(short)) return true;
  const [subjectX, subjectY] = [subject(x), subject(y)];
  if (subjectX.length >= SUBJECT_MIN && subjectX === subjectY) return true;
  const [xInner, yInner] = [WRAPPER.exec(x)?.[1] ?? x, WRAPPER.exec(y)?.[1] ?? y];
  if (xInner === yInner || (xInner !== x && yInner.includes(xInner)) || (yInner !== y && xInner.includes(yInner))) return true;
  for (const [title, key, other] of [[a, x, y], [b, y, x]]) {
    if (wholeTitle(title)) continue;
    const issued = CUT_WRAPPER.exec(key)?.[1];
    if (issued && issued.length >= 4 && other.includes(issued)) return true;
  }
  return similarity(x, y) >= SIMILAR;
}
