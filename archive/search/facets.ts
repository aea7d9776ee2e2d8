import type { Facets } from '../api/types.js';
import type { Scored } from './sets.js';

/** Facet values numbered, so that counting is done in typed arrays. */
export class Labels {
  readonly names: string[] = [];
  private ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
  toCounts(counts: Int32Array): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) out[this.names[i]!] = counts[i]!;
    return out;
  }
}

/** What the filter pass reads of each release. */
export interface FacetFields {
  /** Countries the release mentions, and those it is about (a subset), as codes and as numbers. */
  countries: Set<string>;
  countryIds: Uint16Array;
  about: Set<string>;
  aboutIds: Uint16Array;
  language: string;
  languageId: number;
  /** YYYY-MM-DD, or '' when undated. */
  published: string;
  yearId: number;
  /** The numbers of the same release in other languages. */
  versions: number[];
}

export interface Filters {
  countries?: string[];
  /** The country filter takes every mention, not only the releases about the country. */
  mentioned?: boolean;
  languages?: string[];
  from?: string;
  to?: string;
}

export interface FacetLabels {
  countries: Labels;
  languages: Labels;
  years: Labels;
}

/**
 * One pass over the matching releases: the hits pass every filter, and each facet counts the
 * releases that pass the other filters (so a count says what choosing that value would give).
 */
/**
 * With `grouped` (the list shows an English/French pair as one hit), a pair counts once for the
 * countries and years it shares; each version still counts for its own language.
 */
export function filterAndCount(matched: Scored, fields: (no: number) => FacetFields | undefined, filters: Filters, labels: FacetLabels, grouped: { lastNo: number } | null = null): { hits: Scored; facets: Facets } {
  const countries = (filters.countries ?? []).map((c) => c.toUpperCase());
  const languages = filters.languages ?? [];
  const from = filters.from ?? '';
  const to = filters.to ?? '';
  const anyCountry = countries.length === 0;
  const anyLanguage = languages.length === 0;
  const anyDate = !from && !to;

  const aboutCounts = new Int32Array(labels.countries.names.length);
  const countryCounts = new Int32Array(labels.countries.names.length);
  const languageCounts = new Int32Array(labels.languages.names.length);
  const yearCounts = new Int32Array(labels.years.names.length);
  const hits: Scored = new Map();
  const pass = (e: FacetFields): { c: boolean; l: boolean; d: boolean } => {
    let c = anyCountry;
    const tagged = filters.mentioned ? e.countries : e.about;
    for (let i = 0; i < countries.length && !c; i++) c = tagged.has(countries[i]!);
    const l = anyLanguage || languages.includes(e.language);
    const d = anyDate || (e.published !== '' && (!from || e.published >= from) && (!to || e.published <= to));
    return { c, l, d };
  };
  // For pairs counted once: which releases pass which filters (bit 1: language and date; bit 2: country and language).
  const LD = 1;
  const CL = 2;
  const passed = grouped ? new Uint8Array(grouped.lastNo + 1) : null;
  if (passed) {
    for (const no of matched.keys()) {
      const e = fields(no);
      if (!e) continue;
      const { c, l, d } = pass(e);
      passed[no] = (l && d ? LD : 0) | (c && l ? CL : 0);
    }
  }
  /** Whether another version of the release, earlier in number, already counted under the same filters. */
  const counted = (no: number, e: FacetFields, bit: number): boolean => !!passed && e.versions.some((v) => v < no && (passed[v]! & bit) !== 0);
  for (const [no, score] of matched) {
    const e = fields(no);
    if (!e) continue;
    const { c, l, d } = pass(e);
    if (l && d && !counted(no, e, LD)) {
      const ids = e.countryIds;
      for (let i = 0; i < ids.length; i++) countryCounts[ids[i]!]!++;
      const about = e.aboutIds;
      for (let i = 0; i < about.length; i++) aboutCounts[about[i]!]!++;
    }
    if (c && d) languageCounts[e.languageId]!++;
    if (c && l && e.published !== '' && !counted(no, e, CL)) yearCounts[e.yearId]!++;
    if (c && l && d) hits.set(no, score);
  }
  return {
    hits,
    facets: { countries: labels.countries.toCounts(aboutCounts), countriesMentioned: labels.countries.toCounts(countryCounts), languages: labels.languages.toCounts(languageCounts), years: labels.years.toCounts(yearCounts) },
  };
}
