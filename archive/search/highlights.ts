import type { PartnerCountry, Snippet } from '../api/types.js';
import { escapeRegExp, foldKeepLength } from '../enrich/fold.js';
import { namingEvidence, stem } from './tokens.js';

/**
 * Where a query's words are in a release's text: highlight ranges for the reader and a short
 * snippet around the first match for the result list. Offsets point into the original text.
 */
const candidatePatterns = new Map<string, RegExp>();

/**
 * A pattern for the words that may stem to one of the terms: stemming only trims endings, so such
 * a word starts with the term less its last two letters. Only those words are then stemmed.
 */
function candidatePattern(highlightTerms: Set<string>, prefixes: string[]): RegExp {
  const starts = new Set<string>();
  for (const t of highlightTerms) starts.add(t.length > 4 ? t.slice(0, t.length - 2) : t);
  for (const p of prefixes) starts.add(p);
  const key = [...starts].sort().join('|');
  let re = candidatePatterns.get(key);
  if (!re) {
    const alternatives = [...starts].sort((a, b) => b.length - a.length).map(escapeRegExp);
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})[\\p{L}\\p{N}]*`, 'gu');
    if (candidatePatterns.size > 200) candidatePatterns.clear();
    candidatePatterns.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/** What a query marks: its terms (both languages' stems), prefixes, and the countries it names. */
export interface Marks {
  terms: Set<string>;
  prefixes: string[];
  countries: Set<string>;
}

/** A release as highlighting reads it. */
export interface Markable {
  text: string;
  title: string;
  language: string;
  countries: PartnerCountry[];
}

/** Ranges of a stretch of the release's text (from `offset`) whose words match the query's terms, or where it names a queried country. */
export function highlightRanges(release: Markable, marks: Marks, offset = 0, end = release.text.length): [number, number][] {
  const ranges: [number, number][] = [];
  if (marks.terms.size || marks.prefixes.length) {
    const folded = foldKeepLength(release.text.slice(offset, end));
    for (const m of folded.matchAll(candidatePattern(marks.terms, marks.prefixes))) {
      const word = m[0];
      if (marks.terms.has(stem(word, release.language)) || marks.prefixes.some((p) => word.startsWith(p))) ranges.push([offset + m.index, offset + m.index + word.length]);
    }
  }
  if (marks.countries.size) {
    for (const c of release.countries) {
      if (!marks.countries.has(c.code)) continue;
      for (const e of namingEvidence(c.evidence)) if (e.start >= offset && e.end <= end) ranges.push([e.start, e.end]);
    }
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  }
  // Overlapping ranges (a word inside a country's name) become one.
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

const SNIPPET_LENGTH = 240;
const SCAN_CHUNK = 1500;

/** The first match at or after `from`, scanning the text a chunk at a time. */
function firstHit(release: Markable, marks: Marks, from: number): number | null {
  const text = release.text;
  for (let at = from; at < text.length; at += SCAN_CHUNK) {
    // Chunks overlap by a word's length so that no word is cut in two.
    const first = highlightRanges(release, marks, at, Math.min(text.length, at + SCAN_CHUNK + 40))[0];
    if (first) return first[0];
  }
  return null;
}

/** A window of the body around the first match (or the opening of the body), with its highlights. */
export function makeSnippet(release: Markable, marks: Marks): Snippet {
  const text = release.text;
  const bodyStart = Math.min(text.length, release.title.length + 2);
  const hit = marks.terms.size || marks.prefixes.length || marks.countries.size ? firstHit(release, marks, bodyStart) : null;
  let start = bodyStart;
  if (hit !== null) {
    start = Math.max(bodyStart, hit - 70);
    if (start > bodyStart) {
      const space = text.indexOf(' ', start);
      if (space > 0 && space < hit) start = space + 1;
    }
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + SNIPPET_LENGTH / 2) end = space;
  }
  const prefix = start > bodyStart ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const window = text.slice(start, end);
  const ranges = hit !== null ? highlightRanges(release, marks, start, end).filter(([, e]) => e <= end) : [];
  return {
    text: prefix + window.replace(/\n/g, ' ') + suffix,
    highlights: ranges.map(([s, e]): [number, number] => [s - start + prefix.length, e - start + prefix.length]),
  };
}
