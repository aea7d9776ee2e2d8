import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArchiveStatus, CountryName, IndexProgress, IndexSummary, SearchResult } from '../../archive/api/types.js';
import type { Connection } from './api.js';
import { FirstRun, FoldersView } from './Folders.js';
import { Filters } from './Filters.js';
import { initialLanguage, strings, type UiLanguage } from './i18n.js';
import { IndexingBar } from './IndexingBar.js';
import { Reader } from './Reader.js';
import { Results } from './Results.js';
import { readState, writeState, type ViewState } from './url-state.js';

const PAGE = 50;

export function App({ connection }: { connection: Connection }) {
  const { api } = connection;
  const [lang, setLang] = useState<UiLanguage>(initialLanguage);
  const t = strings[lang];
  const [state, setState] = useState<ViewState>(() => readState(window.location.search));
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [progress, setProgress] = useState<IndexProgress | null>(null);
  const [lastSummary, setLastSummary] = useState<IndexSummary | null>(null);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [hits, setHits] = useState<SearchResult['hits']>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  /** The query the results on screen answer (the next may be on its way). */
  const [shownQuery, setShownQuery] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [countryNames, setCountryNames] = useState<Map<string, CountryName>>(new Map());
  const [queryText, setQueryText] = useState(state.q);
  const queryRef = useRef<HTMLInputElement>(null);
  const searchSeq = useRef(0);

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('liaison-ui-language', lang);
  }, [lang]);

  // The state lives in the URL: every change is a history entry, Back and Forward restore it.
  const navigate = useCallback((patch: Partial<ViewState>, replace = false) => {
    setState((prev) => {
      const next = { ...prev, ...patch };
      const url = `${window.location.pathname}${writeState(next)}`;
      if (replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      return next;
    });
  }, []);
  useEffect(() => {
    const onPop = (): void => {
      const s = readState(window.location.search);
      setState(s);
      setQueryText(s.q);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const refreshStatus = useCallback(async () => {
    try {
      const s = await api.status({});
      setStatus(s);
      if (s.indexing) setProgress(s.indexing);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [api]);

  useEffect(() => {
    void refreshStatus();
    void api.countryNames({}).then((list) => setCountryNames(new Map(list.map((c) => [c.code, c]))));
    return connection.subscribe((event) => {
      if (event.type === 'progress') setProgress(event.progress.phase === 'done' || event.progress.phase === 'cancelled' ? null : event.progress);
      if (event.type === 'indexed') {
        setLastSummary(event.summary);
        setProgress(null);
      }
      if (event.type === 'status') {
        setStatus(event.status);
        if (!event.status.indexing) setProgress(null);
      }
    });
  }, [api, connection, refreshStatus]);

  const request = useMemo(
    () => ({ query: state.q, countries: state.countries, from: state.from || undefined, to: state.to || undefined, languages: state.languages, sort: state.sort, groupTranslations: true }),
    [state.q, state.countries, state.from, state.to, state.languages, state.sort],
  );

  const documents = status?.documents ?? 0;
  useEffect(() => {
    const seq = ++searchSeq.current;
    setLoading(true);
    api
      .search({ ...request, limit: PAGE, offset: 0 })
      .then((r) => {
        if (seq !== searchSeq.current) return;
        setResult(r);
        setShownQuery(request.query);
        setHits(r.hits);
        setSelected(0);
        setError(null);
      })
      .catch((err: Error) => seq === searchSeq.current && setError(err.message))
      .finally(() => seq === searchSeq.current && setLoading(false));
  }, [api, request, documents]);

  const loadMore = useCallback(() => {
    if (!result || hits.length >= result.total || loading) return;
    const seq = searchSeq.current;
    setLoading(true);
    api
      .search({ ...request, limit: PAGE, offset: hits.length })
      .then((r) => seq === searchSeq.current && setHits((h) => [...h, ...r.hits]))
      .finally(() => setLoading(false));
  }, [api, request, result, hits.length, loading]);

  // Typing searches as you go, after a short pause; the URL is replaced, not stacked, meanwhile.
  useEffect(() => {
    if (queryText === state.q) return;
    const timer = window.setTimeout(() => navigate({ q: queryText, doc: null }, true), 180);
    return () => window.clearTimeout(timer);
  }, [queryText, state.q, navigate]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement;
      const typing = target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
      if ((e.key === '/' && !typing) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f')) {
        e.preventDefault();
        queryRef.current?.focus();
        queryRef.current?.select();
        return;
      }
      if (e.key === 'Escape') {
        if (state.doc) {
          e.preventDefault();
          navigate({ doc: null });
        } else if (state.view !== 'search') navigate({ view: 'search' });
        else if (typing) target.blur();
        return;
      }
      if (state.view !== 'search' || state.doc) return;
      if (typing && target !== queryRef.current) return;
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        setSelected((s) => Math.min(hits.length - 1, s + 1));
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        setSelected((s) => Math.max(0, s - 1));
      } else if (e.key === 'Enter' && hits[selected]) {
        e.preventDefault();
        navigate({ doc: hits[selected]!.id });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hits, selected, state.doc, state.view, navigate]);

  const firstRun = status !== null && status.folders.length === 0 && status.documents === 0 && !progress;
  const countryLabel = (code: string): string => {
    const c = countryNames.get(code);
    return c ? (lang === 'fr' ? c.fr : c.en) : code;
  };

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand" aria-label="Liaison">
          <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
            <rect width="64" height="64" rx="14" fill="var(--brand)" />
            <path d="M18 16h8v26h20v7H18z" fill="#fff" />
            <circle cx="44" cy="22" r="6" fill="var(--accent)" />
          </svg>
          <div>
            <strong>Liaison</strong>
            <span className="tagline">{t.appTagline}</span>
          </div>
        </div>
        <form
          className="search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            navigate({ q: queryText, doc: null, view: 'search' });
          }}
        >
          <svg className="search-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <input
            ref={queryRef}
            type="search"
            aria-label={t.searchLabel}
            placeholder={t.searchPlaceholder}
            value={queryText}
            onChange={(e) => setQueryText(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <details className="syntax">
            <summary>{t.syntaxHelp}</summary>
            <p>{t.syntaxBody}</p>
          </details>
        </form>
        <nav className="top-actions">
          <button type="button" className={state.view === 'folders' ? 'ghost active' : 'ghost'} onClick={() => navigate({ view: state.view === 'folders' ? 'search' : 'folders', doc: null })}>
            {t.folders}
            {status && status.failures > 0 ? <span className="badge warn">{status.failures}</span> : null}
          </button>
          <button type="button" className="ghost" lang={lang === 'en' ? 'fr' : 'en'} aria-label={t.uiLanguageLabel} onClick={() => setLang(lang === 'en' ? 'fr' : 'en')}>
            {t.uiLanguage}
          </button>
        </nav>
      </header>

      {status?.notice ? (
        <div className="banner notice" role="status">
          {status.notice}
        </div>
      ) : null}
      <IndexingBar t={t} progress={progress} summary={lastSummary} documents={documents} api={api} onShowProblems={() => navigate({ view: 'folders' })} onDismiss={() => setLastSummary(null)} />

      {firstRun ? (
        <FirstRun t={t} api={api} shell={connection.shell} demoAvailable={!!status?.demoAvailable} onChanged={refreshStatus} />
      ) : state.view === 'folders' ? (
        <FoldersView t={t} api={api} shell={connection.shell} status={status} onChanged={refreshStatus} onBack={() => navigate({ view: 'search' })} />
      ) : (
        <main className={state.doc ? 'workspace with-reader' : 'workspace'}>
          <Filters t={t} lang={lang} state={state} facets={result?.facets ?? null} countryLabel={countryLabel} countryNames={countryNames} onChange={(patch) => navigate({ ...patch, doc: null })} />
          <section className="results-pane" aria-label={t.results(result?.total ?? 0)} aria-busy={loading} data-query={shownQuery ?? undefined}>
            <div className="results-head">
              <div className="count" aria-live="polite">
                {result ? t.results(result.total) : t.loading}
                {result && result.versions > result.total ? <span className="took"> {t.withTranslations(result.versions)}</span> : null}
                {result ? <span className="took"> · {result.tookMs} ms</span> : null}
              </div>
              <label className="sort">
                <span>{t.sortBy}</span>
                <select value={state.sort} onChange={(e) => navigate({ sort: e.target.value as ViewState['sort'] })}>
                  <option value="relevance">{t.relevance}</option>
                  <option value="-date">{t.newest}</option>
                  <option value="date">{t.oldest}</option>
                </select>
              </label>
            </div>
            <Chips t={t} state={state} countryLabel={countryLabel} onChange={(patch) => navigate({ ...patch, doc: null })} />
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
            {error ? (
              <div className="error-state" role="alert">
                <strong>{t.errorTitle}</strong>
                <p>{error}</p>
                <button type="button" onClick={() => navigate({ ...state }, true)}>
                  {t.retry}
                </button>
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
                {state.countries.length || state.from || state.to || state.languages.length ? (
                  <button type="button" onClick={() => navigate({ countries: [], from: '', to: '', languages: [] })}>
                    {t.clearFilters}
                  </button>
                ) : null}
              </div>
            ) : (
              <Results t={t} lang={lang} hits={hits} total={result?.total ?? 0} selected={selected} openId={state.doc} countryLabel={countryLabel} onSelect={setSelected} onOpen={(id) => navigate({ doc: id })} onNearEnd={loadMore} />
            )}
            <div className="keyboard-hint" aria-hidden="true">
              {t.keyboardHint}
            </div>
          </section>
          {state.doc ? <Reader key={state.doc} t={t} lang={lang} api={api} shell={connection.shell} id={state.doc} query={state.q} countryLabel={countryLabel} onClose={() => navigate({ doc: null })} onOpen={(id) => navigate({ doc: id })} /> : null}
        </main>
      )}
    </div>
  );
}

function Chips({ t, state, countryLabel, onChange }: { t: (typeof strings)['en']; state: ViewState; countryLabel: (c: string) => string; onChange: (p: Partial<ViewState>) => void }) {
  const chips: { key: string; label: string; remove: Partial<ViewState> }[] = [];
  for (const c of state.countries) chips.push({ key: `c-${c}`, label: countryLabel(c), remove: { countries: state.countries.filter((x) => x !== c) } });
  if (state.from || state.to) chips.push({ key: 'dates', label: `${state.from || '…'} – ${state.to || '…'}`, remove: { from: '', to: '' } });
  for (const l of state.languages) chips.push({ key: `l-${l}`, label: t.languageNames[l] ?? l, remove: { languages: state.languages.filter((x) => x !== l) } });
  if (!chips.length) return null;
  return (
    <div className="chips">
      {chips.map((c) => (
        <button key={c.key} type="button" className="chip" aria-label={t.removeFilter(c.label)} onClick={() => onChange(c.remove)}>
          {c.label} <span aria-hidden="true">×</span>
        </button>
      ))}
      {chips.length > 1 ? (
        <button type="button" className="link" onClick={() => onChange({ countries: [], from: '', to: '', languages: [] })}>
          {t.clearFilters}
        </button>
      ) : null}
    </div>
  );
}

