import type { ElementContent } from 'hast';
import type * as protocol from '../../../../common/src/protocol';
import type { Locale, ProfileName } from '../types';
import type { BoilerplateKind } from '../parse/boilerplate/spans';

/** What the cleaner takes out of the body: portal junk, lines moved to the header card, duplicates, empty or unsafe content. */
export type RemovedKind = BoilerplateKind | 'metadata' | 'duplicate-title' | 'duplicate-line' | 'page-chrome' | 'empty-paragraph' | 'unsafe';

/** The wire shapes of `policydoc/cleanDocument` (common/src/protocol.ts), with the service's own names. */
export type CleanMeta = protocol.CleanMeta<ProfileName>;
export type RemovedRange = protocol.RemovedRange<RemovedKind>;
export type CleanResult = protocol.CleanResult<ProfileName, RemovedKind>;

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

