import type { PolicyDocument } from '../parse/document';
import type { FrontMatterEntry } from '../parse/frontMatter';
import { parseDate, type DateResult } from '../dates';
import { keyTypeOf, type Profile } from '../profiles';

export interface DateEntry {
  entry: FrontMatterEntry;
  text: string;
  result: DateResult;
}

/** The front-matter values that must be dates (`date`, `updated`, …) and are text, parsed. */
export function dateEntries(doc: PolicyDocument, profile: Profile): DateEntry[] {
  const found: DateEntry[] = [];
  for (const entry of doc.frontMatter?.entries ?? []) {
    if (keyTypeOf(profile, entry.key) !== 'date' || typeof entry.value !== 'string') continue;
    found.push({ entry, text: entry.value, result: parseDate(entry.value) });
  }
  return found;
}
