import type { Clause } from './query.js';

/**
 * Names written several ways (Zelensky, Zelenskyy, Zelenskiy; Gaddafi, Kadhafi): words of the
 * archive within two edits of a query word that finds little, offered with their counts so that
 * the desk officer can add them. Only words of five letters or more, sharing the first two.
 */
const MAX_EDITS = 2;

/** Edits (insertions, deletions, substitutions, swaps of neighbours) from a to b, or more than `limit`. */
export function editDistance(a: string, b: string, limit = MAX_EDITS): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Other spellings of `term` among `vocabulary` (sorted), each with how many releases hold it:
 * `releasesOf` says how many; those holding it more often than the term itself come first.
 */
export function otherSpellings(term: string, termsStartingWith: (prefix: string) => string[], releasesOf: (t: string) => number, most = 5): { term: string; releases: number }[] {
  if (term.length < 5 || /\d/.test(term)) return [];
  const out: { term: string; releases: number }[] = [];
  for (const candidate of termsStartingWith(term.slice(0, 2))) {
    if (candidate === term || candidate.length < 5 || editDistance(term, candidate) > MAX_EDITS) continue;
    out.push({ term: candidate, releases: releasesOf(candidate) });
  }
  return out.sort((a, b) => b.releases - a.releases || a.term.localeCompare(b.term)).slice(0, most);
}

/** A query word that finds fewer releases than this is offered its other spellings. */
const FEW = 3;

/** Other spellings for each plain word of a query that finds little on its own. */
export function suggestSpellings(clauses: Clause[], releasesOf: (t: string) => number, termsStartingWith: (prefix: string) => string[]): { word: string; term: string; releases: number }[] {
  const out: { word: string; term: string; releases: number }[] = [];
  for (const c of clauses) {
    if (c.kind !== 'term' || c.countries || releasesOf(c.terms[0]!) >= FEW) continue;
    for (const s of otherSpellings(c.terms[0]!, termsStartingWith, releasesOf)) if (!out.some((o) => o.term === s.term)) out.push({ word: c.raw, ...s });
  }
  return out;
}
