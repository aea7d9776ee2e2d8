/** A press release as the engine reads it, and as the reader shows it. */

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
