/**
 * Scope: does a file look like a policy document? In a workspace without `.policydocrc.json` only
 * those get policydoc diagnostics, so a Chinese README or a note in an unrelated project stays
 * quiet. The signals are read from the parsed model and the agency registry; nothing is re-parsed.
 */
import type { Knowledge } from './knowledge';
import type { PolicyDocument } from './parse/document';

/** What marks a policy document (SPEC → "The three document formats"). */
export type ScopeSignal =
  /** Hexo or Jekyll front matter: a post of the news site; or a front matter that does not parse. */
  | 'post-front-matter'
  /** A pkulaw export (its 北大法宝 header) or a 法宝引证码. */
  | 'pkulaw'
  /** The document's own 发文字号, or a cited one written in full (…〔2020〕4号). */
  | 'doc-number'
  /** 层次序数 of an official text: `一、` and `（一）` both, each counted 1, 2 in order. */
  | 'sections'
  /** A 主送机关 line near the top: addressees ending in an organ and a colon (各市、县（区）人民政府，省政府各部门：). */
  | 'addressee'
  /** A line saying when and by whom the text was adopted or promulgated (2001年12月29日 第九届…会议通过). */
  | 'promulgation'
  /** Articles 第一条, 第二条 at the start of lines: a law, a regulation, rules. */
  | 'articles'
  /** A title that names a kind of official document (…条例, …的通知, 中华人民共和国…法). */
  | 'document-title'
  /** An agency's formal or short name in the title of something written like a document or a news item. */
  | 'agency-title'
  /** A news item's header: 发布日期 with a date, 来源 naming a source, or a news agency's dateline. */
  | 'news-header';

/** `policydoc.enable`: `auto` checks policy documents only (every included file once the project has a `.policydocrc.json`), `always` every included file, `never` none. */
export type EnableSetting = 'auto' | 'always' | 'never';
export const ENABLE_SETTINGS: readonly EnableSetting[] = ['auto', 'always', 'never'];

/** How far down the body the title line is looked for. */
const TITLE_REACH = 600;
const TITLE_MAX = 120;
/** What follows an agency in a title that is a document's (关于…的通知) or a news item's (召开, 印发, ：). */
const DOCUMENT_TITLE = /关于|[：:]|召开|举行|印发|发布|部署|出台|召集|主持|会见|会议|座谈|答记者问|新闻发布|(?:通知|意见|决定|办法|规定|公告|通告|通报|批复|复函|函|报告|方案|规划|条例|细则|纲要|决议|命令|令|纪要|指引|指南|规则|要点|讲话)(?:[（(][^）)]*[）)])?$/;

/** A title naming its kind of document; a bare …法 only as a law's title (中华人民共和国…法, 省…法), not 方法 or 算法. */
const KIND_TITLE = /(?:条例|规定|办法|细则|决定|决议|通知|意见|公告|通告|通报|批复|纲要|规划|实施方案|工作报告|修正案)(?:[（(][^）)]*[）)])?$|^(?:中华人民共和国|[\u4e00-\u9fff]{2,7}(?:省|自治区|市))[\u4e00-\u9fff]{2,30}法(?:[（(][^）)]*[）)])?$/;
const ARTICLE_1 = /^[ \t\u3000#*]*第一条[ \t\u3000]/m;
const ARTICLE_2 = /^[ \t\u3000#*]*第二条[ \t\u3000]/m;
/** Header lines of a news item as portals and crawlers write them, or a dateline. */
const NEWS_HEADER = /(?:发布日期|发布时间|成文日期|发文日期)[ \t\u3000]*[:：][ \t\u3000]*\d{4}|(?:^|[ \t\u3000])(?:来源|信息来源|文章来源)[ \t\u3000]*[:：][ \t\u3000]*[\u4e00-\u9fff]|新华社[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电|央视网消息|本台消息|本报讯|《新闻联播》|[（(]新闻联播[)）]/m;
const PROMULGATION = /^[ \t\u3000（(]*\d{4}年\d{1,2}月\d{1,2}日[^\n]{0,80}?(?:通过|公布|施行|发布|印发)/m;
/** Unlike the profile's looser test, the organ's suffix comes right before the colon, so a lead-in (…包含以下部分：) is not one. */
const ADDRESSEE = /^[ \t\u3000]*(?:各|[\u4e00-\u9fff]{2,})[^\n：:。！？]{0,120}(?:部|委|局|厅|办|府|会|院|处|室|单位|公司|专家|部门)[ \t\u3000]*[：:][ \t\u3000]*$/m;
const HEAD_CHARS = 1500;

/** The document's title: the front matter's, else its first line (a heading's text without `#`). */
function titleOf(doc: PolicyDocument): string {
  const fromFrontMatter = doc.entry('title')?.value;
  if (typeof fromFrontMatter === 'string' && fromFrontMatter.trim()) return fromFrontMatter.trim();
  const head = doc.text.slice(doc.bodyStart, doc.bodyStart + TITLE_REACH);
  const line = /^[ \t\u3000]*(?:#{1,6}[ \t]+)?(\S[^\r\n]*)/m.exec(head)?.[1] ?? '';
  return line.trim().replace(/^《([^《》]+)》$/, '$1').slice(0, TITLE_MAX);
}

function hasAgencyTitle(doc: PolicyDocument, knowledge: Knowledge): boolean {
  const title = titleOf(doc);
  if (!title) return false;
  for (const match of knowledge.agencies.scan(title)) {
    if (match.value.form === 'informal' && knowledge.agencies.isShared(match.surface)) continue;
    if (DOCUMENT_TITLE.test(title.slice(match.end))) return true;
  }
  return false;
}

/** Two markers of the level in order (一、 then 二、), neither in doubt. */
function numbered(doc: PolicyDocument, level: 1 | 2): boolean {
  const values = doc.official.sections.filter((marker) => marker.level === level && !marker.doubtful).map((marker) => marker.value);
  return values.some((value, index) => value === 1 && values.slice(index + 1).includes(2));
}

/** The signals that mark `doc` as a policy document, cheapest first; empty for anything else. */
export function policySignals(doc: PolicyDocument, knowledge: Knowledge): ScopeSignal[] {
  return [...signalsOf(doc, knowledge)];
}

/** Whether `doc` has any signal: stops at the first, so most documents skip the costlier tests. */
export function isPolicyDocument(doc: PolicyDocument, knowledge: Knowledge): boolean {
  return !signalsOf(doc, knowledge).next().done;
}

function* signalsOf(doc: PolicyDocument, knowledge: Knowledge): Generator<ScopeSignal> {
  if (doc.binary) return;
  // A front matter that does not parse is most likely a post's being edited: its problems are shown.
  const brokenFrontMatter = doc.frontMatter !== null && (doc.frontMatter.problems.length > 0 || !doc.frontMatter.closed);
  if (doc.profile === 'hexo' || doc.profile === 'jekyll' || brokenFrontMatter) yield 'post-front-matter';
  const official = doc.official;
  if (doc.profile === 'pkulaw' || official.cliCode) yield 'pkulaw';
  if (official.ownNumber || official.docNumbers.some((number) => number.hao && number.year.value !== null)) yield 'doc-number';
  if (numbered(doc, 1) && numbered(doc, 2)) yield 'sections';
  const head = doc.text.slice(doc.bodyStart, doc.bodyStart + HEAD_CHARS);
  if (ADDRESSEE.test(head)) yield 'addressee';
  if (PROMULGATION.test(head)) yield 'promulgation';
  const body = doc.prose.slice(doc.bodyStart);
  if (ARTICLE_1.test(body) && ARTICLE_2.test(body)) yield 'articles';
  if (KIND_TITLE.test(titleOf(doc))) yield 'document-title';
  if (hasAgencyTitle(doc, knowledge)) yield 'agency-title';
  if (NEWS_HEADER.test(head)) yield 'news-header';
}

/**
 * Whether policydoc checks a file: never with `never`; with `always`, or in a project that has a
 * `.policydocrc.json` (its `include` then decides which files), every included file; otherwise only a
 * policy document.
 */
export function inScope(enable: EnableSetting, projectConfigured: boolean, isPolicyDocument: () => boolean): boolean {
  if (enable === 'never') return false;
  if (enable === 'always' || projectConfigured) return true;
  return isPolicyDocument();
}
