import type { ArchiveSource } from './search.js';
/** The timeline part of the contract: counts per country per period, and releases as marks. */

export type TimelinePeriod = 'year' | 'quarter' | 'month' | 'week' | 'day';

export interface TimelineRequest {
  /** The search the timeline shows: its query and filters, as for `search`. */
  query?: string;
  /** The team archive instead of this computer's. */
  source?: ArchiveSource;
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

