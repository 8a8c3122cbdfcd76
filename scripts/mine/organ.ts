// The issuing organ named by a title (`贵州省人民政府办公厅关于…的通知`), a 发文机关标志 line
// (`国务院办公厅文件`) or a crawl header (`发文机构：…`), normalised lightly so votes on one 代字 meet.
import { SHIPPED_AGENCIES } from '../../server/src/service/knowledge';

/** Words after which a title names its subject, not its organ: the organ is what stands before. */
const TITLE_VERB = /^(.{2,60}?)(?:关于|印发|转发|批转)/;
/** A title that opens with its verb (`转发国务院办公厅关于…`) names another organ's document, not its own organ. */
const TITLE_OPENS_WITH_VERB = /^(?:关于|印发|转发|批转|发布|公布|颁布|重新)/;
/** How an organ's name ends (人民政府, 办公厅, 委员会, 部, 局 …); anything else before 关于 is not an organ. */
const ORGAN_END = /(?:中央|机关|党组|工作组|政府|办公厅|办公室|委员会|领导小组|小组|总局|中心|银行|党委|省委|市委|县委|区委|州委|委|部|局|厅|院|会|署|办|处|社|所|室|司|团|行|庭|馆|队)$/;
/** Where a second organ starts when it is run on without a separator (…办公厅广东省人民政府办公厅, 中共中央国务院). */
const ORGAN_START = /^(?:中共|中国|国家|国务院|最高|全国|[^\s办公厅部局委院会署室]{1,7}(?:省|市|自治区|自治州|县|区))/;
/** Words of a sentence, not of a name, that a crawled title may start with (贯彻落实国务院关于…). */
const PROSE_START = /^(?:原|好|要|请|由|按|依|现将|将|把|对|在|从|与|和|及|同|经(?:省|市|区|县|国务院|党中央)|遵照|参照|对照|为|贯彻|落实|认真|学习|根据|按照|进一步|做好|加强|转发|印发|批转)/;
/** Who a reply or a sentence means, not a named organ: 你院, 贵局, 我省, 省财政厅 with no province (贵阳, 本溪 are places). */
const DEICTIC_START = /^(?:你|我|该|此|各|省|市|县|区|州|自治区)|^(?:贵|本)(?:局|院|委|部|厅|办|会|司|处|省|市|县|区|府|中心|单位|公司|委员会)$/;
/** Words of prose inside a run taken for a name (地方各级…要严格按照国家森林防火指挥部). */
const PROSE_INSIDE = /按|根据|依据|要求|严格|讲话|同意|以及|我们|进行|开展|通过|下达|印发|转发|贯彻|落实|负责|会同|联合|单位和|部门和|执行|适用|安排|会议|参考|一并/;
/** A joint document's count of organs in place of their names (三部门关于, 两部委关于): no organ. */
const COUNTED_ORGANS = /^[一二两三四五六七八九十0-9]+个?(?:部门|部委|单位|委办|机构)/;
/** Separators between the organs of a joint title (`国家发展改革委 财政部关于`, `…、…关于`), and `等` before the rest (`教育部等四部门`). */
const JOINT_SEPARATOR = /[、，,；;·•\s]+|等.*$/;
const DROPPED_WORDS = /文件$|^中华人民共和国(?=.)/g;
/** Text that can stand in an organ's name: CJK, with the brackets of 中共…委员会（…） as some write them. */
const ORGAN_CHARS = /^[\u4e00-\u9fff（）()]+$/;
const ORGAN_MIN = 2;
const ORGAN_MAX = 30;

/** Names of central organs (agencies.json: name, short and informal names), to split two run on without a separator. */
const KNOWN_NAMES: readonly string[] = SHIPPED_AGENCIES.flatMap((agency) => [agency.name, ...agency.short, ...agency.informal]);
const KNOWN_NAME_SET = new Set(KNOWN_NAMES);

/** A name of a registered agency: formal, short or informal (国务院, 中国人民银行). */
export function isRegisteredName(name: string): boolean {
  return KNOWN_NAME_SET.has(name);
}

/** The name as votes compare it: canonical characters, no space, without 文件 or a leading 中华人民共和国. */
export function normaliseOrgan(name: string): string {
  return name.replace(/[\s\u3000]+/g, '').replace(DROPPED_WORDS, '');
}

/**
 * The organs of a joint list (`国家发展改革委 财政部`, `财政部、税务总局`, run on: `中共中央国务院`), or the
 * one organ, in order; empty when the first is not shaped like an organ's name (the text is prose).
 */
export function organsOf(text: string): string[] {
  const organs: string[] = [];
  for (const part of text.trim().split(JOINT_SEPARATOR)) {
    if (part === '') continue;
    let rest = normaliseOrgan(part);
    // A sentence that ends in an organ's name (监察部门依据省纪委) is no list of organs.
    if (PROSE_INSIDE.test(rest)) return organs;
    for (let head = firstOfRunOn(rest); ; head = firstOfRunOn(rest)) {
      if (!isOrganName(head)) return organs;
      organs.push(head);
      if (head === rest) break;
      rest = rest.slice(head.length);
    }
  }
  return organs;
}

export function firstOrgan(text: string): string | null {
  return organsOf(text)[0] ?? null;
}

/**
 * The organ of a joint document that a 代字 belongs to: the one whose name holds most of the code's
 * characters (国纠办发 → 国务院纠风办 in 交通部、国务院纠风办; 国科发计字 → 科技部 in 外经贸部、科技部),
 * the first organ when none stands out (财税 → 财政部 in 财政部 税务总局).
 */
export function organFor(code: string, organs: readonly string[]): string | null {
  const letters = new Set(code.slice(0, -1));
  let best: string | null = null;
  let bestScore = -1;
  for (const organ of organs) {
    const score = [...new Set(organ)].filter((char) => letters.has(char)).length;
    if (score > bestScore) [best, bestScore] = [organ, score];
  }
  return best;
}

/**
 * The first organ of names run on without a separator: cut where an organ's name ends and another
 * starts, never inside a registered name it begins with (国务院扶贫办 is one organ, not 国务院 + 扶贫办).
 */
function firstOfRunOn(name: string): string {
  const known = KNOWN_NAMES.reduce((longest, candidate) => (candidate.length > longest && name.startsWith(candidate) ? candidate.length : longest), 0);
  for (let at = Math.max(ORGAN_MIN, known); at < name.length - 1; at++) {
    const head = name.slice(0, at);
    const rest = name.slice(at);
    if (ORGAN_END.test(head) && (ORGAN_START.test(rest) || KNOWN_NAMES.some((known) => rest.startsWith(known))) && ORGAN_END.test(rest)) {
      return head;
    }
  }
  return name;
}

/** Starts as a named organ does: a central organ's name, or a place (…省, …市). Asked of names read from prose, where a sentence may run into one. */
export function startsLikeOrgan(name: string): boolean {
  return ORGAN_START.test(name) || KNOWN_NAMES.some((known) => name.startsWith(known));
}

/** Words for organs in general, not one organ (国家机关、事业单位贯彻…). */
const GENERIC_ORGAN = /^(?:国家机关|有关部门|相关部门|各级政府|上级部门|主管部门|行政机关)$/;

export function isOrganName(name: string): boolean {
  return (
    !GENERIC_ORGAN.test(name) &&
    name.length >= ORGAN_MIN && name.length <= ORGAN_MAX && ORGAN_CHARS.test(name) && ORGAN_END.test(name) && !/关于|通知|意见/.test(name) && !COUNTED_ORGANS.test(name) && !PROSE_START.test(name) && !DEICTIC_START.test(name) && !PROSE_INSIDE.test(name)
  );
}

/** The organs leading a title (`贵州省人民政府办公厅关于…`, `财政部 税务总局关于…`); empty when none leads it. */
export function titleOrgans(title: string): string[] {
  const text = title.replace(/^[\s#*]+/, '');
  if (TITLE_OPENS_WITH_VERB.test(text)) return [];
  const match = TITLE_VERB.exec(text);
  return match ? organsOf(match[1]) : [];
}
