import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit, SearchRequest, SearchResult } from '../../../archive/api/types.js';
import { useConnection } from '../context.js';
import type { ViewState } from '../url-state.js';

const PAGE = 50;

/**
 * The search the view state describes: its first page at once, more pages as the list nears its
 * end. An answer to an older query never replaces a newer one. Searches again when `generation`
 * (the number of releases) changes, so results follow indexing.
 */
export function useSearch(state: ViewState, generation: number) {
  const { api } = useConnection();
  const [result, setResult] = useState<SearchResult | null>(null);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  /** The query the results on screen answer (the next may be on its way). */
  const [shownQuery, setShownQuery] = useState<string | null>(null);
  const seq = useRef(0);

  const request = useMemo<SearchRequest>(
    () => ({ query: state.q, countries: state.countries, mentioned: state.mentioned, from: state.from || undefined, to: state.to || undefined, languages: state.languages, sort: state.sort, groupTranslations: true, ...(state.source === 'team' ? { source: 'team' as const } : {}) }),
    [state.q, state.countries, state.mentioned, state.from, state.to, state.languages, state.sort, state.source],
  );

  const [retries, setRetries] = useState(0);
  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    api
      .search({ ...request, limit: PAGE, offset: 0 })
      .then((r) => {
        if (mine !== seq.current) return;
        setResult(r);
        setShownQuery(request.query);
        setHits(r.hits);
        setError(null);
      })
      .catch((err: Error) => {
        if (mine !== seq.current) return;
        // No answer: nothing of the last one stays on screen as if it were this one's.
        setResult(null);
        setHits([]);
        setError(err.message);
      })
      .finally(() => mine === seq.current && setLoading(false));
  }, [api, request, generation, retries]);

  const loadMore = useCallback(() => {
    if (!result || hits.length >= result.total || loading) return;
    const mine = seq.current;
    setLoading(true);
    api
      .search({ ...request, limit: PAGE, offset: hits.length })
      .then((r) => mine === seq.current && setHits((h) => [...h, ...r.hits]))
      .finally(() => setLoading(false));
  }, [api, request, result, hits.length, loading]);

  return { request, result, hits, error, loading, shownQuery, loadMore, retry: () => setRetries((n) => n + 1) };
}
