import type { Agency, Knowledge, NameForm, Term } from '../knowledge';
import type { Locale } from '../types';

/** Labels of the facts shown in hovers and completion documentation. */
const LABELS = {
  kind: { zh: '类别', en: 'Kind' },
  parent: { zh: '上级', en: 'Under' },
  short: { zh: '规范简称', en: 'Short names' },
  informal: { zh: '非正式名称', en: 'Informal names' },
  codes: { zh: '发文代字', en: '代字 (document codes)' },
  founded: { zh: '设立', en: 'Founded' },
  until: { zh: '撤销或更名', en: 'Ceased' },
  now: { zh: '现为', en: 'Now' },
  note: { zh: '说明', en: 'Note' },
  source: { zh: '来源', en: 'Source' },
  aliases: { zh: '又称', en: 'Also' },
  user: { zh: '（用户数据）', en: ' (user data)' },
} as const;

export function label(name: keyof typeof LABELS, locale: Locale): string {
  return LABELS[name][locale];
}

const LIST_SEPARATOR = { zh: '、', en: ', ' };

function line(name: keyof typeof LABELS, value: string | undefined, locale: Locale): string[] {
  return value ? [`- ${label(name, locale)}${locale === 'zh' ? '：' : ': '}${value}`] : [];
}

/** Escapes Markdown syntax in data text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

const cache = new WeakMap<Knowledge, Map<string, string>>();

/** What is known of an agency, as Markdown; `typed` is the form met in the text, when not the formal name. Cached per knowledge. */
export function agencyMarkdown(agency: Agency, knowledge: Knowledge, locale: Locale, typed?: { surface: string; form: NameForm }): string {
  let entries = cache.get(knowledge);
  if (!entries) cache.set(knowledge, (entries = new Map()));
  const key = `${agency.name}\n${locale}\n${typed?.form === 'informal' ? typed.surface : ''}`;
  let markdown = entries.get(key);
  if (markdown === undefined) entries.set(key, (markdown = buildAgencyMarkdown(agency, knowledge, locale, typed)));
  return markdown;
}

function buildAgencyMarkdown(agency: Agency, knowledge: Knowledge, locale: Locale, typed?: { surface: string; form: NameForm }): string {
  const index = knowledge.agencies;
  const sep = LIST_SEPARATOR[locale];
  const out: string[] = [];
  out.push(`**${escapeMarkdown(agency.name)}**${agency.en && locale === 'en' ? ` — ${escapeMarkdown(agency.en)}` : ''}${agency.user ? label('user', locale) : ''}`);
  if (typed?.form === 'informal') {
    const preferred = escapeMarkdown(index.preferredName(agency));
    out.push('', locale === 'zh' ? `「${escapeMarkdown(typed.surface)}」是非正式名称，规范写法为 **${preferred}**。` : `"${escapeMarkdown(typed.surface)}" is an informal name; write **${preferred}**.`);
  }
  const successors = index.successors(agency);
  if (agency.until) {
    const chain = successors.map((next) => `${escapeMarkdown(index.preferredName(next))}${next.until ? (locale === 'zh' ? `（至 ${next.until}）` : ` (until ${next.until})`) : ''}`).join(' → ');
    out.push('', locale === 'zh' ? `⚠ 已于 ${agency.until} 撤销或更名${chain ? `，现为：${chain}` : ''}。` : `⚠ Ceased in ${agency.until}${chain ? `; now: ${chain}` : ''}.`);
  }
  out.push('');
  const parent = agency.parent ? index.byFormalName(agency.parent) : undefined;
  out.push(
    ...line('kind', escapeMarkdown(agency.kind), locale),
    ...line('parent', parent ? escapeMarkdown(index.preferredName(parent)) : agency.parent && escapeMarkdown(agency.parent), locale),
    ...line('short', agency.short.map(escapeMarkdown).join(sep), locale),
    ...line('informal', agency.informal.map(escapeMarkdown).join(sep), locale),
    ...line('codes', [...agency.codes, ...agency.codePrefixes.map((prefix) => `${prefix}…`)].map(escapeMarkdown).join(sep), locale),
    ...line('founded', agency.founded, locale),
    ...line('until', agency.until, locale),
    ...line('note', agency.note?.[locale] && escapeMarkdown(agency.note[locale]), locale),
    ...line('source', agency.source && escapeMarkdown(agency.source), locale),
  );
  return out.join('\n');
}

export function termMarkdown(term: Term, locale: Locale): string {
  const definition = term[locale] ?? term.zh ?? term.en ?? '';
  const aliases = term.aliases.map(escapeMarkdown).join(LIST_SEPARATOR[locale]);
  return [
    `**${escapeMarkdown(term.term)}**${term.user ? label('user', locale) : ''}`,
    '',
    escapeMarkdown(definition),
    '',
    ...line('aliases', aliases, locale),
    ...line('source', term.source && escapeMarkdown(term.source), locale),
  ].join('\n').trimEnd();
}
