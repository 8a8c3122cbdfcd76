import type { CompletionList, Hover, Position } from 'vscode-languageserver-types';
import { WorkspaceValues, type Knowledge } from '../knowledge';
import type { PolicyDocument } from '../parse/document';
import type { Profile } from '../profiles';
import type { Locale, ProfileName } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { getCompletions } from './completion';
import type { FeatureContext } from './context';
import { getHover } from './hover';

export interface KnowledgeFeaturesInit {
  /** The registry as it stands (shipped data and the user's files). */
  knowledge: () => Knowledge;
  locale: () => Locale;
  now: () => Date;
  logError: (message: string) => void;
  /** The profiles that apply to a document (the config may adjust them per file). */
  profilesFor: (doc: PolicyDocument) => Record<ProfileName, Profile>;
  /** The workspace index, when the host keeps one: completion offers its categories and tags too. */
  workspaceIndex?: () => WorkspaceIndex | undefined;
}

/** Completion and hover over the registry, with the `categories` / `tags` values of parsed documents remembered. */
export function createKnowledgeFeatures(init: KnowledgeFeaturesInit) {
  const workspace = new WorkspaceValues(init.workspaceIndex);

  function context(doc: PolicyDocument): FeatureContext {
    return { knowledge: init.knowledge(), workspace, locale: init.locale(), now: init.now(), profiles: init.profilesFor(doc) };
  }

  function guarded<T>(name: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      init.logError(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
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
  };
}
