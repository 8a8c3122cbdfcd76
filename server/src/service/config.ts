import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { KEY_TYPES, PROFILES, PROFILE_NAMES, type KeyType, type Profile } from './profiles';
import { fill } from './i18n';
import type { Message, ProfileName, Severity } from './types';

export type SeveritySetting = Severity | 'off';
export type RuleSetting = SeveritySetting | { severity?: SeveritySetting; options?: Record<string, unknown> };

export interface ProfileAdjustment {
  /** Keys to add or retype; a key set to null is removed from the profile. */
  keys?: Record<string, KeyType | null>;
  required?: string[];
}

export interface Override {
  files: string | string[];
  profile?: ProfileName;
  rules?: Record<string, RuleSetting>;
}

/** The contents of `.policydocrc.json` (see schemas/policydocrc.schema.json). */
export interface PolicydocConfig {
  rules?: Record<string, RuleSetting>;
  profiles?: Partial<Record<ProfileName, ProfileAdjustment>>;
  overrides?: Override[];
  include?: string[];
  exclude?: string[];
}

export interface ConfigProblem {
  message: Message;
  start: number;
  end: number;
}

export const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
export const DEFAULT_INCLUDE = ['**/*.md', '**/*.markdown', '**/*.txt'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

/** What applies to one file once the project config, its overrides and the editor settings are merged. */
export interface FileSettings {
  profile?: ProfileName;
  rules: Record<string, RuleSetting>;
  profiles: Record<ProfileName, Profile>;
}

function adjustProfiles(adjustments: PolicydocConfig['profiles']): Record<ProfileName, Profile> {
  const profiles = { ...PROFILES };
  for (const name of PROFILE_NAMES) {
    const adjustment = adjustments?.[name];
    if (!adjustment) continue;
    const base = PROFILES[name];
    let keys = base.keys;
    if (adjustment.keys) {
      keys = { ...(base.keys ?? {}) };
      for (const [key, type] of Object.entries(adjustment.keys)) {
        if (type === null) delete keys[key];
        else keys[key] = type;
      }
    }
    profiles[name] = { name, keys, required: adjustment.required ?? base.required };
  }
  return profiles;
}

/** A compiled project config: resolves the settings for any file path relative to the project root. */
export class ResolvedConfig {
  private readonly overrides: { match: (path: string) => boolean; override: Override }[];
  private readonly profiles: Record<ProfileName, Profile>;
  private readonly included: (path: string) => boolean;
  private readonly excluded: (path: string) => boolean;

  constructor(
    readonly config: PolicydocConfig = {},
    /** Editor settings (`policydoc.rules`), applied over the project's. */
    private readonly editorRules: Record<string, RuleSetting> = {},
  ) {
    this.overrides = (config.overrides ?? []).map((override) => ({ match: picomatch(override.files, { dot: true }), override }));
    this.profiles = adjustProfiles(config.profiles);
    this.included = picomatch(config.include ?? DEFAULT_INCLUDE, { dot: true, basename: false });
    this.excluded = picomatch([...DEFAULT_EXCLUDE, ...(config.exclude ?? [])], { dot: true });
  }

  /** Left out by `exclude` (or the folders always left out), whatever `include` says: what a glob on the command line skips. */
  excludes(relativePath: string): boolean {
    return this.excluded(relativePath);
  }

  /** Whether a project-relative path is one policydoc checks (for folder walks and the server). */
  includes(relativePath: string): boolean {
    return this.included(relativePath) && !this.excluded(relativePath);
  }

  forFile(relativePath: string | undefined): FileSettings {
    let profile: ProfileName | undefined;
    const rules: Record<string, RuleSetting> = { ...this.config.rules };
    for (const { match, override } of this.overrides) {
      if (relativePath === undefined || !match(relativePath)) continue;
      if (override.profile) profile = override.profile;
      Object.assign(rules, override.rules);
    }
    Object.assign(rules, this.editorRules);
    return { profile, rules, profiles: this.profiles };
  }
}

const messages = {
  syntax: { en: 'Invalid JSON in .policydocrc.json: {detail}. The defaults are used until it is fixed.', zh: '.policydocrc.json 不是有效的 JSON：{detail}。修正之前使用默认配置。' },
  notObject: { en: 'The configuration must be a JSON object.', zh: '配置必须是一个 JSON 对象。' },
  unknownProperty: { en: 'Unknown configuration property "{name}".', zh: '未知的配置项“{name}”。' },
  unknownRule: { en: 'Unknown rule "{name}".', zh: '未知的规则“{name}”。' },
  badSeverity: { en: 'Severity must be one of {allowed}.', zh: '严重程度必须是以下之一：{allowed}。' },
  badRuleSetting: { en: 'A rule setting is a severity or an object {"severity", "options"}.', zh: '规则设置应为严重程度，或形如 {"severity", "options"} 的对象。' },
  unknownProfile: { en: 'Unknown profile "{name}"; profiles are {allowed}.', zh: '未知的文档类型“{name}”；可用类型：{allowed}。' },
  badKeyType: { en: 'Key type must be one of {allowed}, or null to remove the key.', zh: '键类型必须是以下之一：{allowed}；设为 null 表示删除该键。' },
  badGlobs: { en: 'Expected a glob string or a list of glob strings.', zh: '应为 glob 字符串或 glob 字符串列表。' },
  badList: { en: 'Expected a list of strings.', zh: '应为字符串列表。' },
  badObject: { en: 'Expected an object.', zh: '应为对象。' },
} satisfies Record<string, Message>;

export type ConfigMessageId = keyof typeof messages;

/** Parses and validates `.policydocrc.json` text. Problems carry offsets into the text. */
export function parseConfig(text: string, knownRules: ReadonlySet<string>): { config: PolicydocConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = [];
  const problem = (id: ConfigMessageId, node: { offset: number; length: number }, data: Record<string, string> = {}) =>
    problems.push({ message: fill(messages[id], data), start: node.offset, end: node.offset + node.length });
  if (errors.length > 0 || !tree) {
    const first = errors[0] ?? { error: 0, offset: 0, length: 0 };
    problem('syntax', first, { detail: errors.length ? printParseErrorCode(first.error) : 'empty' });
    return { config: {}, problems };
  }
  if (tree.type !== 'object') {
    problem('notObject', tree);
    return { config: {}, problems };
  }
  const config: PolicydocConfig = {};
  for (const property of tree.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value);
    switch (name) {
      case '$schema':
        break;
      case 'rules': {
        const rules = readRules(valueNode, knownRules, problem);
        if (rules) config.rules = rules;
        break;
      }
      case 'profiles': {
        const profiles = readProfiles(valueNode, problem);
        if (profiles) config.profiles = profiles;
        break;
      }
      case 'overrides': {
        config.overrides = readOverrides(valueNode, knownRules, problem);
        break;
      }
      case 'include':
      case 'exclude': {
        const list = readStringList(valueNode, problem, 'badList');
        if (list) config[name] = list;
        break;
      }
      default:
        problem('unknownProperty', keyNode, { name });
    }
  }
  return { config, problems };
}

type ProblemSink = (id: ConfigMessageId, node: { offset: number; length: number }, data?: Record<string, string>) => void;

function readStringList(node: JsonNode, problem: ProblemSink, id: ConfigMessageId): string[] | undefined {
  if (node.type === 'string') return [node.value];
  if (node.type === 'array' && (node.children ?? []).every((child) => child.type === 'string')) return (node.children ?? []).map((child) => child.value);
  problem(id, node);
  return undefined;
}

function readSeverity(node: JsonNode, problem: ProblemSink): SeveritySetting | undefined {
  if (node.type === 'string' && SEVERITIES.includes(node.value)) return node.value;
  problem('badSeverity', node, { allowed: SEVERITIES.join(', ') });
  return undefined;
}

function readRules(node: JsonNode, knownRules: ReadonlySet<string>, problem: ProblemSink): Record<string, RuleSetting> | undefined {
  if (node.type !== 'object') {
    problem('badObject', node);
    return undefined;
  }
  const rules: Record<string, RuleSetting> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const id = String(keyNode.value);
    if (!knownRules.has(id)) {
      problem('unknownRule', keyNode, { name: id });
      continue;
    }
    if (valueNode.type === 'string') {
      const severity = readSeverity(valueNode, problem);
      if (severity) rules[id] = severity;
    } else if (valueNode.type === 'object') {
      const severityNode = findNodeAtLocation(valueNode, ['severity']);
      const optionsNode = findNodeAtLocation(valueNode, ['options']);
      const setting: { severity?: SeveritySetting; options?: Record<string, unknown> } = {};
      if (severityNode) setting.severity = readSeverity(severityNode, problem);
      if (optionsNode) {
        if (optionsNode.type === 'object') setting.options = nodeValue(optionsNode) as Record<string, unknown>;
        else problem('badObject', optionsNode);
      }
      rules[id] = setting;
    } else {
      problem('badRuleSetting', valueNode);
    }
  }
  return rules;
}

function readProfiles(node: JsonNode, problem: ProblemSink): PolicydocConfig['profiles'] {
  if (node.type !== 'object') {
    problem('badObject', node);
    return undefined;
  }
  const profiles: NonNullable<PolicydocConfig['profiles']> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value) as ProfileName;
    if (!PROFILE_NAMES.includes(name)) {
      problem('unknownProfile', keyNode, { name, allowed: PROFILE_NAMES.join(', ') });
      continue;
    }
    if (valueNode.type !== 'object') {
      problem('badObject', valueNode);
      continue;
    }
    const adjustment: ProfileAdjustment = {};
    const keysNode = findNodeAtLocation(valueNode, ['keys']);
    if (keysNode?.type === 'object') {
      adjustment.keys = {};
      for (const keyProperty of keysNode.children ?? []) {
        const [key, type] = keyProperty.children ?? [];
        if (!key || !type) continue;
        if (type.type === 'null' || (type.type === 'string' && KEY_TYPES.includes(type.value))) adjustment.keys[String(key.value)] = type.value;
        else problem('badKeyType', type, { allowed: KEY_TYPES.join(', ') });
      }
    } else if (keysNode) problem('badObject', keysNode);
    const requiredNode = findNodeAtLocation(valueNode, ['required']);
    if (requiredNode) adjustment.required = readStringList(requiredNode, problem, 'badList');
    profiles[name] = adjustment;
  }
  return profiles;
}

function readOverrides(node: JsonNode, knownRules: ReadonlySet<string>, problem: ProblemSink): Override[] {
  if (node.type !== 'array') {
    problem('badObject', node);
    return [];
  }
  const overrides: Override[] = [];
  for (const item of node.children ?? []) {
    if (item.type !== 'object') {
      problem('badObject', item);
      continue;
    }
    const filesNode = findNodeAtLocation(item, ['files']);
    const files = filesNode ? readStringList(filesNode, problem, 'badGlobs') : undefined;
    if (!files) {
      if (!filesNode) problem('badGlobs', item);
      continue;
    }
    const override: Override = { files };
    const profileNode = findNodeAtLocation(item, ['profile']);
    if (profileNode) {
      if (profileNode.type === 'string' && PROFILE_NAMES.includes(profileNode.value)) override.profile = profileNode.value;
      else problem('unknownProfile', profileNode, { name: String(profileNode.value), allowed: PROFILE_NAMES.join(', ') });
    }
    const rulesNode = findNodeAtLocation(item, ['rules']);
    if (rulesNode) override.rules = readRules(rulesNode, knownRules, problem);
    overrides.push(override);
  }
  return overrides;
}

function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [String(p.children?.[0]?.value), p.children?.[1] ? nodeValue(p.children[1]) : null]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
