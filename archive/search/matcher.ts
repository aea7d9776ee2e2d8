import type { Clause, ParsedQuery } from './query.js';
import type { ExpandedQuery } from './expansion.js';
import { exclude, intersect, Scored, union } from './sets.js';

/** What matching needs from an index: releases per term, completions, rarity, and the stored terms. */
export interface TermSource {
  /** Releases whose title (or title and body) hold the term, each with a score for where. */
  lookup(term: string, field: 'all' | 'title'): Scored;
  /** Completions of a prefix, most common first. */
  prefixTerms(prefix: string): string[];
  idf(term: string): number;
  /** Releases holding the words in this order (each word as the terms it may be): 2 in the title, 1 in the body. */
  phrase(words: string[][], field: 'all' | 'title'): Scored;
  /** Every release, for a query with nothing to match. */
  allReleases(): Iterable<number>;
}

/** Releases holding a word in either language's form of it, weighed by its rarity. */
function matchWord(index: TermSource, forms: string[], field: Clause['field']): Scored {
  let out = Scored.empty();
  for (const term of new Set(forms)) {
    const scores = index.lookup(term, field);
    const w = index.idf(term);
    for (let i = 0; i < scores.size; i++) scores.scores[i]! *= w;
    out = union(out, scores);
  }
  return out;
}

/** Releases matching one clause, with a score. */
export function matchClause(index: TermSource, clause: Clause): Scored {
  if (clause.kind === 'term') return matchWord(index, [clause.terms[0]!, clause.termsFr[0]!], clause.field);
  if (clause.kind === 'prefix') {
    let out = Scored.empty();
    for (const term of index.prefixTerms(clause.terms[0]!)) {
      const w = index.idf(term);
      const scores = index.lookup(term, clause.field);
      for (let i = 0; i < scores.size; i++) scores.scores[i]! *= w;
      out = union(out, scores);
    }
    return out;
  }
  // A phrase: the words in this order, weighed by their rarity, more in the title.
  const words = clause.terms.map((t, i) => [...new Set([t, clause.termsFr[i] ?? t])]);
  const weight = words.reduce((sum, forms) => sum + Math.max(...forms.map((f) => index.idf(f))), 0);
  const out = index.phrase(words, clause.field);
  for (let i = 0; i < out.size; i++) out.scores[i] = out.scores[i]! * weight + out.scores[i]!;
  return out;
}

/** Releases matching the whole query: every group, none of the exclusions. */
export function matchQuery(index: TermSource, query: ExpandedQuery): Scored {
  let matched: Scored | null = null;
  for (const group of query.groups) {
    let groupScores = Scored.empty();
    for (const clause of group) groupScores = union(groupScores, matchClause(index, clause));
    matched = matched === null ? groupScores : intersect(matched, groupScores);
    if (matched.size === 0) break;
  }
  if (matched === null) {
    const all = Int32Array.from(index.allReleases()).sort();
    matched = new Scored(all, new Float64Array(all.length), all.length);
  }
  for (const clause of query.excluded) matched = exclude(matched, matchClause(index, clause));
  return matched;
}

/**
 * The terms of a title as bits of a 32-bit number (each term sets one bit by its hash): a title
 * whose bits lack one of a query's cannot hold all its words, and is passed over unread.
 */
export function titleMask(terms: string): number {
  let mask = 0;
  let h = 0x811c9dc5;
  for (let i = 0; i <= terms.length; i++) {
    const c = i < terms.length ? terms.charCodeAt(i) : 32;
    if (c === 32) {
      if (h !== 0x811c9dc5) mask |= 1 << ((h >>> 0) % 32);
      h = 0x811c9dc5;
    } else h = Math.imul(h ^ c, 0x01000193);
  }
  return mask;
}

/**
 * A query that is a release's whole title puts that release first (and one its title holds, high).
 * `masks`, by release number (see titleMask), spares reading the titles that cannot hold it.
 */
export function wholeTitleBonus(matched: Scored, parsed: ParsedQuery, titleOf: (no: number) => { titleTerms: string; language: string }, masks?: Int32Array): void {
  const words = parsed.required.flat().filter((c) => c.kind !== 'prefix');
  if (words.flatMap((c) => c.terms).length < 2 || !parsed.required.every((g) => g.length === 1)) return;
  const whole = { en: ` ${words.flatMap((c) => c.terms).join(' ')} `, fr: ` ${words.flatMap((c) => c.termsFr).join(' ')} ` };
  const need = { en: titleMask(whole.en), fr: titleMask(whole.fr) };
  for (let i = 0; i < matched.size; i++) {
    const no = matched.nos[i]!;
    if (masks && (masks[no]! & need.en) !== need.en && (masks[no]! & need.fr) !== need.fr) continue;
    const { titleTerms, language } = titleOf(no);
    const needle = language === 'fr' ? whole.fr : whole.en;
    // The title's terms end with its country terms (` @ch`), which no query word can match: a
    // title that does not hold the words as they are is passed over without more work.
    if (!titleTerms.includes(needle)) continue;
    const title = titleTerms.replace(/ @[a-z]{2}(?= )/g, '');
    if (title === needle) matched.scores[i]! += 100;
    else if (title.includes(needle)) matched.scores[i]! += 10;
  }
}
