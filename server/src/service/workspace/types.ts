/**
 * What the workspace index holds per document: plain, JSON-serialisable data (no LSP or VS Code
 * types). Positions are 0-based line and UTF-16 character, as the parser computes them, so an adapter
 * passes them on unchanged.
 */
import type { ProfileName } from '../types';

export interface TextPosition {
  line: number;
  character: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** A calendar date as `YYYY-MM-DD` (sorts and compares as text). */
export type IsoDate = string;

/** How a document cites another: `《标题》（发文字号）`, a bare 发文字号, or `《标题》` alone. */
export type CitationKind = 'titled' | 'number' | 'title';

export interface Citation {
  kind: CitationKind;
  /** The whole citation. */
  range: TextRange;
  /** The cited title as written (without 《》), for `titled` and `title`. */
  title?: string;
  titleRange?: TextRange;
  /** The cited 发文字号 as written, for `titled` and `number`. */
  number?: string;
  numberRange?: TextRange;
  /** The day the text says the cited document was issued (`1950年4月3日发布的《契税暂行条例》`): it tells apart versions of one title. */
  issued?: IsoDate;
  /** True inside a status statement of this document (`《…》同时废止`): a statement, not a use. */
  inStatement?: boolean;
  /** True inside the document's own title (`…网站发布《关于调整…的通知》`, `关于废止《…》的决定`): the title names the document itself or its subject, it does not rely on it. */
  inTitle?: boolean;
}

/** What a status statement says about the documents it names. */
export type StatusKind = 'repeal' | 'amend';

export interface StatusStatement {
  kind: StatusKind;
  /** The verb as written: 废止, 同时废止, 停止执行, 失效, 修改, 修订, 修正. */
  verb: string;
  /** The sentence that makes the statement. */
  range: TextRange;
  /** The documents it names, as citations (a title, a 发文字号 or both). */
  names: Citation[];
  /** When it takes effect, where the sentence or the one before says (`自2018年7月1日起施行`). */
  effective?: IsoDate;
}

/** One document of the workspace as the index holds it. */
export interface DocumentEntry {
  uri: string;
  profile: ProfileName;
  title?: string;
  titleRange?: TextRange;
  /** The document's own 发文字号 (its header's), never one it cites. */
  number?: string;
  numberRange?: TextRange;
  /** 成文日期, else the front-matter date, else a date the header or the file name gives. */
  date?: IsoDate;
  agency?: string;
  /** pkulaw 法宝引证码. */
  cliCode?: string;
  categories: string[];
  tags: string[];
  citations: Citation[];
  statements: StatusStatement[];
  /** 64-bit simhash of the cleaned body as 16 hex digits; absent when the body is too short to compare. */
  fingerprint?: string;
  /** Characters of cleaned body text the fingerprint was taken over. */
  textLength: number;
}
