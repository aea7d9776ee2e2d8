import type { Facets, PressRelease, SearchHit, Snippet } from '../api/types.js';
import type { FacetFields } from './facets.js';
import type { ReleaseTerms } from './tokens.js';
import type { LinkShape } from './translations.js';

/**
 * What the index keeps of each release in memory, what it keeps on disk, and how a release's terms
 * become positions.
 */

/** What the index keeps of each release in memory. */
export interface IndexedRelease extends FacetFields {
  /** Small number the term index knows the release by. */
  no: number;
  /**
   * The release; once stored, without its text, countries, quotes and summary (see `full`), and
   * always without `paragraphs` (they are `text` again; see paragraphsOf).
   */
  release: PressRelease;
  /**
   * Once stored, the release's countries as text (country-text.ts): `release.countries` is then
   * empty, the facet numbers are read from the text and `full` makes the countries from it.
   */
  countryText?: string;
  /** The title's terms, space-separated with a space at each end (for the whole-title bonus). */
  titleTerms: string;
  /** Where the title's terms end among the release's positions, and how many positions it has. */
  titleLength: number;
  length: number;
  /** Where the rest of the release lies on disk, once stored; null while it is in memory. */
  stored: [number, number] | null;
  /** What linking translations compares (translations.ts). */
  link: LinkShape;
}

/** An empty list shared by every stored release that has none (frozen: nothing can add to it for all). */
export const NONE = Object.freeze([]) as unknown as never[];

/** How a release is put back from disk: what IndexedRelease keeps, less what is derived again. */
export interface ReleaseShape {
  titleTerms: string;
  titleLength: number;
  length: number;
  stored: [number, number] | null;
  link: LinkShape;
}

/** What of a release is kept on disk once stored, read when a page of hits, the reader or a briefing needs it. */
export interface ReleaseDetails extends Pick<PressRelease, 'text' | 'quotes' | 'summary' | 'organisations'> {
  evidence: Record<string, PressRelease['countries'][number]['evidence']>;
}

export interface DetailsSource {
  /** The file the records lie in. */
  readonly path: string;
  read(at: [number, number]): ReleaseDetails;
  /** The stored record as it lies, to copy into a new generation. */
  raw(at: [number, number]): Uint8Array;
  close(): void;
}

export function detailsOf(r: PressRelease): ReleaseDetails {
  return { text: r.text, quotes: r.quotes, summary: r.summary, organisations: r.organisations, evidence: Object.fromEntries(r.countries.map((c) => [c.code, c.evidence])) };
}

/** A release's terms as one sequence of positions: the title's, an empty slot, the body's. */
export function sequenceOf(terms: ReleaseTerms): { sequence: string[]; titleLength: number } {
  const title = terms.titleTerms.trim().split(' ').filter(Boolean);
  const body = terms.bodyTerms.trim().split(' ').filter(Boolean);
  return { sequence: [...title, '', ...body], titleLength: title.length };
}


/** Paragraphs are not stored twice: they are the text after the title, with where each starts in it. */
export function paragraphsOf(release: Pick<PressRelease, 'text' | 'title'>): { paragraphs: string[]; starts: number[] } {
  const paragraphs: string[] = [];
  const starts: number[] = [];
  let at = release.title.length;
  for (const piece of release.text.slice(at).split('\n\n')) {
    if (piece.length > 0) {
      paragraphs.push(piece);
      starts.push(at);
    }
    at += piece.length + 2;
  }
  return { paragraphs, starts };
}

/** The settings a stored index was built with: an index built otherwise is rebuilt. */
export const INDEX_CONFIG = { postings: 'docs-then-positions-v2', terms: 'liaison-terms-v2', titleBoost: 3 } as const;

export interface SearchOutcome {
  total: number;
  versions: number;
  hits: SearchHit[];
  facets: Facets;
  expansions: { term: string; added: string[] }[];
  suggestions: { word: string; term: string; releases: number }[];
}


/** A release as a hit of a search: its fields, its score, its snippet and its other-language versions. */
export function hitOf(r: PressRelease, score: number, snippet: Snippet, translations: SearchHit['translations']): SearchHit {
  return {
    id: r.id,
    path: r.path,
    title: r.title,
    published: r.published,
    updated: r.updated,
    language: r.language,
    countries: r.countries.map((c) => c.code),
    aboutCountries: r.countries.filter((c) => c.about).map((c) => c.code),
    score,
    snippet,
    translations,
  };
}
