import { ApiError } from '../api/errors.js';
import type { ReleaseView, SearchRequest, SearchResult, TimelineRequest, TimelineResult } from '../api/types.js';
import { highlightRanges } from './highlights.js';
import { paragraphsOf } from './indexed.js';
import { parseQuery } from './query.js';
import { queryInfo } from './query-info.js';
import type { ReleaseIndex } from './release-index.js';
import { buildTimeline } from './timeline.js';

/** The answers the service gives from the index: a page of a search, and a release as the reader shows it. */

export function searchArchive(index: ReleaseIndex, req: SearchRequest): SearchResult {
  const started = performance.now();
  const parsed = parseQuery(req.query);
  const outcome = index.search(req, parsed);
  return {
    total: outcome.total,
    versions: outcome.versions,
    hits: outcome.hits,
    facets: outcome.facets,
    query: queryInfo(parsed, outcome.expansions, outcome.suggestions),
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

export function releaseView(index: ReleaseIndex, req: { id: string; query?: string }): ReleaseView {
  if (!req || typeof req.id !== 'string') throw new ApiError('bad-request', 'Give the id of a release.');
  const entry = index.get(req.id);
  if (!entry) throw new ApiError('not-found', 'No release with that id: it may have been removed from the archive.');
  const release = index.shown(entry);
  let highlights: [number, number][] = [];
  if (typeof req.query === 'string' && req.query.trim()) highlights = highlightRanges(release, index.marksOf(parseQuery(req.query)));
  const { paragraphs, starts } = paragraphsOf(release);
  return { ...release, paragraphs, paragraphStarts: starts, translations: index.translationsOf(release), highlights };
}

/** Counts per country per period for a search; every release of the query in the period (whatever its countries) is what a lane is a share of. */
export function timelineAnswer(index: ReleaseIndex, req: TimelineRequest): TimelineResult {
  const parsed = parseQuery(req.query ?? '');
  const search = { query: req.query ?? '', countries: req.countries, mentioned: req.mentioned, languages: req.languages, from: req.from, to: req.to };
  const everything = index.forTimeline({ ...search, countries: undefined }, parsed);
  return buildTimeline(index.forTimeline(search, parsed), everything, { by: req.by ?? 'year', from: req.from, to: req.to, lanes: req.lanes, top: Math.min(50, req.top ?? 12), releases: Math.min(5000, req.releases ?? 0) });
}
