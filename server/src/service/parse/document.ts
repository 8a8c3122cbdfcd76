import { findBoilerplate, type BoilerplateSpan } from '../clean/boilerplate';
import type { ProfileName } from '../types';
import { Directives } from './directives';
import { parseFrontMatter, type FrontMatter, type FrontMatterEntry } from './frontMatter';
import { LineMap } from './lineMap';
import { parseOfficial, type OfficialParts } from './official';
import { detectProfile } from './profile';
import { buildProse } from './prose';

/** A document parsed once; every rule and feature reads this model and never re-parses the text. */
export interface PolicyDocument {
  uri: string;
  text: string;
  lines: LineMap;
  /** Offset after a byte-order mark, 0 without one. */
  textStart: number;
  frontMatter: FrontMatter | null;
  /** Offset where the body starts (after the front matter, if any). */
  bodyStart: number;
  profile: ProfileName;
  /** True when the profile came from configuration rather than detection. */
  profileForced: boolean;
  directives: Directives;
  /** Text that is not a document at all (NUL bytes): nothing else is checked. */
  binary: boolean;
  entry(key: string): FrontMatterEntry | undefined;
  /** The readable body text, same length as `text` (see prose.ts); computed on first use. */
  readonly prose: string;
  /** 发文字号, 成文日期, dates, 法宝引证码 and 层次序数 found in the prose (see official.ts); computed on first use. */
  readonly official: OfficialParts;
  /** Portal junk in the body as source spans (see clean/boilerplate.ts); computed on first use. */
  readonly boilerplate: readonly BoilerplateSpan[];
}

/** A NUL in the first few kilobytes marks binary content, as git and grep decide. */
const BINARY_PROBE = 8000;

export function parseDocument(uri: string, text: string, forcedProfile?: ProfileName): PolicyDocument {
  const lines = new LineMap(text);
  const textStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const binary = text.slice(0, BINARY_PROBE).includes('\0');
  const frontMatter = binary ? null : parseFrontMatter(text, textStart);
  const bodyStart = frontMatter ? frontMatter.end : textStart;
  const profile = forcedProfile ?? (binary ? 'markdown' : detectProfile(text, frontMatter, bodyStart));
  const entries = new Map<string, FrontMatterEntry>();
  for (const entry of frontMatter?.entries ?? []) if (!entries.has(entry.key)) entries.set(entry.key, entry);
  let prose: string | undefined;
  let official: OfficialParts | undefined;
  let boilerplate: BoilerplateSpan[] | undefined;
  return {
    uri,
    text,
    lines,
    textStart,
    frontMatter,
    bodyStart,
    profile,
    profileForced: forcedProfile !== undefined,
    directives: binary ? Directives.parse('', lines) : Directives.parse(text, lines),
    binary,
    entry: (key) => entries.get(key),
    get prose() {
      prose ??= binary ? '' : buildProse(text, bodyStart);
      return prose;
    },
    get official() {
      official ??= parseOfficial(this.prose, bodyStart);
      return official;
    },
    get boilerplate() {
      boilerplate ??= binary ? [] : findBoilerplate(text, bodyStart);
      return boilerplate;
    },
  };
}
