import type { Knowledge, WorkspaceValues } from '../knowledge';
import type { Profile } from '../profiles';
import type { Locale, ProfileName } from '../types';

/** What the completion and hover features read besides the document. */
export interface FeatureContext {
  knowledge: Knowledge;
  workspace: WorkspaceValues;
  locale: Locale;
  now: Date;
  /** The profiles as the project's config adjusts them for this document. */
  profiles: Record<ProfileName, Profile>;
}

/** A run of CJK ideographs (the characters agency names, terms and 代字 are made of). */
export const CJK_RUN = /[\u3400-\u9fff]+$/;
