/** Searching and indexing: requests, answers, the archive's status. */

import type { TranslationRef } from './release.js';

export type FileErrorCode =
  | 'empty'
  | 'binary'
  | 'invalid-encoding'
  | 'too-large'
  | 'unsupported-format'
  | 'damaged-file'
  | 'no-text'
  | 'unreadable'
  /** Reading it took longer than one file may (the reader was stopped). */
  | 'too-slow'
  /** Not a regular file of the archive: a link, a device, a pipe, a socket. */
  | 'not-a-file'
  /** Left out on purpose: hidden, or a name the system cannot give as text. */
  | 'skipped'
  /** The run was cancelled before this file was read. */
  | 'cancelled';

export interface FileFailure {
  path: string;
  code: FileErrorCode;
  message: string;
}

export type SortOrder = 'relevance' | 'date' | '-date';

/** Which archive answers: this computer's (the default) or the team archive it is connected to. */
export type ArchiveSource = 'local' | 'team';

export interface SearchRequest {
  query: string;
  /** The team archive instead of this computer's (when one is connected). */
  source?: ArchiveSource;
  /** Releases about any of these countries (ISO 3166 alpha-2)… */
  countries?: string[];
  /** …or, with this switch, every release that mentions one of them. */
  mentioned?: boolean;
  from?: string;
  to?: string;
  languages?: string[];
  sort?: SortOrder;
  limit?: number;
  offset?: number;
  /** Show an English/French pair as one hit (the other version under `translations`). */
  groupTranslations?: boolean;
}

export interface Snippet {
  text: string;
  highlights: [number, number][];
}

export interface SearchHit {
  id: string;
  path: string;
  title: string;
  published: string | null;
  updated: string | null;
  language: string;
  /** Every country the release mentions. */
  countries: string[];
  /** The countries it is about. */
  aboutCountries: string[];
  score: number;
  snippet: Snippet;
  translations: TranslationRef[];
}

export interface ParsedQueryInfo {
  /** The terms that must match, after parsing. */
  terms: string[];
  phrases: string[];
  excluded: string[];
  anyOf: string[][];
  prefixes: string[];
  titleTerms: string[];
  /** Words added by the query language, e.g. a country's other-language names. */
  expansions: { term: string; added: string[] }[];
  notices: string[];
  /** Words of the archive written like a query word that finds little (Zelensky → Zelenskyy), with how many releases hold each. */
  suggestions: { word: string; term: string; releases: number }[];
}

export interface Facets {
  /** Releases about each country, under the other filters. */
  countries: Record<string, number>;
  /** Releases that mention each country, under the other filters. */
  countriesMentioned: Record<string, number>;
  languages: Record<string, number>;
  years: Record<string, number>;
}

export interface SearchResult {
  total: number;
  /** With `groupTranslations`, how many releases matched before pairs were shown as one. */
  versions: number;
  hits: SearchHit[];
  facets: Facets;
  query: ParsedQueryInfo;
  tookMs: number;
}

export interface IndexSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  failed: FileFailure[];
  documents: number;
  seconds: number;
  cancelled: boolean;
}

export interface IndexProgress {
  phase: 'scanning' | 'reading' | 'indexing' | 'saving' | 'done' | 'cancelled' | 'failed';
  filesDone: number;
  filesTotal: number;
  filesPerSecond: number;
  currentFile: string | null;
  errors: number;
  etaSeconds: number | null;
  message: string | null;
}

export interface ArchiveStatus {
  documents: number;
  folders: string[];
  failures: number;
  indexing: IndexProgress | null;
  lastIndexed: IndexSummary | null;
  /** Set when the stored index had to be rebuilt, with the reason. */
  notice: string | null;
  demoAvailable: boolean;
  languages: string[];
  /** The archive's home countries (never "about" in their own releases), and whether the desk officer set them. */
  homeCountries: { codes: string[]; set: boolean };
  /** The team archive this one is connected to, if any (always null for a team archive itself). */
  team?: TeamLinkStatus | null;
}

/** A connection to a team archive, as last seen. */
export interface TeamLinkStatus {
  url: string;
  /** Whether the last call reached it. */
  reachable: boolean;
  /** Its releases, when last reached. */
  documents: number | null;
  /** Why the last call failed, in one sentence. */
  error: string | null;
}

export interface CountryName {
  code: string;
  en: string;
  fr: string;
  flag: string;
}
