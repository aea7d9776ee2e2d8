import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useConnection, useI18n } from './context.js';
import { FirstRun, FoldersView } from './Folders.js';
import { BriefingsView } from './briefing/BriefingsView.js';
import { useBriefings } from './briefing/useBriefings.js';
import { Filters } from './Filters.js';
import { useArchiveStatus } from './hooks/useArchiveStatus.js';
import { useSearch } from './hooks/useSearch.js';
import { useShortcuts } from './hooks/useShortcuts.js';
import { useViewState } from './hooks/useViewState.js';
import { IndexingBar } from './IndexingBar.js';
import { Reader } from './Reader.js';
import { ResultsPane } from './ResultsPane.js';
import { SourceSwitch, hostOf } from './TeamArchive.js';
import { TimelineView } from './timeline/TimelineView.js';
import { TopBar } from './TopBar.js';

export function App() {
  const { shell } = useConnection();
  const { t } = useI18n();
  const { state: asked, navigate, restored } = useViewState();
  const archive = useArchiveStatus();
  const briefings = useBriefings();
  // The team archive answers only while one is connected; otherwise this computer's does.
  const teamUrl = archive.status?.team?.url ?? null;
  const state = useMemo(() => (asked.source === 'team' && !teamUrl ? { ...asked, source: 'local' as const } : asked), [asked, teamUrl]);
  const team = state.source === 'team' && teamUrl ? hostOf(teamUrl) : null;
  const documents = archive.status?.documents ?? 0;
  const search = useSearch(state, documents);
  const [selected, setSelected] = useState(0);
  const [queryText, setQueryText] = useState(state.q);
  const searchBox = useRef<HTMLInputElement>(null);

  // New results start at the top; Back/Forward bring their query back into the box.
  useEffect(() => setSelected(0), [search.result]);
  // Only Back/Forward sets the box from the URL; otherwise typing owns it (state.q is read, not watched).
  useEffect(() => setQueryText(state.q), [restored]);
  // Typing searches as you go: after a pause as long as the last answer took (at most 180 ms), so
  // that a fast archive answers every key and a slow one is not asked for every key; the URL is
  // replaced, not stacked, meanwhile.
  const took = search.result?.tookMs ?? 50;
  useEffect(() => {
    if (queryText === state.q) return;
    const timer = window.setTimeout(() => navigate({ q: queryText, doc: null }, true), Math.min(180, Math.round(took)));
    return () => window.clearTimeout(timer);
  }, [queryText, state.q, navigate, took]);

  const inList = state.view === 'search' && !state.doc;
  const showView = (view: 'search' | 'timeline'): void => {
    if (view === 'timeline' && state.view !== 'timeline') performance.mark('liaison:timeline:open');
    navigate({ view });
  };
  const pane = useRef<HTMLDivElement>(null);
  const paneWidth = useWidth(pane);
  const hits = search.hits;
  const shortcuts = useMemo(
    () => ({
      focusSearch: () => {
        searchBox.current?.focus();
        searchBox.current?.select();
      },
      escape: () => {
        if (state.doc) navigate({ doc: null });
        else if (state.view !== 'search') navigate({ view: 'search' });
        else return false;
        return true;
      },
      down: inList ? () => setSelected((s) => Math.min(hits.length - 1, s + 1)) : undefined,
      up: inList ? () => setSelected((s) => Math.max(0, s - 1)) : undefined,
      enter: inList && hits[selected] ? () => navigate({ doc: hits[selected]!.id }) : undefined,
      letters: {
        t: () => showView('timeline'),
        r: () => showView('search'),
        b: () => (inList && hits[selected] && !team ? void briefings.add({ releaseIds: [hits[selected]!.id] }) : undefined),
        a: () => (teamUrl ? navigate({ source: state.source === 'team' ? 'local' : 'team', doc: null }) : undefined),
      },
    }),
    [state.doc, state.view, state.source, inList, hits, selected, navigate, briefings, team, teamUrl], // showView reads the same state
  );
  useShortcuts(shortcuts, searchBox);

  const { status, progress } = archive;
  const firstRun = status !== null && status.folders.length === 0 && status.documents === 0 && !progress;

  return (
    <div className="app">
      <TopBar
        queryText={queryText}
        onQueryText={setQueryText}
        onSubmit={() => navigate({ q: queryText, doc: null, view: 'search' })}
        searchBox={searchBox}
        view={state.view}
        failures={status?.failures ?? 0}
        onToggleFolders={() => navigate({ view: state.view === 'folders' ? 'search' : 'folders', doc: null })}
        onToggleBriefings={() => navigate({ view: state.view === 'briefings' ? 'search' : 'briefings', doc: null })}
        briefingCount={briefings.list.length}
      />
      {briefings.notice ? (
        <div className="banner done" role="status">
          {briefings.notice}
        </div>
      ) : null}
      {status?.notice ? (
        <div className="banner notice" role="status">
          {status.notice}
        </div>
      ) : null}
      {archive.error ? (
        <div className="banner notice" role="alert">
          {t.errorTitle}: {archive.error}
        </div>
      ) : null}
      <IndexingBar progress={progress} summary={archive.lastSummary} documents={documents} onShowProblems={() => navigate({ view: 'folders' })} onDismiss={archive.dismissSummary} />

      {firstRun ? (
        <FirstRun demoAvailable={!!status?.demoAvailable} onChanged={archive.refresh} />
      ) : state.view === 'folders' ? (
        <FoldersView status={status} onChanged={archive.refresh} onBack={() => navigate({ view: 'search' })} />
      ) : state.view === 'briefings' ? (
        <BriefingsView briefings={briefings} open={state.briefing} onOpen={(briefing) => navigate({ briefing })} onOpenRelease={(doc) => navigate({ view: 'search', doc })} />
      ) : (
        <main className={state.doc ? 'workspace with-reader' : 'workspace'}>
          <Filters state={state} facets={search.result?.facets ?? null} onChange={(patch) => navigate({ ...patch, doc: null })} />
          <div className="middle" ref={pane}>
            <SourceSwitch status={status} source={state.source} onChange={(source) => navigate({ source, doc: null })} />
            <div className="view-tabs" role="tablist" aria-label={t.results(search.result?.total ?? 0)}>
              <button type="button" role="tab" aria-selected={state.view !== 'timeline'} className={state.view !== 'timeline' ? 'tab on' : 'tab'} onClick={() => showView('search')} title="R">
                {t.resultsTab}
              </button>
              <button type="button" role="tab" aria-selected={state.view === 'timeline'} className={state.view === 'timeline' ? 'tab on' : 'tab'} onClick={() => showView('timeline')} title="T">
                {t.timeline}
              </button>
            </div>
            {state.view === 'timeline' ? (
              <TimelineView state={state} navigate={navigate} generation={documents} width={paneWidth - 40} onAddWindow={team ? undefined : (from, to) => void briefings.add({ search: { ...search.request, from: later(search.request.from, from), to: earlier(search.request.to, to) } })} />
            ) : (
              <ResultsPane state={state} search={search} selected={selected} progress={progress} documents={documents} navigate={navigate} onSelect={setSelected} team={team} onAdd={team ? undefined : (id) => void briefings.add({ releaseIds: [id] })} onAddAll={team ? undefined : () => void briefings.add({ search: search.request })} />
            )}
          </div>
          {state.doc ? <Reader key={`${state.source}:${state.doc}`} shell={shell} id={state.doc} query={state.q} team={team} onClose={() => navigate({ doc: null })} onOpen={(id) => navigate({ doc: id })} onAdd={team ? undefined : (id) => void briefings.add({ releaseIds: [id] })} /> : null}
        </main>
      )}
    </div>
  );
}

/** An element's width, following it as the window or the panes change. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

const later = (a: string | undefined, b: string): string => (a && a > b ? a : b);
const earlier = (a: string | undefined, b: string): string => (a && a < b ? a : b);
