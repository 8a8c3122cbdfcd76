import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LanguageService, PolicyDocument, ProfileName } from '../service';
import { applyEdits } from '../service/edits';
import { readEntry } from '../service/workspace/extract';
import { WORKSPACE_RULE_IDS } from '../service/workspace/rules';
import type { DocumentEntry } from '../service/workspace/types';
import { text } from './messages';

export interface FileResult {
  /** The path as shown to the user. */
  file: string;
  /** Null when the file could not be read as text. */
  profile: ProfileName | null;
  diagnostics: Diagnostic[];
  /** Findings left out per rule that hit the per-file cap; empty when none did. */
  truncated: Record<string, number>;
  fixed: boolean;
  /** What the workspace index keeps of the file (as written, after `--fix`); absent when it is not text. */
  entry?: DocumentEntry;
  /** The content's hash as written: an index file tells by it whether a file changed since (see workspace.ts). */
  stamp?: string;
  /** Per cross-document rule, the lines of the entry where an inline directive turns it off. */
  suppressed?: Record<string, number[]>;
}

export interface CheckOptions {
  fix: boolean;
  /** Check the file only if it looks like a policy document (service/scope.ts); else null. */
  onlyPolicy: boolean;
  /** False for `policydoc index`: the entry only, no diagnostics. */
  report: boolean;
}

/** `--fix` re-validates after each round of fixes, since one fix can reveal another; bounded so it always ends. */
const MAX_FIX_PASSES = 10;

/** BOM kept in the text: the service accounts for it, and `--fix` must write it back. */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function contentStamp(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * Checks one file (and with `fix` writes its fixes), and reads its workspace index entry from the same
 * parse. With `onlyPolicy`, a file that does not look like a policy document is left alone: null.
 */
export function checkFile(service: LanguageService, absolutePath: string, shownPath: string, options: CheckOptions): FileResult | null {
  const bytes = fs.readFileSync(absolutePath);
  let source: string;
  try {
    source = decoder.decode(bytes);
  } catch {
    return { file: shownPath, profile: null, diagnostics: options.report ? [notUtf8(service)] : [], truncated: {}, fixed: false };
  }
  const uri = pathToFileURL(absolutePath).href;
  let current = source;
  let doc = service.parse(uri, current);
  // A binary file is reported (binary-file) rather than skipped: it may be a document saved wrongly.
  if (options.onlyPolicy && !doc.binary && !service.isPolicyDocument(doc)) return null;
  if (options.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const edits = service.getFixAllEdits(doc);
      if (edits.length === 0) break;
      const next = applyEdits(current, doc.lines, edits);
      if (next === current) break;
      current = next;
      doc = service.parse(uri, current);
    }
    if (current !== source) fs.writeFileSync(absolutePath, current, 'utf8');
  }
  const report = options.report ? service.getReport(doc) : { diagnostics: [], truncated: {} };
  const entry = doc.binary ? undefined : readEntry(doc);
  return {
    file: shownPath,
    profile: service.getDocumentInfo(doc).profile,
    ...report,
    fixed: current !== source,
    ...(entry ? { entry, suppressed: suppressedLines(doc, entry) } : {}),
    stamp: current === source ? contentStamp(bytes) : contentStamp(Buffer.from(current, 'utf8')),
  };
}

/** Inline directives are the document's: the lines where a cross-document rule could report are looked up here, where the parse is. */
function suppressedLines(doc: PolicyDocument, entry: DocumentEntry): Record<string, number[]> | undefined {
  if (!doc.text.includes('policydoc-')) return undefined;
  const ranges = [entry.numberRange, entry.titleRange, ...entry.citations.flatMap((citation) => [citation.range, citation.titleRange])];
  const lines = new Set([0, ...ranges.flatMap((range) => (range ? [range.start.line] : []))]);
  const suppressed: Record<string, number[]> = {};
  for (const rule of WORKSPACE_RULE_IDS) {
    const off = [...lines].filter((line) => doc.directives.isSuppressed(rule, line));
    if (off.length > 0) suppressed[rule] = off;
  }
  return suppressed;
}

function notUtf8(service: LanguageService): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: 'encoding',
    source: 'policydoc',
    message: text(service.locale, 'notUtf8'),
  };
}
