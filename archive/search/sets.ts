/**
 * Sets of releases with a score each (release number → score): what a query's parts yield and how
 * they combine. Every operation returns a new set and leaves its inputs alone.
 */
export type Scored = Map<number, number>;

/** Releases in both, their scores added (every group of a query must match). */
export function intersect(a: Scored, b: Scored): Scored {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out: Scored = new Map();
  for (const [no, s] of small) {
    const t = large.get(no);
    if (t !== undefined) out.set(no, s + t);
  }
  return out;
}

/** Releases in either, with the better score (the clauses of an OR group). */
export function union(a: Scored, b: Scored): Scored {
  const out: Scored = new Map(a);
  for (const [no, s] of b) {
    const t = out.get(no);
    if (t === undefined || s > t) out.set(no, s);
  }
  return out;
}

/** Releases of `a` that are not in `b` (exclusions). */
export function exclude(a: Scored, b: Iterable<number>): Scored {
  const out: Scored = new Map(a);
  for (const no of b) out.delete(no);
  return out;
}
