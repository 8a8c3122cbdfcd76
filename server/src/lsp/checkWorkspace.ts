// Check Workspace: every document of the index gets its diagnostics in the Problems panel, the
// closed ones too, like markdownlint's lintWorkspace. Scope applies as for open documents (a folder
// without `.policydocrc.json` checks its policy documents only); progress can be cancelled.
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { CheckWorkspaceResult } from '../../../common/src/protocol';
import { inScope, type EnableSetting, type LanguageService, type Locale } from '../service';
import type { Folders } from './folders';
import { filesDone, yieldToEvents, type Progress, type WorkspaceIndexer } from './workspaceIndexer';

export interface CheckWorkspaceOptions {
  indexer: WorkspaceIndexer;
  folders: Folders<{ service: LanguageService; hasProjectConfig: boolean }>;
  isOpen(uri: string): boolean;
  readFile(uri: string): Promise<string | null>;
  /** `policydoc.enable` for a resource (a closed file is asked by its folder: one request per folder, not per file). */
  enable(uri: string): Promise<EnableSetting>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  revalidateOpen(): void;
  progress(title: string): Promise<Progress | undefined>;
  token: CancellationToken;
  locale: Locale;
  guard<T>(what: string, fallback: T, call: () => T): T;
}

const TEXT = {
  title: { zh: 'policydoc：正在检查工作区', en: 'policydoc: checking the workspace' },
};
const BATCH = 4;

export async function checkWorkspace(options: CheckWorkspaceOptions): Promise<CheckWorkspaceResult> {
  const { indexer, folders, locale, guard } = options;
  const uris = [...indexer.index.documents()].map((entry) => entry.uri).sort();
  const progress = await options.progress(TEXT.title[locale]);
  const result: CheckWorkspaceResult = { files: 0, filesWithProblems: 0, problems: 0, cancelled: false };
  try {
    options.revalidateOpen();
    for (let done = 0; done < uris.length; done++) {
      if (done % BATCH === 0) {
        if (options.token.isCancellationRequested || progress?.cancelled) {
          result.cancelled = true;
          break;
        }
        progress?.report(done, uris.length, filesDone(locale, done, uris.length));
        await yieldToEvents();
      }
      const uri = uris[done];
      const folder = folders.of(uri);
      const { service } = folder.state;
      let diagnostics: Diagnostic[] = [];
      const text = options.isOpen(uri) ? null : await options.readFile(uri);
      if (text !== null && guard('isIncluded', true, () => service.isIncluded(uri))) {
        const enable = await options.enable(folder.uri ?? uri);
        const doc = guard('parse', undefined, () => service.parse(uri, text));
        if (doc && guard('scope', true, () => inScope(enable, folder.state.hasProjectConfig, () => service.isPolicyDocument(doc)))) {
          diagnostics = guard('validation', [], () => [...service.getDiagnostics(doc), ...service.getWorkspaceDiagnostics(doc)]);
          result.files++;
        }
      }
      if (options.isOpen(uri)) continue; // opened meanwhile: its own validation publishes
      if (diagnostics.length > 0) {
        result.filesWithProblems++;
        result.problems += diagnostics.length;
      }
      options.publish(uri, diagnostics);
    }
  } finally {
    progress?.done();
  }
  return result;
}
