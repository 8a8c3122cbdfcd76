import type { ProfileName } from './types';

/** The value types a front-matter key can be declared with (in profiles and in `.policydocrc.json`). */
export type KeyType =
  | 'string'
  | 'date'
  | 'boolean'
  | 'number'
  | 'url'
  | 'string-or-list'
  | 'url-list'
  | 'boolean-or-number'
  | 'any';

export const KEY_TYPES: readonly KeyType[] = ['string', 'date', 'boolean', 'number', 'url', 'string-or-list', 'url-list', 'boolean-or-number', 'any'];

export interface Profile {
  name: ProfileName;
  /** Known keys and their types; `null` means the profile does not restrict keys (no unknown-key checks). */
  keys: Record<string, KeyType> | null;
  required: string[];
}

const HEXO_KEYS: Record<string, KeyType> = {
  title: 'string',
  date: 'date',
  updated: 'date',
  categories: 'string-or-list',
  tags: 'string-or-list',
  author: 'string',
  comments: 'boolean',
  published: 'boolean',
  toc: 'boolean',
  headimg: 'url',
  thumbnail: 'url',
  cover: 'url',
  excerpt: 'string',
  permalink: 'string',
  layout: 'string',
  lang: 'string',
  description: 'string',
  keywords: 'string-or-list',
  top: 'boolean-or-number',
  sticky: 'boolean-or-number',
  photos: 'url-list',
};

const JEKYLL_KEYS: Record<string, KeyType> = {
  layout: 'string',
  title: 'string',
  date: 'date',
  categories: 'string-or-list',
  category: 'string',
  tags: 'string-or-list',
  permalink: 'string',
  published: 'boolean',
  author: 'string',
  description: 'string',
  excerpt: 'string',
  image: 'url',
};

/** Keys whose format is checked in every profile, even where keys are not restricted. */
export const SYNTAX_KEYS: Record<string, KeyType> = { date: 'date', updated: 'date' };

/** Keys that hold URLs whatever the profile (themes' image keys). */
const URL_KEYS: Record<string, KeyType> = { headimg: 'url', thumbnail: 'url', cover: 'url', image: 'url', banner: 'url', photos: 'url-list' };

/** The type a key must have in a profile, if the profile or common usage says. */
export function keyTypeOf(profile: Profile, key: string): KeyType | undefined {
  return profile.keys?.[key] ?? SYNTAX_KEYS[key] ?? URL_KEYS[key];
}

export const PROFILES: Record<ProfileName, Profile> = {
  hexo: { name: 'hexo', keys: HEXO_KEYS, required: ['title', 'date', 'categories'] },
  jekyll: { name: 'jekyll', keys: JEKYLL_KEYS, required: ['title'] },
  pkulaw: { name: 'pkulaw', keys: null, required: [] },
  gongwen: { name: 'gongwen', keys: null, required: [] },
  markdown: { name: 'markdown', keys: null, required: [] },
};

/** Keys that only Hexo and its themes use: their presence makes a front matter a Hexo one. */
export const HEXO_MARKER_KEYS = ['headimg', 'thumbnail', 'comments', 'updated', 'top', 'sticky', 'photos', 'cover', 'toc'];

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];
