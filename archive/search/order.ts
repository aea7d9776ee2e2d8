import type { PressRelease, SortOrder } from '../api/types.js';
import type { Scored } from './sets.js';

/** Each release's place in date order (newest first, undated last), by its number. */
export function dateRanks(entries: Iterable<{ no: number; published: string; release: { path: string } }>, size: number): Int32Array {
  // Releases of the same day in the order of their paths: the same whatever order they were read in.
  const byPath = (a: { release: { path: string } }, b: { release: { path: string } }): number => (a.release.path < b.release.path ? -1 : a.release.path > b.release.path ? 1 : 0);
  const sorted = [...entries].sort((a, b) => (a.published === b.published ? byPath(a, b) : a.published === '' ? 1 : b.published === '' ? -1 : a.published < b.published ? 1 : -1));
  const rank = new Int32Array(size + 1);
  sorted.forEach((e, i) => (rank[e.no] = i));
  return rank;
}

/**
 * Release numbers in the order asked for; ties go to the newer release. Dates are compared
 * through the precomputed rank: integer comparisons keep sorting 20,000 hits in a few milliseconds.
 */
export function orderHits(hits: Scored, sort: SortOrder, rank: Int32Array, undated: (no: number) => boolean): number[] {
  const nos = hits.keys().slice();
  if (sort === 'relevance') {
    // Scores in a typed array by number: the comparisons then read no map.
    const score = new Float64Array(rank.length);
    for (let i = 0; i < hits.size; i++) score[hits.nos[i]!] = hits.scores[i]!;
    nos.sort((a, b) => score[b]! - score[a]! || rank[a]! - rank[b]!);
  } else if (sort === 'date') nos.sort((a, b) => Number(undated(a)) - Number(undated(b)) || rank[b]! - rank[a]!);
  else nos.sort((a, b) => rank[a]! - rank[b]!);
  return Array.from(nos);
}

/** An English/French pair shown as one hit: the first of the two in the order stands for both. */
export function groupPairs(ordered: number[], releaseOf: (no: number) => PressRelease): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (const no of ordered) {
    const r = releaseOf(no);
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    for (const t of r.translations) seen.add(t);
    out.push(no);
  }
  return out;
}
