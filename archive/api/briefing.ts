import type { Quote } from './release.js';
import type { TimelineLane } from './timeline.js';

/** A release chosen for a briefing, with the desk officer's own summary when they wrote one. */
export interface BriefingItem {
  releaseId: string;
  /** The summary as edited by hand (kept, and marked as edited), or null for the one Liaison writes. */
  summary: string | null;
}

/** A named, saved set of releases laid out for a busy reader. */
export interface Briefing {
  id: string;
  title: string;
  /** The partner countries it is about (ISO codes); empty: those its releases are most about. */
  subject: string[];
  preparedFor: string;
  preparedBy: string;
  /** The briefing's own date, YYYY-MM-DD. */
  date: string;
  /** Handling marking printed at the top and bottom of every page ("UNCLASSIFIED", "NATO UNCLASSIFIED"). */
  marking: string;
  /** The language of its labels and dates, whatever the interface's. */
  language: 'en' | 'fr';
  /** Words to highlight, and to favour in the summaries (the search it was made from). */
  query: string;
  /** Releases in the order set by hand, or by date (oldest first). */
  order: 'manual' | 'date';
  items: BriefingItem[];
  created: string;
  updated: string;
}

export interface BriefingListEntry {
  id: string;
  title: string;
  releases: number;
  updated: string;
}

/** One release as a briefing shows it. */
export interface BriefingEntry {
  id: string;
  title: string;
  published: string | null;
  language: string;
  /** Who published it (the site of its address, else the country of its dateline). */
  publisher: string | null;
  /** The original address where the release states one, else its file. */
  source: string;
  countries: string[];
  summary: string;
  summaryEdited: boolean;
  quotes: Quote[];
  /** Ranges of the title and of the summary that hold the briefing's query words. */
  titleHighlights: [number, number][];
  summaryHighlights: [number, number][];
  /** The release is no longer in the archive (removed, or its folder taken away). */
  missing: boolean;
}

/** A briefing worked out for reading: what every format (page, PDF, Word, Markdown) lays out. */
export interface BriefingDocument {
  briefing: Briefing;
  period: { from: string; to: string } | null;
  /** Releases per country (subject countries first), and per year, over the briefing's releases. */
  countries: { code: string; name: string; releases: number }[];
  years: { period: string; count: number }[];
  /** The lanes of a small timeline of the chosen releases (the top countries, by year). */
  lanes: TimelineLane[];
  entries: BriefingEntry[];
}

export type BriefingFormat = 'pdf' | 'docx' | 'md' | 'html';
