import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { USER_KNOWLEDGE_FILES, type KnowledgeKind, type LanguageService, type PolicydocConfig } from '../service';
import { text, UsageError } from './messages';

export const CONFIG_FILE = '.policydocrc.json';

export interface Project {
  /** Globs in the config and on the command line are relative to this folder. */
  root: string;
  /** Whether a `.policydocrc.json` (or `--config`) was found: then every included file is a policy document. */
  configured: boolean;
  config: PolicydocConfig;
  /** The project's `.policydoc/agencies.yaml`, `terms.yaml` and `boilerplate.yaml`, where they exist. */
  knowledge: UserKnowledgeFile[];
}

export interface UserKnowledgeFile {
  kind: KnowledgeKind;
  file: string;
  text: string;
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
    return { root: cwd, configured: false, config: {}, knowledge: readUserKnowledge(cwd) };
  }
  const source = fs.readFileSync(configPath, 'utf8');
  const { config, diagnostics } = service.checkConfig(source);
  if (diagnostics.length > 0) {
    const shown = displayPath(cwd, configPath);
    const lines = diagnostics.map((d) => `${shown}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    throw new UsageError([text(locale, 'configInvalid', { path: shown }), ...lines].join('\n'));
  }
  const root = path.dirname(configPath);
  return { root, configured: true, config, knowledge: readUserKnowledge(root) };
}

function readUserKnowledge(root: string): UserKnowledgeFile[] {
  return (Object.entries(USER_KNOWLEDGE_FILES) as [KnowledgeKind, string][]).flatMap(([kind, relative]) => {
    const file = path.join(root, relative);
    return fs.existsSync(file) && fs.statSync(file).isFile() ? [{ kind, file, text: fs.readFileSync(file, 'utf8') }] : [];
  });
}

/**
 * Gives the service the project's config and knowledge. Problems in a knowledge file do not stop the run
 * (its valid entries still count); they are handed to `warn` as `path:line:column message` lines.
 */
export function applyProject(service: LanguageService, project: Project, cwd: string, warn: (line: string) => void = () => {}): void {
  service.configure({ root: project.root, config: project.config, locale: service.locale });
  for (const { kind, file, text } of project.knowledge) {
    const shown = displayPath(cwd, file);
    for (const problem of service.setUserKnowledge(kind, pathToFileURL(file).href, text)) {
      warn(`${shown}:${problem.range.start.line + 1}:${problem.range.start.character + 1} ${problem.message}`);
    }
  }
}

/** A path as the user sees it: relative to the current folder when inside it, with forward slashes. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}
