import type * as protocol from '../../../common/src/protocol';
import type { CodeAction, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, Position, SymbolInformation, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind, DiagnosticSeverity, FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import { documentOutline, foldingSections, type OutlineKind, type OutlineSymbol } from './workspace/outline';
import { cleanDocument as clean, type CleanOptions, type CleanResult } from './clean/cleanDocument';
import { parseConfig, ResolvedConfig, type PolicydocConfig, type RuleSetting } from './config';
import { createKnowledgeFeatures } from './features';
import { KnowledgeStore, type KnowledgeKind } from './knowledge';
import { parseDocument, type PolicyDocument } from './parse/document';
import { LineMap } from './parse/lineMap';
import { CONFIGURABLE_RULE_IDS } from './ruleCatalog';
import { isPolicyDocument as hasPolicySignal } from './scope';
import type { Locale, ProfileName, Rule } from './types';
import { relativePath as relativeTo } from './uri';
import { nonOverlappingEdits, runRules, settingOf, toDiagnostic, truncationDiagnostic, workspaceDiagnostic, type DiagnosticData } from './validate';
import { readEntry } from './workspace/extract';
import * as navigation from './workspace/navigation';
import { checkWorkspace, WORKSPACE_RULE_IDS } from './workspace/rules';
import type { DocumentEntry } from './workspace/types';
import type { WorkspaceIndex } from './workspace/workspaceIndex';

export type { PolicyDocument } from './parse/document';
export type { PolicydocConfig } from './config';
export type { CleanMeta, CleanOptions, CleanResult } from './clean/cleanDocument';
export type { Locale, ProfileName } from './types';
export { USER_KNOWLEDGE_FILES, type KnowledgeKind } from './knowledge';
export { ENABLE_SETTINGS, inScope, type EnableSetting, type ScopeSignal } from './scope';
export { WorkspaceIndex } from './workspace/workspaceIndex';
export type { DocumentEntry } from './workspace/types';

/** The collection the service sees beyond one document: the host's workspace index, and how its documents are named. */
export interface ServiceWorkspace {
  index: WorkspaceIndex;
  /** A document's name for people: its path relative to its workspace folder. */
  label(uri: string): string;
}

export interface LanguageServiceInit {
  locale?: Locale;
  /** The clock for date checks; tests fix it. */
  now?: () => Date;
  /** Where a rule's documentation page is, for links from diagnostics. */
  docsUri?: (ruleId: string) => string | undefined;
  logError?: (message: string) => void;
}

export interface ServiceSettings {
  /** Project root, a file path or a URI (`vscode-vfs://…` in VS Code for the Web): globs in the config are relative to it. */
  root?: string;
  config?: PolicydocConfig;
  /** Editor-level rule settings, applied over the project config. */
  editorRules?: Record<string, RuleSetting>;
  locale?: Locale;
}

export interface DiagnosticReport {
  diagnostics: Diagnostic[];
  /** Findings left out, per rule that hit its cap (MAX_REPORTS_PER_RULE); empty when none did. */
  truncated: Record<string, number>;
}

export type DocumentInfo = protocol.DocumentInfo<ProfileName>;

export type LanguageService = ReturnType<typeof createLanguageService>;

/** The pure policydoc engine: text in, LSP types out. The server, the CLI and the tests all call it. */
const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  'front-matter': SymbolKind.Object,
  key: SymbolKind.Property,
  heading: SymbolKind.String,
  part: SymbolKind.Module,
  chapter: SymbolKind.Namespace,
  section: SymbolKind.Class,
  article: SymbolKind.Field,
  item: SymbolKind.EnumMember,
};

export function createLanguageService(init: LanguageServiceInit = {}) {
  let locale: Locale = init.locale ?? 'en';
  let root: string | undefined;
  let projectConfig: PolicydocConfig = {};
  let editorRules: Record<string, RuleSetting> = {};
  let config = new ResolvedConfig();
  const now = init.now ?? (() => new Date());
  const docsUri = init.docsUri ?? (() => undefined);
  const logError = init.logError ?? (() => {});
  const onRuleError = (rule: Rule, error: unknown) => logError(`rule ${rule.meta.id} failed: ${error instanceof Error ? error.stack : String(error)}`);

  const relativePath = (uri: string) => relativeTo(uri, root);

  let workspace: ServiceWorkspace | undefined;
  const store = new KnowledgeStore();
  const knowledge = createKnowledgeFeatures({
    knowledge: () => store.current(),
    locale: () => locale,
    now,
    logError,
    profilesFor: (doc) => config.forFile(relativePath(doc.uri)).profiles,
    workspaceIndex: () => workspace?.index,
  });

  /** Parses a document; pure: nothing is remembered (see `recordDocument`). */
  function parse(uri: string, text: string): PolicyDocument {
    return parseDocument(uri, text, config.forFile(relativePath(uri)).profile, { boilerplate: store.boilerplate(), codes: store.current().codes });
  }

  /** Remembers an open document's `categories` and `tags`, offered by completion in other documents (`forgetDocument` drops them). */
  function recordDocument(doc: PolicyDocument): void {
    knowledge.record(doc);
  }

  const policyDocuments = new WeakMap<PolicyDocument, boolean>();
  /** Whether the document looks like a policy document (see scope.ts); computed once per parse. */
  function isPolicyDocument(doc: PolicyDocument): boolean {
    let policy = policyDocuments.get(doc);
    if (policy === undefined) {
      policy = hasPolicySignal(doc, store.current());
      policyDocuments.set(doc, policy);
    }
    return policy;
  }

  function findings(doc: PolicyDocument, maxReportsPerRule?: number) {
    return runRules(doc, config.forFile(relativePath(doc.uri)), { now: now(), knowledge: store.current() }, onRuleError, maxReportsPerRule);
  }

  /** The diagnostics, and how many findings each rule left out past its cap (the CLI reports both). */
  function getReport(doc: PolicyDocument): DiagnosticReport {
    const { findings: found, truncated } = findings(doc);
    return { diagnostics: found.map((finding) => toDiagnostic(finding, locale, docsUri)), truncated };
  }

  /** What the editor shows: the diagnostics, with one notice at the top when a rule hit its cap. */
  function getDiagnostics(doc: PolicyDocument): Diagnostic[] {
    const { diagnostics, truncated } = getReport(doc);
    const notice = truncationDiagnostic(truncated, locale);
    return notice ? [notice, ...diagnostics] : diagnostics;
  }

  function fixOf(diagnostic: Diagnostic): DiagnosticData['fix'] {
    return diagnostic.source === 'policydoc' ? (diagnostic.data as DiagnosticData | undefined)?.fix : undefined;
  }

  /** Quick fixes for the diagnostics the editor passes back (they carry their fixes). */
  function getCodeActions(doc: PolicyDocument, diagnostics: Diagnostic[]): CodeAction[] {
    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const fix = fixOf(diagnostic);
      if (!fix) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [doc.uri]: fix.edits } },
      });
    }
    return actions;
  }

  /** Every fix of the document at once (`source.fixAll.policydoc`, `policydoc check --fix`). */
  function getFixAllEdits(doc: PolicyDocument): TextEdit[] {
    const fixes = findings(doc, Infinity).findings.flatMap((finding) => (finding.report.fix ? [finding.report.fix] : []));
    return nonOverlappingEdits(fixes, (edit) => [doc.lines.offsetAt(edit.range.start), doc.lines.offsetAt(edit.range.end)]);
  }

  function getDocumentInfo(doc: PolicyDocument): DocumentInfo {
    return { profile: doc.profile, profileForced: doc.profileForced };
  }

  /** Validates `.policydocrc.json` text; returns the config to use (defaults where it is broken) and its problems. */
  function checkConfig(text: string): { config: PolicydocConfig; diagnostics: Diagnostic[] } {
    const { config: parsed, problems } = parseConfig(text, CONFIGURABLE_RULE_IDS);
    const lines = new LineMap(text);
    const diagnostics = problems.map((problem) => ({
      range: lines.range(problem.start, problem.end),
      severity: DiagnosticSeverity.Error,
      source: 'policydoc',
      message: problem.message[locale],
    }));
    return { config: parsed, diagnostics };
  }

  /** The document as a reader sees it (preview, export, `policydoc clean`); card labels follow the service locale. */
  function cleanDocument(doc: PolicyDocument, options: CleanOptions = {}): CleanResult {
    return clean(doc, { locale, ...options });
  }

  /**
   * Reads a user knowledge file (`.policydoc/agencies.yaml`, `.policydoc/terms.yaml` or
   * `.policydoc/boilerplate.yaml`) given by its uri and text; `null` text forgets it (file deleted). The
   * registry then extends every feature and rule, and documents parsed after it (the server re-parses the
   * open ones) find the user's boilerplate. Returns the diagnostics to publish on that file.
   */
  function setUserKnowledge(kind: KnowledgeKind, uri: string, text: string | null): Diagnostic[] {
    const problems = store.setUserFile(kind, uri, text);
    const lines = new LineMap(text ?? '');
    return problems.map((problem) => ({
      range: lines.range(problem.start, problem.end),
      severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'policydoc',
      message: problem.message[locale],
    }));
  }

  function configure(settings: ServiceSettings): void {
    if (settings.locale) locale = settings.locale;
    if ('root' in settings) root = settings.root;
    if (settings.config) projectConfig = settings.config;
    if (settings.editorRules) editorRules = settings.editorRules;
    config = new ResolvedConfig(projectConfig, editorRules);
  }

  function isIncluded(uri: string): boolean {
    const relative = relativePath(uri);
    return relative === undefined || config.includes(relative);
  }

  /** The Outline and breadcrumbs: front matter, headings, 第X编/章/节/条 and 层次序数 as nested symbols. */
  function getDocumentSymbols(doc: PolicyDocument): DocumentSymbol[] {
    const toSymbol = (symbol: OutlineSymbol): DocumentSymbol => ({
      name: symbol.name,
      kind: SYMBOL_KINDS[symbol.kind],
      range: symbol.range,
      selectionRange: symbol.selectionRange,
      children: symbol.children.map(toSymbol),
    });
    return documentOutline(doc, locale).map(toSymbol);
  }

  function getFoldingRanges(doc: PolicyDocument): FoldingRange[] {
    return foldingSections(doc).map(({ startLine, endLine }) => ({ startLine, endLine, kind: FoldingRangeKind.Region }));
  }

  // ---- the workspace (see workspace/): cross-document rules and navigation over the host's index ----

  /** Makes the features below read this index (shared by the folders of a multi-root workspace). */
  function setWorkspace(next: ServiceWorkspace | undefined): void {
    workspace = next;
  }

  const entries = new WeakMap<PolicyDocument, DocumentEntry>();
  /** What the index holds of a parsed document, read once per parse. */
  function entryOf(doc: PolicyDocument): DocumentEntry {
    let entry = entries.get(doc);
    if (!entry) {
      entry = readEntry(doc);
      entries.set(doc, entry);
    }
    return entry;
  }

  /** Puts an open document's current text into the index (its unsaved edits count for the other documents); the entries before and after. */
  function indexDocument(doc: PolicyDocument, stamp?: string): { previous?: DocumentEntry; entry: DocumentEntry } | undefined {
    if (!workspace || doc.binary) return undefined;
    const previous = workspace.index.get(doc.uri);
    const entry = workspace.index.updateParsed(doc, stamp);
    entries.set(doc, entry);
    return { previous, entry };
  }

  /** The cross-document rules' findings on one document, with the severities its config gives them and its inline directives honoured. */
  function getWorkspaceDiagnostics(doc: PolicyDocument): Diagnostic[] {
    if (!workspace) return [];
    const { uri } = doc;
    const rules = config.forFile(relativePath(uri)).rules;
    const severities = Object.fromEntries(WORKSPACE_RULE_IDS.map((id) => [id, settingOf(rules[id]).severity]));
    const onError = (rule: { meta: { id: string } }, error: unknown) => logError(`rule ${rule.meta.id} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return checkWorkspace(workspace.index, { uris: [uri], severities, label: workspace.label, onRuleError: onError })
      .filter((finding) => !doc.directives.isSuppressed(finding.rule, finding.range.start.line))
      .map((finding) => workspaceDiagnostic(finding, locale, docsUri));
  }

  function navigationContext(): navigation.NavigationContext | undefined {
    return workspace && { index: workspace.index, locale, label: workspace.label };
  }

  function getDefinition(doc: PolicyDocument, position: Position): Location[] {
    const context = navigationContext();
    return context ? navigation.definition(entryOf(doc), position, context) : [];
  }

  function getReferences(doc: PolicyDocument, position: Position, includeDeclaration: boolean): Location[] {
    const context = navigationContext();
    return context ? navigation.references(entryOf(doc), position, includeDeclaration, context) : [];
  }

  function getDocumentLinks(doc: PolicyDocument): DocumentLink[] {
    const context = navigationContext();
    return context ? navigation.documentLinks(doc, doc.binary ? undefined : entryOf(doc), context) : [];
  }

  function getWorkspaceSymbols(query: string): SymbolInformation[] {
    const context = navigationContext();
    return context ? navigation.workspaceSymbols(query, context) : [];
  }

  /** Hover: on a citation, the cited document (and then what the registry knows of the words under the cursor). */
  function getHover(doc: PolicyDocument, position: Position): Hover | null {
    const context = navigationContext();
    const citation = context && !doc.binary ? navigation.citationHover(entryOf(doc), position, context) : null;
    const words = knowledge.getHover(doc, position);
    if (!citation || !words) return citation ?? words;
    const text = (hover: Hover) => (typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : String(hover.contents));
    return { contents: { kind: 'markdown', value: `${text(citation)}\n\n---\n\n${text(words)}` }, range: citation.range };
  }

  return Object.freeze({
    configure,
    getDocumentSymbols,
    getFoldingRanges,
    parse,
    recordDocument,
    isPolicyDocument,
    getDiagnostics,
    getReport,
    getCodeActions,
    getFixAllEdits,
    getDocumentInfo,
    getCompletions: knowledge.getCompletions,
    getHover,
    setWorkspace,
    indexDocument,
    getWorkspaceDiagnostics,
    getDefinition,
    getReferences,
    getDocumentLinks,
    getWorkspaceSymbols,
    setUserKnowledge,
    forgetDocument: knowledge.forget,
    cleanDocument,
    checkConfig,
    isIncluded,
    get locale() {
      return locale;
    },
  });
}
