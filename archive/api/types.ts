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

/**
 * Why a release is about a country: named in its title, in its lead, in the dateline of a visit,
 * as a party to an agreement, as the country of a quoted official, or many times over.
 */
export type AboutReason = 'title' | 'lead' | 'dateline' | 'agreement' | 'speaker' | 'weight';

export interface PartnerCountry {
  /** ISO 3166-1 alpha-2 */
  code: string;
  name: string;
  /** The release is about this country (a subject, not only a mention). */
  about: boolean;
  /** What in the text makes it a subject (even for a home country, which is never `about`). */
  aboutBecause: AboutReason[];
  /** The country the release comes from (its publisher's, or the archive's home): not a partner of its own releases. */
  home: boolean;
  evidence: Evidence[];
}

/** Where a release comes from, as far as the release itself says. */
export interface ReleaseOrigin {
  /** The host of the release's address (`www.admin.ch`), when it states one. */
  host: string | null;
  /** The country of that address (admin.ch → CH, whitehouse.gov → US). */
  country: string | null;
  /** The country of the dateline's city (Berne → CH, Tokyo → JP). */
  datelineCountry: string | null;
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
  origin: ReleaseOrigin;
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
}

export interface CountryName {
  code: string;
  en: string;
  fr: string;
  flag: string;
}

export type TimelinePeriod = 'year' | 'quarter' | 'month' | 'week' | 'day';

export interface TimelineRequest {
  /** The search the timeline shows: its query and filters, as for `search`. */
  query?: string;
  countries?: string[];
  /** Lanes and the country filter count every mention, not only the releases about a country. */
  mentioned?: boolean;
  from?: string;
  to?: string;
  languages?: string[];
  /** The size of a period: `year` (the default), `quarter`, `month`, ISO `week` or `day`. */
  by?: TimelinePeriod;
  /** The lanes wanted, in this order; by default the countries with the most releases. */
  lanes?: string[];
  /** How many lanes by default (12; at most 50). */
  top?: number;
  /** Also the releases themselves, when the range holds at most this many (up to 5,000). */
  releases?: number;
}

export interface TimelineLane {
  country: string;
  total: number;
  /** One per period of the range, in order, empty periods included. */
  buckets: { period: string; count: number }[];
}

/** A release as a mark on the timeline: an English/French pair is one mark. */
export interface TimelineMark {
  id: string;
  title: string;
  published: string;
  language: string;
  /** The lanes it falls in (countries it is about, or mentions with `mentioned`). */
  countries: string[];
  /** Its other-language versions. */
  versions: string[];
}

export interface TimelineResult {
  by: TimelinePeriod;
  /** The first and last day covered (the filter's, or the releases' own). */
  range: { from: string; to: string } | null;
  /** Releases in the range (a pair counts once), and per period: for showing a lane as a share. */
  total: number;
  all: { period: string; count: number }[];
  lanes: TimelineLane[];
  /** The releases, when asked for and the range holds few enough; else null. */
  releases: TimelineMark[] | null;
}
