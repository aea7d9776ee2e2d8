import type { Pool } from 'pg';
import type { ExpandedQuery } from '../search/expansion.js';
import { matchQuery, wholeTitleBonus, type TermSource } from '../search/matcher.js';
import { MemoryPostings } from '../search/postings.js';
import type { ParsedQuery } from '../search/query.js';
import { TermIndex, type DocShape, type PostingsSource } from '../search/term-index.js';
import { overIndex } from './scan.js';
import { lexemeName, termOfLexeme } from './terms.js';

/**
 * The team archive ranks as the desktop does. PostgreSQL finds the matching releases (from the
 * index alone) and puts first those with the most of the query's words in their title, then the
 * newest; the first thousand are then scored by the desktop's own matcher, fed with what the
 * database keeps: each release's positions of the query's terms (from its `tsvector`), its length
 * and title, and each term's number of releases over the whole archive. Up to a thousand matches
 * the order is the desktop's exactly; past that, a release with none of the words in its title and
 * older than the thousand first can come later than on the desktop.
 */
export const RERANKED = 1000;

/** Completions of each prefix of the query, most common first, as the desktop picks them. */
async function completions(db: Pool, query: ExpandedQuery): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const clause of query.groups.flat()) {
    if (clause.kind !== 'prefix') continue;
    const prefix = clause.terms[0]!;
    if (out.has(prefix)) continue;
    const like = `${lexemeName(prefix).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = (await db.query<{ term: string }>("SELECT term FROM term_df WHERE term LIKE $1 ESCAPE '\\' AND df > 0 ORDER BY df DESC, term LIMIT 200", [like])).rows;
    out.set(prefix, rows.map((r) => termOfLexeme(r.term)));
  }
  return out;
}

interface Candidate {
  id: string;
  path: string;
  published: string | null;
  language: string;
  length: number;
  title_terms: string;
  hits: [string, number[]][];
}

/** The ids in the desktop's order of relevance (ties to the newer release, then by path); those it would not match keep their place after. */
export async function rerank(db: Pool, ids: string[], parsed: ParsedQuery, query: ExpandedQuery): Promise<string[]> {
  if (ids.length < 2) return ids;
  const prefixes = await completions(db, query);
  const words = new Set<string>();
  for (const clause of query.groups.flat()) {
    if (clause.kind === 'prefix') for (const t of prefixes.get(clause.terms[0]!) ?? []) words.add(t);
    else for (const t of [...clause.terms, ...clause.termsFr]) words.add(t);
  }
  const lexemes = [...words].map(lexemeName);
  const [totals, dfRows, rows] = await Promise.all([
    db.query<{ docs: string; length: string }>('SELECT docs, length FROM term_totals'),
    db.query<{ term: string; df: number }>('SELECT term, df FROM term_df WHERE term = ANY($1::text[])', [lexemes]),
    // The query's terms cut out of each vector in C (weights set on them, then only those kept), by the primary key.
    overIndex(db, (c) =>
      c.query<Candidate>(
        `SELECT id, path, to_char(published, 'YYYY-MM-DD') AS published, language, length, title_terms,
           (SELECT coalesce(json_agg(json_build_array(u.lexeme, u.positions)), '[]') FROM unnest(ts_filter(setweight(setweight(r.terms, 'D'), 'B', $2::text[]), '{b}')) u) AS hits
         FROM releases r WHERE id = ANY($1::text[])`,
        [ids, lexemes],
      ),
    ),
  ]);
  const docs = Number(totals.rows[0]?.docs ?? 0);
  const totalLength = Number(totals.rows[0]?.length ?? 0);
  const df = new Map(dfRows.rows.map((r) => [termOfLexeme(r.term), r.df]));
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  const candidates = ids.map((id) => byId.get(id)).filter((c): c is Candidate => !!c);

  // The candidates as a small index numbered from 1, their positions as the desktop counts them (from 0).
  const postings = new MemoryPostings();
  const shapes: DocShape[] = [{ titleLength: 0, length: 0 }];
  candidates.forEach((c, i) => {
    const at = new Map<string, number[]>();
    for (const [lexeme, positions] of c.hits) at.set(termOfLexeme(lexeme), positions.map((p) => p - 1));
    const titleLength = c.title_terms.trim().split(' ').filter(Boolean).length;
    postings.addPositions(i + 1, at, titleLength);
    shapes.push({ titleLength, length: c.length });
  });
  const source: PostingsSource = {
    df: (term) => df.get(term) ?? 0,
    postings: (term) => postings.get(term),
    termsStartingWith: (prefix) => [...(prefixes.get(prefix) ?? [])].sort(),
    termCount: df.size,
    close: () => undefined,
  };
  const terms = new TermIndex((no) => shapes[no]);
  terms.attach(source, docs, totalLength);
  const index: TermSource = {
    lookup: (term, field) => terms.lookup(term, field),
    prefixTerms: (prefix) => prefixes.get(prefix) ?? [],
    idf: (term) => Math.log(1 + (docs + 1) / ((df.get(term) ?? 0) + 1)),
    phrase: (w, field) => terms.phrase(w, field),
    allReleases: () => candidates.map((_, i) => i + 1),
  };
  const matched = matchQuery(index, { ...query, excluded: [] });
  wholeTitleBonus(matched, parsed, (no) => ({ titleTerms: candidates[no - 1]!.title_terms, language: candidates[no - 1]!.language }));

  const scored = Array.from({ length: matched.size }, (_, i) => ({ c: candidates[matched.nos[i]! - 1]!, score: matched.scores[i]! }));
  scored.sort((a, b) => b.score - a.score || newerFirst(a.c, b.c));
  const placed = new Set(scored.map((s) => s.c.id));
  return [...scored.map((s) => s.c.id), ...ids.filter((id) => !placed.has(id))];
}

/** The desktop's order of ties: newer first, undated last, then by path. */
function newerFirst(a: Candidate, b: Candidate): number {
  const x = a.published ?? '';
  const y = b.published ?? '';
  if (x !== y) return x === '' ? 1 : y === '' ? -1 : x < y ? 1 : -1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
