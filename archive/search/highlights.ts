import type { Snippet } from '../api/types.js';
import { escapeRegExp, foldKeepLength } from '../enrich/fold.js';
import { stem } from './tokens.js';

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

/** Ranges of the text whose words match the query's terms. */
export function highlightRanges(text: string, highlightTerms: Set<string>, prefixes: string[]): [number, number][] {
  if (highlightTerms.size === 0 && prefixes.length === 0) return [];
  const folded = foldKeepLength(text);
  const ranges: [number, number][] = [];
  for (const m of folded.matchAll(candidatePattern(highlightTerms, prefixes))) {
    const word = m[0];
    if (highlightTerms.has(stem(word)) || prefixes.some((p) => word.startsWith(p))) ranges.push([m.index, m.index + word.length]);
  }
  return ranges;
}

const SNIPPET_LENGTH = 240;
const SCAN_CHUNK = 4000;

/** The first matching word at or after `from`, scanning the text a chunk at a time. */
function firstHit(text: string, highlightTerms: Set<string>, prefixes: string[], from: number): number | null {
  for (let at = from; at < text.length; at += SCAN_CHUNK) {
    // Chunks overlap by a word's length so that no word is cut in two.
    const end = Math.min(text.length, at + SCAN_CHUNK + 40);
    const first = highlightRanges(text.slice(at, end), highlightTerms, prefixes).find(([s]) => s + at >= from);
    if (first) return first[0] + at;
  }
  return null;
}

/** A window of the body around the first match (or the opening of the body), with its highlights. */
export function makeSnippet(text: string, titleLength: number, highlightTerms: Set<string>, prefixes: string[]): Snippet {
  const bodyStart = Math.min(text.length, titleLength + 2);
  const hit = highlightTerms.size || prefixes.length ? firstHit(text, highlightTerms, prefixes, bodyStart) : null;
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
  const ranges = hit !== null ? highlightRanges(window, highlightTerms, prefixes) : [];
  return {
    text: prefix + window.replace(/\n/g, ' ') + suffix,
    highlights: ranges.map(([s, e]): [number, number] => [s + prefix.length, e + prefix.length]),
  };
}
