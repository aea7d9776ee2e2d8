/**
 * The one contract between the engine and every front end (IPC, HTTP, direct calls).
 * Every method takes one JSON object and returns JSON. No Node or DOM types here.
 */

export type SourceFormat = 'txt' | 'html' | 'md' | 'pdf' | 'docx';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp1252' | 'binary';

/** Where in the release's text a fact was read: offsets into `PressRelease.text`. */
export interface Evidence {
  text: string;
  start: number;
  end: number;
}

export interface PartnerCountry {
  /** ISO 3166-1 alpha-2 */
  code: string;
  name: string;
  primary: boolean;
  evidence: Evidence[];
}

export interface Quote {
  speaker: string;
  role: string | null;
  text: string;
}

export interface PressRelease {
  /** Stable: derived from the file's path and content hash. */
  id: string;
  path: string;
  format: SourceFormat;
  encoding: TextEncoding;
  title: string;
  /** YYYY-MM-DD, or null when the file states no date. */
  published: string | null;
  /** YYYY-MM-DDTHH:MM (or YYYY-MM-DD), when the release states an update. */
  updated: string | null;
  /** ISO 639-1 */
  language: string;
  /** Place the release was issued from (dateline), when stated. */
  place: string | null;
  paragraphs: string[];
  /** Title and paragraphs joined by blank lines; evidence offsets point here. */
  text: string;
  countries: PartnerCountry[];
  organisations: string[];
  quotes: Quote[];
  summary: string;
  sourceUrl: string | null;
  /** Ids of the same release in another language. */
  translations: string[];
  size: number;
  mtimeMs: number;
  hash: string;
}

/** Another version of a release (the same release in another language). */
export interface TranslationRef {
  id: string;
  language: string;
  title: string;
}

/** A release as the reader shows it: its other versions by title, where each paragraph starts, and the ranges of the text that match the query. */
export interface ReleaseView extends Omit<PressRelease, 'translations'> {
  translations: TranslationRef[];
  /** Offset in `text` of each of `paragraphs`. */
  paragraphStarts: number[];
  highlights: [number, number][];
}

export type FileErrorCode =
  | 'empty'
  | 'binary'
  | 'invalid-encoding'
  | 'too-large'
  | 'unsupported-format'
  | 'damaged-file'
  | 'no-text'
  | 'unreadable';

export interface FileFailure {
  path: string;
  code: FileErrorCode;
  message: string;
}

export type SortOrder = 'relevance' | 'date' | '-date';

export interface SearchRequest {
  query: string;
  countries?: string[];
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
  countries: string[];
  primaryCountries: string[];
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
}

export interface Facets {
  countries: Record<string, number>;
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
}

export interface CountryName {
  code: string;
  en: string;
  fr: string;
  flag: string;
}

export interface TimelineRequest {
  query?: string;
  countries?: string[];
  from?: string;
  to?: string;
  languages?: string[];
  bucket?: 'year' | 'month';
  top?: number;
}

export interface TimelineResult {
  bucket: 'year' | 'month';
  buckets: string[];
  series: { code: string; counts: number[]; total: number }[];
}
