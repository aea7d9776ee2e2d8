import type { IndexProgress } from '../../archive/api/types.js';
import { Chips } from './Chips.js';
import { useI18n } from './context.js';
import type { useSearch } from './hooks/useSearch.js';
import { Results } from './Results.js';
import type { ViewState } from './url-state.js';

/** The query with `alternative` as an OR beside `word` (Zelensky → Zelensky OR zelenskyy). */
export function addAlternative(query: string, word: string, alternative: string): string {
  const at = query.indexOf(word);
  return at < 0 ? `${query} OR ${alternative}` : `${query.slice(0, at + word.length)} OR ${alternative}${query.slice(at + word.length)}`;
}

/** The middle of the search view: the count, the sort, the filters in force, notices, and the hits or why there are none. */
export function ResultsPane({ state, search, selected, progress, documents, navigate, onSelect, team = null, onAdd, onAddAll }: { state: ViewState; search: ReturnType<typeof useSearch>; selected: number; progress: IndexProgress | null; documents: number; navigate: (patch: Partial<ViewState>) => void; onSelect: (i: number) => void; team?: string | null; onAdd?: (id: string) => void; onAddAll?: () => void }) {
  const { t } = useI18n();
  const { result, hits, error, loading, shownQuery } = search;
  const filtered = state.countries.length || state.from || state.to || state.languages.length;
  return (
    <section className="results-pane" aria-label={t.results(result?.total ?? 0)} aria-busy={loading} data-query={shownQuery ?? undefined}>
      <div className="results-head">
        <div className="count" aria-live="polite">
          {result ? t.results(result.total) : error ? null : t.loading}
          {result && result.versions > result.total ? <span className="took"> {t.withTranslations(result.versions)}</span> : null}
          {result ? <span className="took"> · {result.tookMs} ms</span> : null}
        </div>
        {onAddAll && result && result.total > 0 ? (
          <button type="button" className="ghost add-all" onClick={onAddAll}>
            + {t.addAll(Math.min(200, result.total))}
          </button>
        ) : null}
        <label className="sort">
          <span>{t.sortBy}</span>
          <select value={state.sort} onChange={(e) => navigate({ sort: e.target.value as ViewState['sort'] })}>
            <option value="relevance">{t.relevance}</option>
            <option value="-date">{t.newest}</option>
            <option value="date">{t.oldest}</option>
          </select>
        </label>
      </div>
      {team ? (
        <div className="source-banner" role="status">
          {t.fromTeam(team)}
        </div>
      ) : null}
      <Chips state={state} onChange={(patch) => navigate({ ...patch, doc: null })} />
      {result?.query.notices.length ? (
        <div className="query-notice" role="status">
          {result.query.notices.map((n) => (
            <div key={n}>{n}</div>
          ))}
        </div>
      ) : null}
      {result?.query.expansions.length ? (
        <div className="expansions">
          {result.query.expansions.map((x) => (
            <span key={x.term}>
              “{x.term}” → {x.added.slice(0, 4).join(', ')}
            </span>
          ))}
        </div>
      ) : null}
      {result?.query.suggestions.length ? (
        <div className="expansions suggestions">
          <span>{t.alsoWritten}</span>
          {result.query.suggestions.map((x) => (
            <button key={x.term} type="button" className="chip" onClick={() => navigate({ q: addAlternative(state.q, x.word, x.term), doc: null })}>
              {x.term} <span className="facet-count">{x.releases}</span>
            </button>
          ))}
        </div>
      ) : null}
      {error ? (
        <div className="error-state" role="alert">
          <strong>{t.errorTitle}</strong>
          <p>{error}</p>
          <button type="button" onClick={search.retry}>
            {t.retry}
          </button>
          {team ? (
            <button type="button" className="secondary" onClick={() => navigate({ source: 'local', doc: null })}>
              {t.searchLocal}
            </button>
          ) : null}
        </div>
      ) : result && result.total === 0 && progress && documents === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{t.indexing}…</p>
          <p>{t.indexingEmpty}</p>
        </div>
      ) : result && result.total === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{t.noResults(state.q)}</p>
          <p>{t.noResultsHint}</p>
          {filtered ? (
            <button type="button" onClick={() => navigate({ countries: [], from: '', to: '', languages: [] })}>
              {t.clearFilters}
            </button>
          ) : null}
        </div>
      ) : (
        <Results hits={hits} total={result?.total ?? 0} selected={selected} openId={state.doc} onSelect={onSelect} onOpen={(id) => navigate({ doc: id })} onNearEnd={search.loadMore} onAdd={onAdd} />
      )}
      <div className="keyboard-hint" aria-hidden="true">
        {t.keyboardHint}
      </div>
    </section>
  );
}
