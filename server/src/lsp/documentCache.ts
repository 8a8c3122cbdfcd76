import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentEntry, LanguageService, PolicyDocument } from '../service';

/**
 * Parses each (uri, version) once, so validation, code actions and document info share one parse,
 * records it for completion in other documents and puts it in the workspace index (the service's
 * `parse` itself remembers nothing).
 * `invalidate()` drops everything when the configuration changes (it can force a profile).
 */
export class DocumentCache {
  private readonly entries = new Map<string, { version: number; doc: PolicyDocument }>();

  /** `onIndexed(previous, next)`: a new version went into the workspace index (the entries before and after). */
  constructor(
    private readonly service: LanguageService,
    private readonly onIndexed: (previous: DocumentEntry | undefined, next: DocumentEntry) => void = () => {},
  ) {}

  get(document: TextDocument): PolicyDocument {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.doc;
    const doc = this.service.parse(document.uri, document.getText());
    this.service.recordDocument(doc);
    const indexed = this.service.indexDocument(doc); // its unsaved text is what the other documents see
    if (indexed) this.onIndexed(indexed.previous, indexed.entry);
    this.entries.set(document.uri, { version: document.version, doc });
    return doc;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  invalidate(): void {
    this.entries.clear();
  }
}
