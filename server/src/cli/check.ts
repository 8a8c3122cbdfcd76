import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LanguageService, ProfileName } from '../service';
import { applyEdits } from '../service/edits';
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
}

/** `--fix` re-validates after each round of fixes, since one fix can reveal another; bounded so it always ends. */
const MAX_FIX_PASSES = 10;

/** BOM kept in the text: the service accounts for it, and `--fix` must write it back. */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Checks one file (and with `fix` writes its fixes). With `onlyPolicy`, a file that does not look
 * like a policy document (service/scope.ts) is left alone: null.
 */
export function checkFile(service: LanguageService, absolutePath: string, shownPath: string, fix: boolean, onlyPolicy = false): FileResult | null {
  const bytes = fs.readFileSync(absolutePath);
  let source: string;
  try {
    source = decoder.decode(bytes);
  } catch {
    return { file: shownPath, profile: null, diagnostics: [notUtf8(service)], truncated: {}, fixed: false };
  }
  const uri = pathToFileURL(absolutePath).href;
  let current = source;
  let doc = service.parse(uri, current);
  // A binary file is reported (binary-file) rather than skipped: it may be a document saved wrongly.
  if (onlyPolicy && !doc.binary && !service.isPolicyDocument(doc)) return null;
  if (fix) {
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
  return { file: shownPath, profile: service.getDocumentInfo(doc).profile, ...service.getReport(doc), fixed: current !== source };
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
