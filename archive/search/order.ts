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
 * With `want`, only the first `want` of that order (what a page shows): they are picked with a
 * heap in one pass, without sorting every hit.
 */
export function orderHits(hits: Scored, sort: SortOrder, rank: Int32Array, undated: (no: number) => boolean, want = Infinity): number[] {
  let before: (a: number, b: number) => number;
  if (sort === 'relevance') {
    // Scores in a typed array by number: the comparisons then read no map.
    const score = new Float64Array(rank.length);
    for (let i = 0; i < hits.size; i++) score[hits.nos[i]!] = hits.scores[i]!;
    before = (a, b) => score[b]! - score[a]! || rank[a]! - rank[b]!;
  } else if (sort === 'date') before = (a, b) => Number(undated(a)) - Number(undated(b)) || rank[b]! - rank[a]!;
  else before = (a, b) => rank[a]! - rank[b]!;
  if (want * 8 >= hits.size) return Array.from(hits.keys().slice().sort(before).subarray(0, Math.min(hits.size, want)));
  return firstOf(hits.keys(), Math.max(0, want), before);
}

/** The first `k` numbers in the order `before` gives (a total order), in that order. */
function firstOf(nos: Int32Array, k: number, before: (a: number, b: number) => number): number[] {
  if (k === 0) return [];
  // A heap whose root is the last of the best k seen so far.
  const heap: number[] = [];
  const after = (a: number, b: number): boolean => before(a, b) > 0;
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let last = i;
      if (l < heap.length && after(heap[l]!, heap[last]!)) last = l;
      if (r < heap.length && after(heap[r]!, heap[last]!)) last = r;
      if (last === i) return;
      [heap[i], heap[last]] = [heap[last]!, heap[i]!];
      i = last;
    }
  };
  for (const no of nos) {
    if (heap.length < k) {
      heap.push(no);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!after(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (before(no, heap[0]!) < 0) {
      heap[0] = no;
      down(0);
    }
  }
  return heap.sort(before);
}

/**
 * How many hits there are once each English/French pair counts once, or null when some release
 * has more than one other version (then only grouping the whole order says).
 */
export function groupedCount(hits: Scored, versions: (no: number) => readonly number[] | undefined, size: number): number | null {
  const hit = new Uint8Array(size + 1);
  for (let i = 0; i < hits.size; i++) hit[hits.nos[i]!] = 1;
  let count = hits.size;
  for (let i = 0; i < hits.size; i++) {
    const no = hits.nos[i]!;
    const v = versions(no);
    if (!v || v.length === 0) continue;
    const other = v[0]!;
    if (v.length > 1 || versions(other)?.[0] !== no) return null;
    if (other < no && hit[other]) count--;
  }
  return count;
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

/**
 * The hits in order, the first `want` of it at least, and how many there are (with `grouped`, a
 * pair counts once and the first of the two in the order stands for both).
 */
export function pageOrder(hits: Scored, sort: SortOrder, rank: Int32Array, want: number, grouped: boolean, entry: (no: number) => { published: string; versions: readonly number[]; release: PressRelease }): { ordered: number[]; total: number } {
  const order = (n: number): number[] => orderHits(hits, sort, rank, (no) => entry(no).published === '', n);
  if (!grouped) return { ordered: order(want), total: hits.size };
  const releaseOf = (no: number): PressRelease => entry(no).release;
  // A pair is one hit: the first `want` pairs lie among the first 2 × `want` releases.
  const total = want < Infinity ? groupedCount(hits, (no) => entry(no).versions, rank.length) : null;
  if (total !== null) {
    const first = groupPairs(order(2 * want), releaseOf);
    if (first.length >= Math.min(want, total)) return { ordered: first.slice(0, want), total };
  }
  const all = groupPairs(order(Infinity), releaseOf);
  return { ordered: all, total: all.length };
}
