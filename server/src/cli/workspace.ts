// The collection in the CLI: the workspace index built from the entries the checks read (one parse
// per file, in the pool), the cross-document findings added to each file's diagnostics, `--shard`,
// and the index file that shards share (`policydoc index -o FILE`, `policydoc check --index FILE`).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Locale } from '../service/types';
import { relativePath } from '../service/uri';
import { settingOf, toDiagnostic } from '../service/validate';
import { checkWorkspace } from '../service/workspace/rules';
import { INDEX_FORMAT, WorkspaceIndex, type SerializedIndex } from '../service/workspace/workspaceIndex';
import type { Shard } from './args';
import { checkFile, contentStamp, type FileResult } from './check';
import { text, UsageError } from './messages';
import type { Job } from './pool';
import { displayPath, insideRoot, type Projects } from './project';

/** The CLI feeds the index entries read in the pool, never texts. */
const NO_PARSE = (): never => {
  throw new Error('the CLI index is fed entries, not texts');
};

/** Stale files named in the error; the rest are counted. */
const NAMED_STALE = 3;

/**
 * The files of shard `index`/`count`: by a hash of each path relative to the project root, so every
 * machine splits alike whatever the order or number of files, and every file is in exactly one shard.
 */
export function inShard(jobs: Job[], shard: Shard, root: string): Job[] {
  return jobs.filter((job) => shardOf(shardKey(root, job.file), shard.count) === shard.index - 1);
}

function shardOf(key: string, count: number): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % count;
}

/** A path relative to the project root with `/` (the absolute path outside it): the key of a file in shards and index files. */
function shardKey(root: string, file: string): string {
  return insideRoot(root, file) ?? file.split(path.sep).join('/');
}

/** The index of the checked files' entries, over a loaded index file when there is one (fresher entries win). */
export function indexOf(results: readonly FileResult[], base?: WorkspaceIndex): WorkspaceIndex {
  const index = base ?? new WorkspaceIndex(NO_PARSE);
  for (const result of results) if (result.entry) index.add(result.entry, result.stamp);
  return index;
}

/**
 * Adds the cross-document findings on the checked files to their diagnostics: each file's severity
 * from the project config (`rules`, `overrides`), its inline directives honoured, a docs link. No fix
 * is offered (see README: --fix leaves citation-title-mismatch to a person).
 */
export function withWorkspaceFindings(results: FileResult[], index: WorkspaceIndex, projects: Projects, cwd: string, locale: Locale, docsUri: (ruleId: string) => string | undefined): FileResult[] {
  const byUri = new Map(results.flatMap((result) => (result.entry ? [[result.entry.uri, result] as const] : [])));
  const added = new Map<FileResult, FileResult['diagnostics']>();
  const labels = new Map<string, string>();
  const label = (uri: string) => labels.get(uri) ?? labels.set(uri, displayPath(cwd, fileURLToPath(uri))).get(uri)!;
  const findings = checkWorkspace(index, { uris: [...byUri.keys()], label });
  for (const finding of findings) {
    const result = byUri.get(finding.uri)!;
    if (result.suppressed?.[finding.rule]?.includes(finding.range.start.line)) continue;
    const { project, config } = projects.of(fileURLToPath(finding.uri));
    const configured = settingOf(config.forFile(relativePath(finding.uri, project.root)).rules[finding.rule]).severity;
    if (configured === 'off') continue;
    const diagnostic = toDiagnostic({ ruleId: finding.rule, severity: configured ?? finding.severity, message: finding.message, report: { messageId: finding.messageId, range: finding.range } }, locale, docsUri);
    added.set(result, [...(added.get(result) ?? []), diagnostic]);
  }
  return results.map((result) => {
    const extra = added.get(result);
    if (!extra) return result;
    const diagnostics = [...result.diagnostics, ...extra].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { ...result, diagnostics };
  });
}

/** The index file: `WorkspaceIndex.toJSON()` with each `uri` a path relative to the project root, so it serves any checkout. */
export function serializeIndex(index: WorkspaceIndex, root: string): string {
  const data = index.toJSON();
  const documents = data.documents
    .map((document) => ({ ...document, uri: shardKey(root, fileURLToPath(document.uri)) }))
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return JSON.stringify({ ...data, documents }) + '\n';
}

/**
 * Reads `--index FILE` for a check of `jobs` (all the files the arguments name, before sharding). An
 * unreadable or invalid file, or one that is stale — a file of it changed or vanished, or a document
 * of the collection is missing from it — stops the run (exit 2): the shards would disagree otherwise.
 */
export function readIndexFile(option: string, cwd: string, projects: Projects, jobs: readonly Job[]): WorkspaceIndex {
  const { project, service } = projects.base;
  const locale = service.locale;
  const file = path.resolve(cwd, option);
  let data: SerializedIndex;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as SerializedIndex;
  } catch (error) {
    throw new UsageError(text(locale, 'indexUnreadable', { path: option, detail: error instanceof Error ? error.message : String(error) }));
  }
  const documents = Array.isArray(data?.documents) ? data.documents : undefined;
  const absolute = documents?.every((document) => typeof document?.uri === 'string' && typeof document.stamp === 'string')
    ? { ...data, documents: documents.map((document) => ({ ...document, uri: pathToFileURL(path.resolve(project.root, document.uri)).href })) }
    : null;
  const index = absolute && WorkspaceIndex.fromJSON(absolute, NO_PARSE);
  if (!index) throw new UsageError(text(locale, 'indexInvalid', { path: option, format: INDEX_FORMAT }));

  const stale: string[] = [];
  for (const entry of index.documents()) {
    const absolutePath = fileURLToPath(entry.uri);
    if (!fs.existsSync(absolutePath) || contentStamp(fs.readFileSync(absolutePath)) !== index.stamp(entry.uri)) stale.push(displayPath(cwd, absolutePath));
  }
  for (const job of jobs) {
    if (index.get(pathToFileURL(job.file).href)) continue;
    if (checkFile(projects.all()[job.project].service, job.file, job.shown, { fix: false, report: false, onlyPolicy: job.onlyPolicy })?.entry) stale.push(job.shown);
  }
  if (stale.length > 0) {
    const named = stale.slice(0, NAMED_STALE).join(', ') + (stale.length > NAMED_STALE ? ', …' : '');
    throw new UsageError(text(locale, 'indexStale', { path: option, count: stale.length, files: named }));
  }
  return index;
}
