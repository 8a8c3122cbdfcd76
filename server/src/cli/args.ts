import { parseArgs } from 'node:util';
import { toLocale } from '../service/i18n';
import type { Locale } from '../service/types';
import { text, UsageError } from './messages';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
export const CLEAN_FORMATS = ['text', 'html', 'md'] as const;
export type CleanFormat = (typeof CLEAN_FORMATS)[number];
const LANGS: readonly Locale[] = ['zh', 'en'];

export interface Shard {
  /** 1-based, as written: `--shard 2/4` is index 2 of count 4. */
  index: number;
  count: number;
}

export interface CliOptions {
  command: 'check' | 'clean' | 'index' | 'help' | 'version';
  paths: string[];
  format: Format;
  fix: boolean;
  /** check: every document found, not only those that look like policy documents. */
  all: boolean;
  config?: string;
  quiet: boolean;
  locale: Locale;
  /** clean: output format and file. */
  to: CleanFormat;
  /** clean: the output file; index: where to write the index. */
  output?: string;
  /** check: this part of the files only; index: the index file of the whole collection. */
  shard?: Shard;
  index?: string;
  /** index: print the collection's figures. */
  stats: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  all: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  lang: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  to: { type: 'string' },
  output: { type: 'string', short: 'o' },
  shard: { type: 'string' },
  index: { type: 'string' },
  stats: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The locale of the environment: `LC_ALL` wins over `LANG`, as in POSIX; `zh_CN.UTF-8` counts as Chinese. */
export function envLocale(env: NodeJS.ProcessEnv): Locale {
  return toLocale(env.LC_ALL || env.LANG);
}

/**
 * Parses the command line. Node's strict mode would throw English-only errors, so options are
 * read leniently and checked here, after the language is known.
 */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values, positionals, tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const lang = typeof values.lang === 'string' && (LANGS as string[]).includes(values.lang) ? (values.lang as Locale) : envLocale(env);
  const fail = (id: Parameters<typeof text>[1], data?: Record<string, string>) => {
    throw new UsageError(`${text(lang, id, data)}\n${text(lang, 'usageHint')}`);
  };

  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const known = (OPTIONS as Record<string, { type: string }>)[token.name];
    if (!known) fail('unknownOption', { name: token.rawName });
    else if (known.type === 'string' && token.value === undefined) fail('missingValue', { name: token.rawName });
    else if (known.type === 'boolean' && token.value !== undefined) fail('unexpectedValue', { name: token.rawName });
  }
  const format = (values.format ?? 'stylish') as string;
  if (!(FORMATS as readonly string[]).includes(format)) fail('badValue', { name: '--format', value: format, allowed: FORMATS.join(', ') });
  if (values.lang !== undefined && !(LANGS as string[]).includes(values.lang as string)) {
    fail('badValue', { name: '--lang', value: String(values.lang), allowed: LANGS.join(', ') });
  }

  const options: CliOptions = {
    command: 'check',
    paths: positionals.slice(1),
    format: format as Format,
    fix: values.fix === true,
    all: values.all === true,
    config: values.config as string | undefined,
    quiet: values.quiet === true,
    locale: lang,
    to: 'text',
    stats: values.stats === true,
  };
  if (values.help) return { ...options, command: 'help' };
  if (values.version) return { ...options, command: 'version' };
  if (positionals.length === 0) fail('noCommand');
  const command = positionals[0];
  if (command !== 'check' && command !== 'clean' && command !== 'index') fail('unknownCommand', { name: command });
  // Options of one command are refused by the others rather than ignored.
  const own: Record<string, readonly string[]> = { clean: ['to', 'output', 'config'], index: ['stats', 'output', 'all', 'config', 'format'], check: ['shard', 'index', 'fix', 'all', 'config', 'format', 'quiet'] };
  for (const name of ['to', 'output', 'stats', 'shard', 'index', 'fix', 'all', 'config', 'format', 'quiet']) {
    if (values[name] !== undefined && !own[command].includes(name)) fail('notForCommand', { name: `--${name}`, command });
  }
  if (command === 'clean') {
    const to = (values.to ?? 'text') as string;
    if (!(CLEAN_FORMATS as readonly string[]).includes(to)) fail('badValue', { name: '--to', value: to, allowed: CLEAN_FORMATS.join(', ') });
    if (options.paths.length !== 1) fail('cleanOneFile');
    return { ...options, command: 'clean', to: to as CleanFormat, output: values.output as string | undefined };
  }
  if (command === 'index') {
    if (format === 'sarif') fail('badValue', { name: '--format', value: format, allowed: 'stylish, json' });
    return { ...options, command: 'index', output: values.output as string | undefined };
  }
  const shard = values.shard === undefined ? undefined : parseShard(String(values.shard));
  if (shard === null) fail('badShard', { value: String(values.shard) });
  return { ...options, ...(shard ? { shard } : {}), index: values.index as string | undefined };
}

/** `i/n` with 1 ≤ i ≤ n; null when it is not. */
function parseShard(value: string): Shard | null {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(value.trim());
  if (!match) return null;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count ? { index, count } : null;
}
