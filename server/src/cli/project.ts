import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LanguageService, PolicydocConfig } from '../service';
import { text, UsageError } from './messages';

export const CONFIG_FILE = '.policydocrc.json';

export interface Project {
  /** Globs in the config and on the command line are relative to this folder. */
  root: string;
  config: PolicydocConfig;
}

/**
 * Finds and validates the project configuration: `--config F`, else `.policydocrc.json` in the
 * current folder, else none. A broken config stops the run (exit 2) rather than silently using defaults.
 */
export function loadProject(service: LanguageService, cwd: string, configOption: string | undefined): Project {
  const locale = service.locale;
  const configPath = configOption !== undefined ? path.resolve(cwd, configOption) : path.join(cwd, CONFIG_FILE);
  if (!fs.existsSync(configPath) || !fs.statSync(configPath).isFile()) {
    if (configOption !== undefined) throw new UsageError(text(locale, 'configMissing', { path: configOption }));
    return { root: cwd, config: {} };
  }
  const source = fs.readFileSync(configPath, 'utf8');
  const { config, diagnostics } = service.checkConfig(source);
  if (diagnostics.length > 0) {
    const shown = displayPath(cwd, configPath);
    const lines = diagnostics.map((d) => `${shown}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    throw new UsageError([text(locale, 'configInvalid', { path: shown }), ...lines].join('\n'));
  }
  return { root: path.dirname(configPath), config };
}

/** A path as the user sees it: relative to the current folder when inside it, with forward slashes. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}
