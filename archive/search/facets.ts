import type { Facets } from '../api/types.js';
import { titleMask } from './matcher.js';
import { ScoredBuilder, type Scored } from './sets.js';

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
  /** The number of a value, or -1 when no release has it. */
  find(name: string): number {
    return this.ids.get(name) ?? -1;
  }
  toCounts(counts: Int32Array): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) out[this.names[i]!] = counts[i]!;
    return out;
  }
}

/** What the filter pass reads of each release. */
export interface FacetFields {
  /** The numbers of the countries the release mentions, and of those it is about (a subset). */
  countryIds: Uint16Array;
  aboutIds: Uint16Array;
  language: string;
  languageId: number;
  /** YYYY-MM-DD, or '' when undated. */
  published: string;
  yearId: number;
  /** The numbers of the same release in other languages. */
  versions: number[];
  /** The title's terms, space-separated (for the whole-title bonus: see titleMask). */
  titleTerms: string;
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
 * What the filter pass reads, as flat arrays by release number (built once after the index
 * changes): reading them is a few array loads per release, where objects per release cost
 * cache misses at every hit of a common word.
 */
export interface FacetTable {
  /** 1 where a release has this number. */
  present: Uint8Array;
  /** The countries release `no` mentions are mentionIds[mentionStart[no] .. mentionStart[no + 1]). */
  mentionStart: Int32Array;
  mentionIds: Uint16Array;
  aboutStart: Int32Array;
  aboutIds: Uint16Array;
  language: Uint16Array;
  year: Uint16Array;
  /** YYYY-MM-DD, or '' when undated. */
  published: string[];
  /** The numbers of the same release in other languages, where there are any. */
  versions: (number[] | undefined)[];
  /** The terms of each title as bits (matcher.ts, titleMask). */
  titleMask: Int32Array;
}

export function buildFacetTable(entries: Iterable<FacetFields & { no: number }>, lastNo: number): FacetTable {
  const list = [...entries];
  const size = lastNo + 2;
  const t: FacetTable = {
    present: new Uint8Array(size),
    mentionStart: new Int32Array(size),
    mentionIds: new Uint16Array(list.reduce((n, e) => n + e.countryIds.length, 0)),
    aboutStart: new Int32Array(size),
    aboutIds: new Uint16Array(list.reduce((n, e) => n + e.aboutIds.length, 0)),
    language: new Uint16Array(size),
    year: new Uint16Array(size),
    published: new Array<string>(size).fill(''),
    versions: new Array<number[] | undefined>(size),
    titleMask: new Int32Array(size),
  };
  const byNo = new Array<(FacetFields & { no: number }) | undefined>(size);
  for (const e of list) byNo[e.no] = e;
  let m = 0;
  let a = 0;
  for (let no = 0; no < size; no++) {
    t.mentionStart[no] = m;
    t.aboutStart[no] = a;
    const e = byNo[no];
    if (!e) continue;
    t.present[no] = 1;
    t.mentionIds.set(e.countryIds, m);
    m += e.countryIds.length;
    t.aboutIds.set(e.aboutIds, a);
    a += e.aboutIds.length;
    t.language[no] = e.languageId;
    t.year[no] = e.yearId;
    t.published[no] = e.published;
    if (e.versions.length) t.versions[no] = e.versions;
    t.titleMask[no] = titleMask(e.titleTerms);
  }
  return t;
}

/**
 * One pass over the matching releases: the hits pass every filter, and each facet counts the
 * releases that pass the other filters (so a count says what choosing that value would give).
 * With `grouped` (the list shows an English/French pair as one hit), a pair counts once for the
 * countries and years it shares; each version still counts for its own language.
 */
export function filterAndCount(matched: Scored, t: FacetTable, filters: Filters, labels: FacetLabels, grouped = false): { hits: Scored; facets: Facets } {
  const countryIds = (filters.countries ?? []).map((c) => labels.countries.find(c.toUpperCase()));
  const languageIds = (filters.languages ?? []).map((l) => labels.languages.find(l));
  const from = filters.from ?? '';
  const to = filters.to ?? '';
  const anyCountry = countryIds.length === 0;
  const anyLanguage = languageIds.length === 0;
  const anyDate = !from && !to;
  const tagStart = filters.mentioned ? t.mentionStart : t.aboutStart;
  const tagIds = filters.mentioned ? t.mentionIds : t.aboutIds;

  const aboutCounts = new Int32Array(labels.countries.names.length);
  const countryCounts = new Int32Array(labels.countries.names.length);
  const languageCounts = new Int32Array(labels.languages.names.length);
  const yearCounts = new Int32Array(labels.years.names.length);
  // Which filters a release passes, as bits: nothing allocated per release.
  const C = 4;
  const L = 2;
  const D = 1;
  const pass = (no: number): number => {
    let c = anyCountry;
    for (let i = tagStart[no]!; i < tagStart[no + 1]! && !c; i++) c = countryIds.includes(tagIds[i]!);
    const l = anyLanguage || languageIds.includes(t.language[no]!);
    const p = t.published[no]!;
    const d = anyDate || (p !== '' && (!from || p >= from) && (!to || p <= to));
    return (c ? C : 0) | (l ? L : 0) | (d ? D : 0);
  };
  const unfiltered = anyCountry && anyLanguage && anyDate;
  // For pairs counted once: which releases pass which filters (bit 1: language and date; bit 2: country and language).
  const LD = 1;
  const CL = 2;
  const passed = grouped ? new Uint8Array(t.present.length) : null;
  if (passed) {
    for (let i = 0; i < matched.size; i++) {
      const no = matched.nos[i]!;
      if (!t.present[no]) continue;
      const bits = unfiltered ? C | L | D : pass(no);
      passed[no] = ((bits & (L | D)) === (L | D) ? LD : 0) | ((bits & (C | L)) === (C | L) ? CL : 0);
    }
  }
  /** Whether another version of the release, earlier in number, already counted under the same filters. */
  const counted = (no: number, bit: number): boolean => {
    const versions = t.versions[no];
    return versions !== undefined && passed !== null && versions.some((v) => v < no && (passed[v]! & bit) !== 0);
  };
  const hits = new ScoredBuilder(unfiltered ? matched.size : 64);
  for (let i = 0; i < matched.size; i++) {
    const no = matched.nos[i]!;
    if (!t.present[no]) continue;
    const bits = unfiltered ? C | L | D : pass(no);
    if ((bits & (L | D)) === (L | D) && !counted(no, LD)) {
      for (let k = t.mentionStart[no]!, end = t.mentionStart[no + 1]!; k < end; k++) countryCounts[t.mentionIds[k]!]!++;
      for (let k = t.aboutStart[no]!, end = t.aboutStart[no + 1]!; k < end; k++) aboutCounts[t.aboutIds[k]!]!++;
    }
    if ((bits & (C | D)) === (C | D)) languageCounts[t.language[no]!]!++;
    if ((bits & (C | L)) === (C | L) && t.published[no] !== '' && !counted(no, CL)) yearCounts[t.year[no]!]!++;
    if (bits === (C | L | D)) hits.push(no, matched.scores[i]!);
  }
  return {
    hits: hits.result(),
    facets: { countries: labels.countries.toCounts(aboutCounts), countriesMentioned: labels.countries.toCounts(countryCounts), languages: labels.languages.toCounts(languageCounts), years: labels.years.toCounts(yearCounts) },
  };
}
