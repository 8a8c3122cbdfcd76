import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { USER_KNOWLEDGE_FILES, type KnowledgeKind, type LanguageService, type PolicydocConfig } from '../service';
import { ResolvedConfig } from '../service/config';
import type { Locale } from '../service/types';
import { text, UsageError } from './messages';

export const CONFIG_FILE = '.policydocrc.json';
/** The folder of the project's own knowledge (`.policydoc/agencies.yaml` …): it marks a project root as the config does. */
const KNOWLEDGE_FOLDER = '.policydoc';

export interface Project {
  /** The folder the config's globs, shard keys and index paths are relative to. */
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

/** A project of the run with the service configured for it. `id` is its place in `Projects.all()`, which workers share. */
export interface ProjectRun {
  id: number;
  project: Project;
  service: LanguageService;
  config: ResolvedConfig;
}

export interface ProjectsOptions {
  cwd: string;
  /** `--config F`, relative to `cwd`. */
  config: string | undefined;
  locale: Locale;
  /** A new service, unconfigured: one per project. */
  makeService: () => LanguageService;
  /** Where the problems of a project's knowledge files go, as `path:line:column message` lines. */
  warn?: (line: string) => void;
}

/**
 * The projects of one run, found as the editor finds a workspace folder: a file belongs to the project
 * of the nearest folder above it that holds `.policydocrc.json` or `.policydoc/`, and a file under no
 * such folder to the current folder's project (found the same way, else the current folder with no
 * config). With `--config F` there is one project, F's folder, for every file. Each project has its own
 * service, so its config and its `.policydoc/` files apply to its files only. A broken config stops the
 * run (exit 2) rather than silently using defaults; problems in a knowledge file are warnings.
 */
export class Projects {
  /** The current folder's project (or `--config`'s): globs, shard keys and the index file are relative to its root. */
  readonly base: ProjectRun;
  private readonly runs: ProjectRun[] = [];
  private readonly byRoot = new Map<string, ProjectRun>();
  /** Folder → the project root above it (null: none), so a walk over thousands of files stats each folder once. */
  private readonly rootOf = new Map<string, string | null>();
  private readonly single: boolean;

  constructor(private readonly options: ProjectsOptions) {
    const { cwd, config } = options;
    this.single = config !== undefined;
    if (config !== undefined) {
      const configPath = path.resolve(cwd, config);
      if (!isFile(configPath)) throw new UsageError(text(options.locale, 'configMissing', { path: config }));
      this.base = this.open(path.dirname(configPath), configPath);
    } else {
      this.base = this.open(this.findRoot(cwd) ?? cwd);
    }
  }

  /** The project a file belongs to. */
  of(file: string): ProjectRun {
    if (this.single) return this.base;
    const root = this.findRoot(path.dirname(file));
    return root === undefined ? this.base : this.open(root);
  }

  /** Every project opened so far, by id. */
  all(): readonly ProjectRun[] {
    return this.runs;
  }

  /** The nearest folder from `dir` up holding `.policydocrc.json` or `.policydoc/`. */
  private findRoot(dir: string): string | undefined {
    const visited: string[] = [];
    let found: string | null = null;
    for (let current = dir; ; current = path.dirname(current)) {
      const known = this.rootOf.get(current);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(current);
      if (isFile(path.join(current, CONFIG_FILE)) || isFolder(path.join(current, KNOWLEDGE_FOLDER))) {
        found = current;
        break;
      }
      if (path.dirname(current) === current) break;
    }
    for (const folder of visited) this.rootOf.set(folder, found);
    return found ?? undefined;
  }

  private open(root: string, configPath = path.join(root, CONFIG_FILE)): ProjectRun {
    const known = this.byRoot.get(root);
    if (known) return known;
    const { makeService, cwd, warn } = this.options;
    const service = makeService();
    const project = readProject(service, root, configPath, cwd);
    applyProject(service, project, cwd, warn);
    const run: ProjectRun = { id: this.runs.length, project, service, config: new ResolvedConfig(project.config) };
    this.runs.push(run);
    this.byRoot.set(root, run);
    return run;
  }
}

/** Reads the project at `root`: its config when `configPath` is a file (validated), and its knowledge files. */
function readProject(service: LanguageService, root: string, configPath: string, cwd: string): Project {
  if (!isFile(configPath)) return { root, configured: false, config: {}, knowledge: readUserKnowledge(root) };
  const source = fs.readFileSync(configPath, 'utf8');
  const { config, diagnostics } = service.checkConfig(source);
  if (diagnostics.length > 0) {
    const shown = displayPath(cwd, configPath);
    const lines = diagnostics.map((d) => `${shown}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    throw new UsageError([text(service.locale, 'configInvalid', { path: shown }), ...lines].join('\n'));
  }
  return { root, configured: true, config, knowledge: readUserKnowledge(root) };
}

function readUserKnowledge(root: string): UserKnowledgeFile[] {
  return (Object.entries(USER_KNOWLEDGE_FILES) as [KnowledgeKind, string][]).flatMap(([kind, relative]) => {
    const file = path.join(root, relative);
    return isFile(file) ? [{ kind, file, text: fs.readFileSync(file, 'utf8') }] : [];
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

/** A path relative to `root` with `/`, or undefined when the file is outside it. */
export function insideRoot(root: string, file: string): string | undefined {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
}

function isFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
}

function isFolder(folder: string): boolean {
  return fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory() === true;
}
