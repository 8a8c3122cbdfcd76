import { DiagnosticSeverity, type CompletionList, type Diagnostic, type Hover, type Position } from 'vscode-languageserver-types';
import { Knowledge, loadUserKnowledge, WorkspaceValues, type KnowledgeKind, type UserAgency, type UserTerm } from '../knowledge';
import { LineMap } from '../parse/lineMap';
import type { PolicyDocument } from '../parse/document';
import type { Profile } from '../profiles';
import type { Locale, ProfileName } from '../types';
import { getCompletions } from './completion';
import type { FeatureContext } from './context';
import { getHover } from './hover';

export interface KnowledgeFeaturesInit {
  locale: () => Locale;
  now: () => Date;
  logError: (message: string) => void;
  /** The profiles that apply to a document (the config may adjust them per file). */
  profilesFor: (doc: PolicyDocument) => Record<ProfileName, Profile>;
}

/**
 * Completion and hover over the agency registry and the glossary, with the user's `.policydoc/*.yaml`
 * files merged in and the `categories` / `tags` values of parsed documents remembered.
 */
export function createKnowledgeFeatures(init: KnowledgeFeaturesInit) {
  const workspace = new WorkspaceValues();
  const userAgencies = new Map<string, UserAgency[]>();
  const userTerms = new Map<string, UserTerm[]>();
  let knowledge: Knowledge | undefined;

  function context(doc: PolicyDocument): FeatureContext {
    knowledge ??= Knowledge.merge([...userAgencies.values()].flat(), [...userTerms.values()].flat());
    return { knowledge, workspace, locale: init.locale(), now: init.now(), profiles: init.profilesFor(doc) };
  }

  function guarded<T>(name: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      init.logError(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  }

  /**
   * Reads a user knowledge file (`.policydoc/agencies.yaml` or `.policydoc/terms.yaml`) given by its uri and
   * text; `null` text forgets it (file deleted). Returns the diagnostics to publish on that file.
   */
  function setUserKnowledge(kind: KnowledgeKind, uri: string, text: string | null): Diagnostic[] {
    return guarded('setUserKnowledge', [], () => {
      const store = kind === 'agencies' ? userAgencies : userTerms;
      knowledge = undefined;
      if (text === null) {
        store.delete(uri);
        return [];
      }
      const loaded = loadUserKnowledge(kind, text);
      (store as Map<string, unknown[]>).set(uri, loaded.entries);
      const lines = new LineMap(text);
      const locale = init.locale();
      return loaded.problems.map((problem) => ({
        range: lines.range(problem.start, problem.end),
        severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: 'policydoc',
        message: problem.message[locale],
      }));
    });
  }

  return {
    /** Remembers the document's `categories` and `tags` for completion in other documents. */
    record(doc: PolicyDocument): void {
      if (!doc.binary) workspace.record(doc);
    },
    forget(uri: string): void {
      workspace.forget(uri);
    },
    getCompletions(doc: PolicyDocument, position: Position): CompletionList {
      return guarded('completion', { isIncomplete: false, items: [] }, () => getCompletions(doc, position, context(doc)));
    },
    getHover(doc: PolicyDocument, position: Position): Hover | null {
      return guarded('hover', null, () => getHover(doc, position, context(doc)));
    },
    setUserKnowledge,
  };
}
