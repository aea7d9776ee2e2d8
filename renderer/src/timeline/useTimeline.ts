import { useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineRequest, TimelineResult } from '../../../archive/api/types.js';
import { useConnection } from '../context.js';
import type { ViewState } from '../url-state.js';
import { DAY, periodFor, showsMarks, toDate, toMs, type Window } from './scale.js';

/** How many lanes the timeline shows by default: the countries the most releases of the search are about. */
export const DEFAULT_LANES = 8;

/**
 * The timeline's data for the view state: an overview by year (it sets the range and the default
 * lanes), the counts at the period size the window needs (fetched once per size, so zooming and
 * panning within it fetch nothing), and, zoomed in, the releases of the window as marks.
 */
export function useTimeline(state: ViewState, win: Window | null, generation: number) {
  const { api } = useConnection();
  const search = useMemo<TimelineRequest>(
    () => ({ query: state.q, countries: state.countries, mentioned: state.mentioned, from: state.from || undefined, to: state.to || undefined, languages: state.languages, ...(state.source === 'team' ? { source: 'team' as const } : {}) }),
    [state.q, state.countries, state.mentioned, state.from, state.to, state.languages, state.source],
  );
  const [overview, setOverview] = useState<TimelineResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cache = useRef(new Map<string, TimelineResult>());
  const [, setVersion] = useState(0);

  const laneKey = state.lanes.join(',');
  useEffect(() => {
    let live = true;
    cache.current.clear();
    api
      .timeline({ ...search, by: 'year', lanes: state.lanes.length ? state.lanes : undefined, top: DEFAULT_LANES })
      .then((t) => live && (setOverview(t), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
    // laneKey stands for state.lanes (a new array at every render).
  }, [api, search, laneKey, generation]);

  const lanes = useMemo(() => overview?.lanes.map((l) => l.country) ?? [], [overview]);
  const by = win ? periodFor(win) : 'year';
  // Marks are fetched for the window and as much again on each side, on a 30-day grid, so that
  // panning stays inside what was fetched.
  const grid = 30 * DAY;
  const marksRange = win && showsMarks(win) ? [Math.floor((2 * win.from - win.to) / grid) * grid, Math.ceil((2 * win.to - win.from) / grid) * grid] : null;
  const marksKey = marksRange ? `marks:${marksRange.join('..')}:${lanes.join(',')}` : '';
  const detailKey = JSON.stringify([by, lanes]);

  useEffect(() => {
    if (!overview || !lanes.length) return;
    const wanted: [string, TimelineRequest][] = [];
    if (by !== 'year' && !cache.current.has(detailKey)) wanted.push([detailKey, { ...search, by, lanes }]);
    if (marksRange && !cache.current.has(marksKey)) wanted.push([marksKey, { ...search, by: 'day', lanes, from: later(search.from, toDate(marksRange[0]!)), to: earlier(search.to, toDate(marksRange[1]!)), releases: 5000 }]);
    let live = true;
    for (const [key, req] of wanted) {
      void api.timeline(req).then((t) => {
        cache.current.set(key, t);
        if (live) setVersion((v) => v + 1);
      });
    }
    return () => {
      live = false;
    };
    // The keys stand for the requests they name.
  }, [api, overview, detailKey, marksKey]);

  // While the counts at a new period size arrive, those at the last size stay on screen.
  const shown = useRef<TimelineResult | null>(null);
  const fresh = by === 'year' ? overview : (cache.current.get(detailKey) ?? null);
  if (fresh || !overview) shown.current = fresh;
  const detail = shown.current ?? overview;
  // While the marks of a new stretch arrive, those fetched for a stretch that covers the window serve.
  let marks = marksRange ? (cache.current.get(marksKey)?.releases ?? null) : null;
  if (marksRange && !marks && win) {
    for (const t of cache.current.values()) if (t.releases && t.range && toMs(t.range.from) <= win.from && toMs(t.range.to) >= win.to) marks = t.releases;
  }
  return { overview, detail, marks, by, error };
}

const later = (a: string | undefined, b: string): string => (a && a > b ? a : b);
const earlier = (a: string | undefined, b: string): string => (a && a < b ? a : b);
