import type { ElementContent } from 'hast';
import type { Range } from 'vscode-languageserver-types';
import type { Locale, ProfileName } from '../types';
import type { BoilerplateKind } from '../parse/boilerplate/spans';

/** What the cleaner takes out of the body: portal junk, lines moved to the header card, duplicates, empty or unsafe content. */
export type RemovedKind = BoilerplateKind | 'metadata' | 'duplicate-title' | 'duplicate-line' | 'page-chrome' | 'empty-paragraph' | 'unsafe';

/** The metadata shown in the header card; absent fields are left out. */
export interface CleanMeta {
  profile: ProfileName;
  title?: string;
  /** `YYYY-MM-DD HH:mm:ss` in Beijing time. */
  date?: string;
  categories: string[];
  tags: string[];
  author?: string;
  /** 来源: the article's own source line. */
  source?: string;
  /** The original's address: a Jekyll post's source autolink, a pkulaw 原文链接. */
  sourceUrl?: string;
  originalTitle?: string;
  /** 责任编辑 */
  editor?: string;
  cliCode?: string;
  docNumber?: string;
  /** 主送机关, without its colon. */
  recipients?: string;
  /** 发文机关 of the 落款. */
  issuer?: string;
  writtenDate?: string;
}

export interface RemovedRange {
  kind: RemovedKind;
  range: Range;
}

export interface CleanResult {
  meta: CleanMeta;
  /** The cleaned document as a sanitised HTML fragment (`<article>`), blocks carrying `data-line`. */
  html: string;
  /** The cleaned text: title and blocks separated by blank lines. */
  text: string;
  removed: RemovedRange[];
  /** The cleaned document as Markdown, when asked for. */
  markdown?: string;
}

export interface CleanOptions {
  /** Keep images (setting `policydoc.preview.images`); default true. */
  images?: boolean;
  /** Also produce `markdown`. */
  markdown?: boolean;
  locale?: Locale;
}

/** One block of the cleaned body, or a removed piece of the source shown only on request. */
export interface Block {
  /** Output tag; `removed` blocks are rendered hidden. */
  tag: 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'figure' | 'structure' | 'hr' | 'removed';
  /** The cleaner's own class (layout of official documents). */
  className?: string;
  /** Sanitised content from the document's tree (for `structure`: the whole element). */
  content: ElementContent[];
  /** Plain text, '' for images and rules. */
  text: string;
  /** Source offsets. */
  start: number;
  end: number;
  kind?: RemovedKind;
}

/** Parameters of the `policydoc/cleanDocument` request (the server answers with a `CleanResult`, or null for a document it does not have open). */
export interface CleanDocumentParams {
  uri: string;
  images?: boolean;
  markdown?: boolean;
}
