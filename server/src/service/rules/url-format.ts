import { isSeq, type Node } from 'yaml';
import { keyTypeOf } from '../profiles';
import type { Message, Rule } from '../types';
import { editDistance } from '../nearestKey';
import { scalarSource, stringEdit } from './frontMatterHelpers';

/** A problem in a URL string; the fix is in offsets into that string. */
export interface UrlProblem {
  messageId: string;
  data?: Record<string, string>;
  fix?: { title: Message; edits: { start: number; end: number; newText: string }[] };
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** A first path segment that looks like a host name (`n.sinaimg.cn`, `www.gov.cn:8080`). */
const HOST_LIKE = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?$/i;
/** …unless it ends like a file name (`a.png/…` is odd, but it is a path). */
const FILE_LIKE = /\.(png|jpe?g|gif|webp|svg|bmp|ico|html?|md|txt|pdf)(?::\d+)?$/i;

function nearHttp(scheme: string): 'http' | 'https' | undefined {
  const toHttps = editDistance(scheme, 'https', 2);
  const toHttp = editDistance(scheme, 'http', 2);
  if (toHttp <= 1 && toHttp < toHttps) return 'http';
  if (toHttps <= 2) return 'https';
  return undefined;
}

const prepend = (text: string): UrlProblem['fix'] => ({
  title: { en: `Add "${text}"`, zh: `补上“${text}”` },
  edits: [{ start: 0, end: 0, newText: text }],
});

/** Checks an http(s) URL after its scheme: `//host…` with a host. */
function checkAuthority(url: string, schemeEnd: number, scheme: string): UrlProblem | null {
  const rest = url.slice(schemeEnd);
  if (!rest.startsWith('//')) {
    const slashes = /^\/*/.exec(rest)![0].length;
    return {
      messageId: 'missingSlashes',
      data: { scheme },
      fix: { title: { en: `Write "${scheme}://"`, zh: `改为“${scheme}://”` }, edits: [{ start: schemeEnd, end: schemeEnd + slashes, newText: '//' }] },
    };
  }
  const host = /^[^/?#]*/.exec(rest.slice(2))![0];
  if (host === '' || host.startsWith(':')) return { messageId: 'noHost' };
  try {
    new URL(`${scheme}:${rest}`);
  } catch {
    return { messageId: 'malformed' };
  }
  return null;
}

/** What is wrong with a URL written in front matter, or null when it is fine (http(s), `//host/…` or a site path). */
export function checkUrl(value: string): UrlProblem | null {
  const url = value.trim();
  if (url === '') return null;
  if (/\s/.test(url)) return { messageId: 'whitespace' };
  if (url !== value) {
    const start = value.length - value.trimStart().length;
    return {
      messageId: 'whitespace',
      fix: {
        title: { en: 'Remove the spaces around the URL', zh: '删除 URL 前后的空白' },
        edits: [
          { start: 0, end: start, newText: '' },
          { start: start + url.length, end: value.length, newText: '' },
        ].filter((edit) => edit.end > edit.start),
      },
    };
  }
  const scheme = SCHEME.exec(url);
  if (scheme && !/^\d+(\/|$)/.test(url.slice(scheme[0].length))) {
    const name = scheme[1];
    const lower = name.toLowerCase();
    if (lower === 'http' || lower === 'https') return checkAuthority(url, scheme[0].length, name);
    const fixed = nearHttp(lower);
    if (!fixed) return { messageId: 'badScheme', data: { scheme: name } };
    const slashes = /^\/*/.exec(url.slice(scheme[0].length))![0].length;
    return {
      messageId: 'misspeltScheme',
      data: { scheme: name, fixed },
      fix: { title: { en: `Write "${fixed}://"`, zh: `改为“${fixed}://”` }, edits: [{ start: 0, end: scheme[0].length + slashes, newText: `${fixed}://` }] },
    };
  }
  const noColon = /^(https?)\/\//i.exec(url);
  if (noColon) {
    const end = noColon[1].length;
    return { messageId: 'missingColon', data: { scheme: noColon[1] }, fix: { title: { en: 'Add the missing ":"', zh: '补上缺少的“:”' }, edits: [{ start: end, end, newText: ':' }] } };
  }
  // Protocol-relative: checked as if it had a scheme; offsets are not needed (no fix).
  if (url.startsWith('//')) return checkAuthority(`https:${url}`, 'https:'.length, 'https');
  if (url.startsWith('/')) return null;
  const first = /^[^/?#]*/.exec(url)![0];
  const hostLike = (url.length > first.length || /^www\./i.test(first)) && HOST_LIKE.test(first) && !FILE_LIKE.test(first);
  return hostLike ? { messageId: 'missingScheme', fix: prepend('https://') } : null;
}

/** The string scalars a URL-typed value consists of: the value itself, or the items of a list. */
function urlNodes(node: Node | null): (Node | null)[] {
  return isSeq(node) ? (node.items as (Node | null)[]) : [node];
}

export const urlFormat: Rule = {
  meta: {
    id: 'url-format',
    defaultSeverity: 'warning',
    description: {
      en: 'URL-valued keys (headimg, thumbnail, cover, image, banner, photos…) must hold a well-formed http(s) URL, a //host/… URL or a site path.',
      zh: 'URL 类的键（headimg、thumbnail、cover、image、banner、photos 等）必须是格式正确的 http(s) URL、//host/… 形式的 URL 或站内路径。',
    },
    messages: {
      whitespace: { en: 'The URL in "{key}" contains whitespace: {value}', zh: '“{key}”中的 URL 含有空白字符：{value}' },
      missingSlashes: { en: 'In "{key}", "{scheme}:" must be followed by "//": {value}', zh: '“{key}”中，“{scheme}:”后面必须是“//”：{value}' },
      misspeltScheme: { en: 'In "{key}", "{scheme}:" looks like a misspelling of "{fixed}:": {value}', zh: '“{key}”中的“{scheme}:”似乎是“{fixed}:”的笔误：{value}' },
      missingColon: { en: 'In "{key}", a ":" is missing after "{scheme}": {value}', zh: '“{key}”中，“{scheme}”后面缺少“:”：{value}' },
      badScheme: {
        en: '"{key}" must be an http(s) URL or a path on the site, not a "{scheme}:" URL: {value}',
        zh: '“{key}”应为 http(s) URL 或站内路径，而不是“{scheme}:”URL：{value}',
      },
      noHost: { en: 'The URL in "{key}" has no host name: {value}', zh: '“{key}”中的 URL 没有主机名：{value}' },
      malformed: { en: '"{key}" is not a well-formed URL: {value}', zh: '“{key}”不是格式正确的 URL：{value}' },
      missingScheme: {
        en: '"{key}" looks like a web address without "https://", so it would be read as a path on this site: {value}',
        zh: '“{key}”看起来是缺少“https://”的网址，会被当作站内路径：{value}',
      },
    },
    fixable: true,
  },
  check({ doc, profile, report }) {
    for (const entry of doc.frontMatter?.entries ?? []) {
      const type = keyTypeOf(profile, entry.key);
      if (type !== 'url' && type !== 'url-list') continue;
      for (const node of urlNodes(entry.valueNode)) {
        const source = scalarSource(doc, node);
        if (!source) continue;
        const problem = checkUrl(source.value);
        if (!problem) continue;
        const edits = problem.fix?.edits.map((edit) => stringEdit(doc, source, edit.start, edit.end, edit.newText));
        const fix = problem.fix && edits && edits.every((edit) => edit !== undefined) ? { title: problem.fix.title, edits } : undefined;
        report({
          messageId: problem.messageId,
          data: { key: entry.key, value: source.value.trim(), ...problem.data },
          range: doc.lines.range(source.start, source.end),
          fix,
        });
      }
    }
  },
};
