import type { PolicyDocument } from '../parse/document';

/** Keys whose values are offered again from the documents the service has parsed. */
export const WORKSPACE_VALUE_KEYS = ['categories', 'tags'] as const;
export type WorkspaceValueKey = (typeof WORKSPACE_VALUE_KEYS)[number];

const MAX_VALUES_PER_DOCUMENT = 50;

/** `categories` and `tags` values seen in parsed documents, per document so that a re-parse replaces them. */
export class WorkspaceValues {
  private readonly byUri = new Map<string, Record<WorkspaceValueKey, string[]>>();

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
    const counts = new Map<string, number>();
    for (const values of this.byUri.values()) for (const value of values[key]) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
}

function stringsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').slice(0, MAX_VALUES_PER_DOCUMENT);
}
