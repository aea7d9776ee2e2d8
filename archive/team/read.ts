import type { Pool } from 'pg';
import { ApiError } from '../api/errors.js';
import type { PressRelease, ReleaseView, SearchHit, TranslationRef, SearchRequest, SearchResult, TimelineRequest, TimelineResult } from '../api/types.js';
import { summarise } from '../enrich/summary.js';
import { countryExpander, expandQuery } from '../search/expansion.js';
import { highlightRanges, makeSnippet, type Marks } from '../search/highlights.js';
import { hitOf, paragraphsOf } from '../search/indexed.js';
import { parseQuery } from '../search/query.js';
import { queryInfo } from '../search/query-info.js';
import { buildTimeline, type TimelineRelease } from '../search/timeline.js';
import { rerank, RERANKED } from './rank.js';
import { overIndex } from './scan.js';
import { tsqueryOf } from './terms.js';

/**
 * Answers from the team archive, in SQL: the query as a `tsquery` over the releases' terms, the
 * filters and the facets (each counted under the other filters) as aggregates over one set, the
 * page's snippets and the reader's highlights made by the same code as on the desktop.
 */

interface Where {
  sql: string[];
  params: unknown[];
  rank: string;
  marks: Marks;
  parsed: ReturnType<typeof parseQuery>;
  query: ReturnType<typeof expandQuery>;
  expansions: { term: string; added: string[] }[];
}

/** The query as SQL conditions; with `ranked`, also the expression that picks the matches to rank (rank.ts). */
function matching(queryText: string, ranked = true): Where {
  const parsed = parseQuery(queryText);
  const query = expandQuery(parsed, countryExpander);
  const { query: tsq, excluded } = tsqueryOf(query);
  const params: unknown[] = [];
  const sql: string[] = [];
  let rank = '0';
  if (tsq) {
    params.push(tsq);
    sql.push(`terms @@ $${params.length}::tsquery`);
    // Which matches are ranked as the desktop ranks (rank.ts): those with the most of the query's
    // words in their title (read from the short title terms, not the whole vector), then the newest.
    const like = (t: string): string => t.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    const patterns = [...new Set(query.groups.flat().flatMap((c) => (c.kind === 'prefix' ? [`% ${like(c.terms[0]!)}%`] : [...c.terms, ...c.termsFr].map((t) => `% ${like(t)} %`))))];
    rank = ranked && patterns.length ? patterns.map((pattern) => (params.push(pattern), `(title_terms LIKE $${params.length})::int`)).join(' + ') : '0';
  }
  if (excluded) {
    params.push(excluded);
    // As an anti-join over the index: the excluded releases' vectors are never read.
    sql.push(`NOT EXISTS (SELECT 1 FROM releases e WHERE e.id = releases.id AND e.terms @@ $${params.length}::tsquery)`);
  }
  return { sql, params, rank, marks: { terms: query.highlightTerms, prefixes: query.prefixes, countries: query.countries }, parsed, query, expansions: query.expansions };
}

/** The filters as three conditions (countries, languages, dates), each over the parameters so far. */
function filters(req: { countries?: string[]; mentioned?: boolean; languages?: string[]; from?: string; to?: string }, params: unknown[]): { c: string; l: string; d: string } {
  const add = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const c = req.countries?.length ? `${req.mentioned ? 'mentioned' : 'about'} && ${add(req.countries.map((x) => x.toUpperCase()))}::text[]` : 'true';
  const l = req.languages?.length ? `language = ANY(${add(req.languages)}::text[])` : 'true';
  const from = req.from ? `published >= ${add(req.from)}::date` : 'true';
  const to = req.to ? `published <= ${add(req.to)}::date` : 'true';
  const d = req.from || req.to ? `(published IS NOT NULL AND ${from} AND ${to})` : 'true';
  return { c, l, d };
}

export function rowToRelease(row: { release: PressRelease; body: string }): PressRelease {
  return { ...row.release, text: row.body, paragraphs: [] };
}

export async function teamSearch(db: Pool, req: SearchRequest): Promise<SearchResult> {
  const started = performance.now();
  const w = matching(req.query);
  const params = [...w.params];
  const f = filters(req, params);
  const limit = Math.min(500, Math.max(0, req.limit ?? 20));
  const offset = Math.max(0, req.offset ?? 0);
  const sort = req.sort ?? (w.parsed.required.length === 0 ? '-date' : 'relevance');
  const order = sort === 'relevance' ? 'score DESC, published DESC NULLS LAST, path' : sort === 'date' ? 'published ASC NULLS LAST, path' : 'published DESC NULLS LAST, path';
  // By relevance, the first few hundred are ranked again as the desktop ranks them.
  const reranked = sort === 'relevance' && w.rank !== '0';
  const take = reranked ? { limit: Math.max(RERANKED, offset + limit), offset: 0 } : { limit, offset };
  const where = w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : '';
  const sql = `WITH base AS (
      SELECT id, path, published, language, about, mentioned, ${w.rank} AS score, ${f.c} AS c, ${f.l} AS l, ${f.d} AS d FROM releases ${where}
    )
    SELECT
      (SELECT count(*)::int FROM base WHERE c AND l AND d) AS total,
      (SELECT coalesce(json_agg(x.id ORDER BY x.n), '[]') FROM (SELECT id, row_number() OVER (ORDER BY ${order}) AS n FROM base WHERE c AND l AND d ORDER BY ${order} LIMIT ${take.limit} OFFSET ${take.offset}) x) AS page,
      (SELECT coalesce(json_object_agg(k, n), '{}') FROM (SELECT unnest(about) AS k, count(*)::int AS n FROM base WHERE l AND d GROUP BY 1) t) AS about,
      (SELECT coalesce(json_object_agg(k, n), '{}') FROM (SELECT unnest(mentioned) AS k, count(*)::int AS n FROM base WHERE l AND d GROUP BY 1) t) AS mentioned,
      (SELECT coalesce(json_object_agg(language, n), '{}') FROM (SELECT language, count(*)::int AS n FROM base WHERE c AND d GROUP BY 1) t) AS languages,
      (SELECT coalesce(json_object_agg(y, n), '{}') FROM (SELECT extract(year FROM published)::int::text AS y, count(*)::int AS n FROM base WHERE c AND l AND published IS NOT NULL GROUP BY 1) t) AS years`;
  const r = (await overIndex(db, (c) => c.query(sql, params))).rows[0] as { total: number; page: string[]; about: Record<string, number>; mentioned: Record<string, number>; languages: Record<string, number>; years: Record<string, number> };
  if (reranked) {
    const head = await rerank(db, r.page.slice(0, RERANKED), w.parsed, w.query);
    r.page = [...head, ...r.page.slice(RERANKED)].slice(offset, offset + limit);
  }
  const rows = r.page.length ? (await db.query<{ id: string; release: PressRelease; body: string }>('SELECT id, release, body FROM releases WHERE id = ANY($1::text[])', [r.page])).rows : [];
  const byId = new Map(rows.map((row) => [row.id, rowToRelease(row)]));
  const titles = await titlesOf(db, rows.flatMap((row) => row.release.translations));
  const hits = r.page.map((id, i): SearchHit => {
    const release = byId.get(id)!;
    return hitOf(release, r.page.length - i, makeSnippet(release, w.marks), versionsOf(release, titles));
  });
  return {
    total: r.total,
    versions: r.total,
    hits,
    facets: { countries: r.about, countriesMentioned: r.mentioned, languages: r.languages, years: r.years },
    query: queryInfo(w.parsed, w.expansions, []),
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

/** A release's other-language versions, as far as the archive holds them. */
const versionsOf = (release: PressRelease, titles: Map<string, TranslationRef>): TranslationRef[] => release.translations.map((t) => titles.get(t)).filter((t): t is TranslationRef => !!t);

async function titlesOf(db: Pool, ids: string[]): Promise<Map<string, TranslationRef>> {
  if (!ids.length) return new Map();
  const rows = (await db.query<{ id: string; language: string; title: string }>('SELECT id, language, title FROM releases WHERE id = ANY($1::text[])', [ids])).rows;
  return new Map(rows.map((r) => [r.id, r]));
}

export async function teamRelease(db: Pool, req: { id: string; query?: string }): Promise<ReleaseView> {
  if (!req || typeof req.id !== 'string') throw new ApiError('bad-request', 'Give the id of a release.');
  const row = (await db.query<{ release: PressRelease; body: string }>('SELECT release, body FROM releases WHERE id = $1', [req.id])).rows[0];
  if (!row) throw new ApiError('not-found', 'No release with that id: it may have been removed from the archive.');
  let release = rowToRelease(row);
  const { paragraphs, starts } = paragraphsOf(release);
  if (!release.summary) release = { ...release, summary: summarise(release.title, paragraphs, release.language) };
  const highlights = typeof req.query === 'string' && req.query.trim() ? highlightRanges(release, matching(req.query).marks) : [];
  const titles = await titlesOf(db, release.translations);
  return { ...release, paragraphs, paragraphStarts: starts, translations: versionsOf(release, titles), highlights };
}

export async function teamTimeline(db: Pool, req: TimelineRequest): Promise<TimelineResult> {
  const select = async (withCountries: boolean): Promise<TimelineRelease[]> => {
    const w = matching(req.query ?? '', false);
    const params = [...w.params];
    const f = filters({ ...req, countries: withCountries ? req.countries : undefined }, params);
    const where = [...w.sql, f.c, f.l, f.d].join(' AND ');
    const rows = (await overIndex(db, (c) => c.query<{ id: string; title: string; published: string | null; language: string; countries: string[]; versions: string[] }>(`SELECT id, title, to_char(published, 'YYYY-MM-DD') AS published, language, ${req.mentioned ? 'mentioned' : 'about'} AS countries, coalesce(ARRAY(SELECT jsonb_array_elements_text(release->'translations')), '{}') AS versions FROM releases WHERE ${where}`, params))).rows;
    // A pair counts once: the first of its versions by id stands for both.
    const ids = new Set(rows.map((r) => r.id));
    return rows.filter((r) => !r.versions.some((v) => ids.has(v) && v < r.id)).map((r) => ({ id: r.id, title: r.title, published: r.published ?? '', language: r.language, countries: r.countries, versions: r.versions }));
  };
  return buildTimeline(await select(true), await select(false), { by: req.by ?? 'year', from: req.from, to: req.to, lanes: req.lanes, top: Math.min(50, req.top ?? 12), releases: Math.min(5000, req.releases ?? 0) });
}
