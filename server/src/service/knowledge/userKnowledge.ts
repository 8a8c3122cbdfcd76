import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { fill } from '../i18n';
import type { Message } from '../types';
import { compilePattern, type BoilerplatePattern, type PatternEntry } from '../parse/boilerplate/patterns';
import type { Agency, KnowledgeKind, Term } from './data';

/** A problem in a user knowledge file, with offsets into its text. */
export interface KnowledgeProblem {
  start: number;
  end: number;
  message: Message;
  severity: 'error' | 'warning';
}

/** User entries carry only the fields the file gives, so that they override shipped entries field by field. */
export type UserAgency = Partial<Agency> & { name: string };
export type UserTerm = Partial<Term> & { term: string };

export type UserKnowledge =
  | { kind: 'agencies'; entries: UserAgency[]; problems: KnowledgeProblem[] }
  | { kind: 'terms'; entries: UserTerm[]; problems: KnowledgeProblem[] }
  | { kind: 'boilerplate'; entries: BoilerplatePattern[]; problems: KnowledgeProblem[] };

type FieldType = 'string' | 'strings' | 'date' | 'message' | 'boolean';

const AGENCY_FIELDS: Record<string, FieldType> = {
  name: 'string', en: 'string', short: 'strings', informal: 'strings', shared: 'strings', codes: 'strings', codePrefixes: 'strings',
  kind: 'string', parent: 'string', founded: 'date', until: 'date', successor: 'string', note: 'message', source: 'string',
};
const TERM_FIELDS: Record<string, FieldType> = { term: 'string', aliases: 'strings', zh: 'string', en: 'string', source: 'string', quoted: 'boolean' };
const PATTERN_FIELDS: Record<string, FieldType> = { kind: 'string', pattern: 'string', example: 'string', examples: 'strings', seen: 'strings', inline: 'boolean' };
/** Where each kind's list is, when the file is a map: `agencies:`, `terms:`, `patterns:` (the shipped boilerplate files' form). */
const LIST_KEYS: Record<KnowledgeKind, string> = { agencies: 'agencies', terms: 'terms', boilerplate: 'patterns' };
const LIST_NAMES_ZH: Record<KnowledgeKind, string> = { agencies: '机构', terms: '术语', boilerplate: '模式' };

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const MESSAGES = {
  notList: { en: 'Expected a list of {kind} (or a map with the key "{kind}" holding the list).', zh: '应为{kindZh}列表（或以“{kind}”为键的列表）。' },
  notMap: { en: 'Each entry must be a map of fields.', zh: '每个条目应为键值映射。' },
  missing: { en: 'Missing required field "{field}".', zh: '缺少必填字段“{field}”。' },
  unknownField: { en: 'Unknown field "{field}"; known fields: {known}.', zh: '未知字段“{field}”；可用字段：{known}。' },
  string: { en: '"{field}" must be a string.', zh: '“{field}”应为字符串。' },
  strings: { en: '"{field}" must be a string or a list of strings.', zh: '“{field}”应为字符串或字符串列表。' },
  date: { en: '"{field}" must be a date written YYYY, YYYY-MM or YYYY-MM-DD.', zh: '“{field}”应为日期，格式为 YYYY、YYYY-MM 或 YYYY-MM-DD。' },
  message: { en: '"{field}" must be a string or a map with "zh" and/or "en".', zh: '“{field}”应为字符串，或含“zh”“en”的映射。' },
  boolean: { en: '"{field}" must be true or false.', zh: '“{field}”应为 true 或 false。' },
  pattern: { en: 'Boilerplate pattern skipped: {problem}', zh: '已跳过此网页杂项模式：{problemZh}' },
  definition: { en: 'A term needs a definition in "zh" or "en".', zh: '术语至少需要“zh”或“en”释义。' },
  duplicate: { en: '"{name}" is defined twice in this file; the later entry wins.', zh: '“{name}”在本文件中重复定义，以后一条为准。' },
} satisfies Record<string, Message>;

/**
 * Reads `.policydoc/agencies.yaml`, `.policydoc/terms.yaml` or `.policydoc/boilerplate.yaml`: the valid
 * entries, and the problems of the others with their positions. Bad entries are skipped; the rest still
 * extends the shipped data.
 */
export function loadUserKnowledge(kind: KnowledgeKind, text: string): UserKnowledge {
  const problems: KnowledgeProblem[] = [];
  const report = (node: { range?: [number, number, number?] | null } | null | undefined, message: Message, severity: 'error' | 'warning' = 'error') => {
    const [start, end] = node?.range ?? [0, 0];
    problems.push({ start, end: Math.max(end, start), message, severity });
  };
  const yaml = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of yaml.errors) problems.push({ start: error.pos[0], end: error.pos[1], message: { en: error.message, zh: `YAML 语法错误：${error.message}` }, severity: 'error' });
  const agencies: UserAgency[] = [];
  const terms: UserTerm[] = [];
  const patterns: BoilerplatePattern[] = [];
  const result = (): UserKnowledge =>
    kind === 'agencies' ? { kind, entries: agencies, problems } : kind === 'terms' ? { kind, entries: terms, problems } : { kind, entries: patterns, problems };
  if (yaml.errors.length > 0 && !yaml.contents) return result();

  let list: Node | null = yaml.contents as Node | null;
  if (isMap(list)) list = (list.get(LIST_KEYS[kind], true) as Node | undefined) ?? null;
  if (list === null && !yaml.contents) return result();
  if (!isSeq(list)) {
    report((list ?? yaml.contents) as Node | null, fill(MESSAGES.notList, { kind: LIST_KEYS[kind], kindZh: LIST_NAMES_ZH[kind] }));
    return result();
  }
  if (kind === 'boilerplate') {
    readPatterns(list.items as (Node | null)[], patterns, report);
    return result();
  }

  const fields = kind === 'agencies' ? AGENCY_FIELDS : TERM_FIELDS;
  const keyField = kind === 'agencies' ? 'name' : 'term';
  const seen = new Set<string>();
  for (const item of list.items as (Node | null)[]) {
    if (!isMap(item)) {
      report(item, MESSAGES.notMap);
      continue;
    }
    const entry = readEntry(item, fields, report);
    if (!entry) continue;
    const name = entry[keyField];
    if (typeof name !== 'string' || name.trim() === '') {
      report(item, fill(MESSAGES.missing, { field: keyField }));
      continue;
    }
    if (seen.has(name)) report(item.get(keyField, true) as Node, fill(MESSAGES.duplicate, { name }), 'warning');
    seen.add(name);
    if (kind === 'agencies') {
      agencies.push({ ...(entry as Partial<Agency>), name, user: true });
    } else {
      if (entry.zh === undefined && entry.en === undefined) {
        report(item, MESSAGES.definition);
        continue;
      }
      terms.push({ ...(entry as Partial<Term>), term: name, user: true });
    }
  }
  return result();
}

type Reporter = (node: Node | null | undefined, message: Message, severity?: 'error' | 'warning') => void;

/** Boilerplate patterns: each compiled and checked against its own examples; a bad one is reported where it is written and skipped. */
function readPatterns(items: (Node | null)[], patterns: BoilerplatePattern[], report: Reporter): void {
  for (const item of items) {
    if (!isMap(item)) {
      report(item, MESSAGES.notMap);
      continue;
    }
    const entry = readEntry(item, PATTERN_FIELDS, report);
    if (!entry) continue;
    const missing = ['kind', 'pattern'].find((field) => typeof entry[field] !== 'string' || (entry[field] as string).trim() === '');
    if (missing) {
      report(item, fill(MESSAGES.missing, { field: missing }));
      continue;
    }
    const compiled = compilePattern(entry as unknown as PatternEntry);
    if ('problem' in compiled) {
      const node = (item.get(compiled.field, true) ?? (compiled.field === 'example' ? item.get('examples', true) : undefined) ?? item) as Node;
      report(node, fill(MESSAGES.pattern, { problem: compiled.problem.en, problemZh: compiled.problem.zh }));
      continue;
    }
    patterns.push({ ...compiled.pattern, user: true });
  }
}

/** The entry's fields as plain values; `undefined` when a field has the wrong type (the entry is skipped). */
function readEntry(map: YAMLMap, fields: Record<string, FieldType>, report: Reporter): Record<string, unknown> | undefined {
  const entry: Record<string, unknown> = {};
  let valid = true;
  for (const pair of map.items as Pair<Node | null, Node | null>[]) {
    const keyNode = pair.key;
    const field = isScalar(keyNode) ? String(keyNode.value) : '';
    const type = fields[field];
    if (!type) {
      report(keyNode, fill(MESSAGES.unknownField, { field, known: Object.keys(fields).join(', ') }), 'warning');
      continue;
    }
    const value = readField(pair.value, type);
    if (value === undefined) {
      report(pair.value ?? keyNode, fill(MESSAGES[type], { field }));
      valid = false;
      continue;
    }
    entry[field] = value;
  }
  return valid ? entry : undefined;
}

function readField(node: Node | null, type: FieldType): unknown {
  const scalar = isScalar(node) && node.value !== null ? String(node.value) : undefined;
  switch (type) {
    case 'string':
      return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
    case 'date':
      return scalar !== undefined && DATE.test(scalar) ? scalar : undefined;
    case 'boolean':
      return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
    case 'strings':
      if (node === null || (isScalar(node) && node.value === null)) return [];
      if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : undefined;
      if (isSeq(node) && node.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
        return (node.items as { value: string }[]).map((item) => item.value);
      }
      return undefined;
    case 'message':
      if (isScalar(node) && typeof node.value === 'string') return { zh: node.value, en: node.value };
      if (isMap(node)) {
        const zh = node.get('zh');
        const en = node.get('en');
        if ((typeof zh === 'string' || typeof en === 'string') && (zh === undefined || typeof zh === 'string') && (en === undefined || typeof en === 'string')) {
          return { zh: (zh ?? en) as string, en: (en ?? zh) as string };
        }
      }
      return undefined;
  }
}
