import type { Clause, ParsedQuery } from './query.js';
import type { ExpandedQuery } from './expansion.js';
import { exclude, intersect, union, type Scored } from './sets.js';

/** What matching needs from an index: releases per term, completions, rarity, and the stored terms. */
export interface TermSource {
  /** Releases whose title (or title and body) hold the term, each with a score for where. */
  lookup(term: string, field: 'all' | 'title'): Scored;
  /** Completions of a prefix, most common first. */
  prefixTerms(prefix: string): string[];
  idf(term: string): number;
  /** Whether the release holds these terms in this order, and where. */
  phraseIn(no: number, needle: string): 'title' | 'body' | null;
  /** Every release, for a query with nothing to match. */
  allReleases(): Iterable<number>;
}

/** Releases matching one clause, with a score. */
export function matchClause(index: TermSource, clause: Clause): Scored {
  if (clause.kind === 'term') {
    const scores = index.lookup(clause.terms[0]!, clause.field);
    const w = index.idf(clause.terms[0]!);
    for (const [no, s] of scores) scores.set(no, s * w);
    return scores;
  }
  if (clause.kind === 'prefix') {
    let out: Scored = new Map();
    for (const term of index.prefixTerms(clause.terms[0]!)) {
      const w = index.idf(term);
      const scores = index.lookup(term, clause.field);
      for (const [no, s] of scores) scores.set(no, s * w);
      out = union(out, scores);
    }
    return out;
  }
  // A phrase: releases holding every word, then the words in order.
  let candidates: Scored | null = null;
  for (const term of clause.terms) {
    const scores = index.lookup(term, clause.field);
    const w = index.idf(term);
    for (const [no, s] of scores) scores.set(no, s * w);
    candidates = candidates === null ? scores : intersect(candidates, scores);
    if (candidates.size === 0) break;
  }
  const needle = ` ${clause.terms.join(' ')} `;
  const out: Scored = new Map();
  for (const [no, s] of candidates ?? []) {
    const where = index.phraseIn(no, needle);
    if (where === 'title' || (where === 'body' && clause.field === 'all')) out.set(no, s + (where === 'title' ? 2 : 1));
  }
  return out;
}

/** Releases matching the whole query: every group, none of the exclusions. */
export function matchQuery(index: TermSource, query: ExpandedQuery): Scored {
  let matched: Scored | null = null;
  for (const group of query.groups) {
    let groupScores: Scored = new Map();
    for (const clause of group) groupScores = union(groupScores, matchClause(index, clause));
    matched = matched === null ? groupScores : intersect(matched, groupScores);
    if (matched.size === 0) break;
  }
  if (matched === null) {
    matched = new Map();
    for (const no of index.allReleases()) matched.set(no, 0);
  }
  for (const clause of query.excluded) matched = exclude(matched, matchClause(index, clause).keys());
  return matched;
}

/** A query that is a release's whole title puts that release first (and one its title holds, high). */
export function wholeTitleBonus(matched: Scored, parsed: ParsedQuery, titleTermsOf: (no: number) => string): void {
  const positive = parsed.required.flat().filter((c) => c.kind !== 'prefix').flatMap((c) => c.terms);
  if (positive.length < 2 || !parsed.required.every((g) => g.length === 1)) return;
  const whole = ` ${positive.join(' ')} `;
  for (const [no, s] of matched) {
    const title = titleTermsOf(no);
    if (title === whole) matched.set(no, s + 100);
    else if (title.includes(whole)) matched.set(no, s + 10);
  }
}
