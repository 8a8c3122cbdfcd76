import type { PolicyDocument } from '../parse/document';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** Keys whose values are offered again from the documents the service has parsed. */
export const WORKSPACE_VALUE_KEYS = ['categories', 'tags'] as const;
export type WorkspaceValueKey = (typeof WORKSPACE_VALUE_KEYS)[number];

const MAX_VALUES_PER_DOCUMENT = 50;

/**
 * `categories` and `tags` values seen in parsed (open) documents, per document so that a re-parse
 * replaces them, over those of the whole workspace index when there is one (an open document's
 * unsaved values replace what the index read from its file).
 */
export class WorkspaceValues {
  private readonly byUri = new Map<string, Record<WorkspaceValueKey, string[]>>();

  constructor(private readonly index: () => WorkspaceIndex | undefined = () => undefined) {}

  record(doc: PolicyDocument): void {
    const values = {} as Record<WorkspaceValueKey, string[]>;
    for (const key of WORKSPACE_VALUE_KEYS) values[key] = stringsOf(doc.entry(key)?.value);
    this.byUri.set(doc.uri, values);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }



  /** Distinct values of a key, most used first. */
  values(key: WorkspaceValueKey): { value: string; count: number }[] {
    const index = this.index();
    const counts = new Map(index?.counts(key));
    const add = (value: string, by: number) => counts.set(value, (counts.get(value) ?? 0) + by);
    for (const [uri, values] of this.byUri) {
      for (const value of new Set(index?.get(uri)?.[key])) add(value, -1);
      for (const value of new Set(values[key])) add(value, 1);
    }
    for (const [value, count] of counts) if (count <= 0) counts.delete(value);
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
}

function stringsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').slice(0, MAX_VALUES_PER_DOCUMENT);
}
