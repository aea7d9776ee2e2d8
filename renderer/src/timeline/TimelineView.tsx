import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../context.js';
import type { ViewState } from '../url-state.js';
import { Chart, LABEL_WIDTH, LANE_HEIGHT, AXIS_HEIGHT, type ChartHandle, type ChartLane } from './Chart.js';
import { downloadPng, downloadSvg } from './exportImage.js';
import { boundsOfPeriod, DAY, periodLabel, toDate, toMs, zoom, type Window } from './scale.js';
import { useTimeline } from './useTimeline.js';

const YEAR = 365.25 * DAY;

/** The window a range opens on: whole days, a week at the least. */
function windowOf(range: { from: string; to: string } | null): Window | null {
  if (!range) return null;
  const from = toMs(range.from);
  const to = toMs(range.to) + DAY;
  return to - from < 14 * DAY ? zoom({ from, to }, (14 * DAY) / (to - from)) : { from, to };
}

/**
 * Timelines across countries: one lane per partner country on one shared time axis, shaped by the
 * search's query and filters; brushing a period sets the search's dates. Lanes are the top
 * countries of the search until the desk officer adds, removes or moves one (then they stay).
 */
export function TimelineView({ state, navigate, generation, width, onAddWindow }: { state: ViewState; navigate: (patch: Partial<ViewState>, replace?: boolean) => void; generation: number; width: number; onAddWindow?: (from: string, to: string) => void }) {
  const { t, lang, countryLabel, countryNames } = useI18n();
  const [win, setWin] = useState<Window | null>(() => (state.window ? windowOf({ from: state.window.slice(0, 10), to: state.window.slice(12) }) : null));
  const { overview, detail, marks, by, error } = useTimeline(state, win, generation);
  const chart = useRef<ChartHandle>(null);
  const [adding, setAdding] = useState('');

  // A new search (or a brushed period) opens on its whole range.
  const rangeKey = overview?.range ? `${overview.range.from}..${overview.range.to}` : '';
  const opened = useRef(!!state.window);
  useEffect(() => {
    if (!overview?.range) return;
    if (opened.current) {
      opened.current = false;
      return;
    }
    setWin(windowOf(overview.range));
  }, [rangeKey]); // The range's key stands for the range.
  // The window goes into the address (replacing, not stacking, history entries) once it settles.
  useEffect(() => {
    if (!win) return;
    const timer = window.setTimeout(() => navigate({ window: `${toDate(win.from)}..${toDate(win.to - DAY)}` }, true), 400);
    return () => window.clearTimeout(timer);
  }, [win, navigate]);

  const lanesNow = overview?.lanes.map((l) => l.country) ?? [];
  const setLanes = (lanes: string[]): void => navigate({ lanes });
  // Each period's start and end, once per answer: zooming then compares numbers.
  const bounds = useMemo(() => {
    const periods = detail?.all.map((b) => b.period) ?? [];
    const starts = new Float64Array(periods.length);
    const ends = new Float64Array(periods.length);
    periods.forEach((period, i) => ([starts[i], ends[i]] = boundsOfPeriod(period)));
    return { starts, ends };
  }, [detail]);
  const lanes: ChartLane[] = useMemo(
    () =>
      (detail?.lanes ?? []).map((l) => ({
        country: l.country,
        label: countryLabel(l.country),
        total: overview?.lanes.find((o) => o.country === l.country)?.total ?? l.total,
        share: state.share.includes(l.country),
        buckets: l.buckets,
        ...bounds,
      })),
    [detail, overview, countryLabel, state.share, bounds],
  );
  const addable = useMemo(
    () => [...countryNames.values()].filter((c) => !lanes.some((l) => l.country === c.code)).map((c) => ({ code: c.code, label: countryLabel(c.code) })).sort((a, b) => a.label.localeCompare(b.label, lang)),
    [countryNames, countryLabel, lanes, lang],
  );
  // The tables for screen readers follow the window at a lower priority than the drawing.
  const tableWindow = useDeferredValue(win);
  const all = useMemo(() => new Map((detail?.all ?? []).map((b) => [b.period, b.count])), [detail]);

  const measured = useRef(false);
  useLayoutEffect(() => {
    if (measured.current || !lanes.length || !win) return;
    measured.current = true;
    if (performance.getEntriesByName('liaison:timeline:open').length) performance.measure('liaison:timeline:first-render', 'liaison:timeline:open');
  });

  const range = overview?.range ? windowOf(overview.range) : null;
  const presets: [string, () => Window | null][] = [
    [t.everything, () => range],
    [t.years(10), () => (range ? { from: range.to - 10 * YEAR, to: range.to } : null)],
    [t.years(1), () => (range ? { from: range.to - YEAR, to: range.to } : null)],
    [t.months(3), () => (range ? { from: range.to - 91 * DAY, to: range.to } : null)],
  ];
  const setWindow = (w: Window | null): void => {
    if (!w) return;
    performance.mark('liaison:timeline:zoom-start');
    setWin(w);
  };
  const brush = (from: number, to: number): void => navigate({ from: toDate(from), to: toDate(to), window: '', doc: null });
  const fileName = (ext: string): string => `liaison-timeline-${win ? `${toDate(win.from)}-${toDate(win.to - DAY)}` : 'all'}.${ext}`;
  const periodName = useCallback((period: string): string => periodLabel(period, lang === 'fr' ? 'fr-CH' : 'en-GB', { quarter: t.quarter, weekOf: t.weekOf }), [lang, t]);
  const tableBy = useDeferredValue(by);
  const caption = useCallback((name: string): string => t.laneTable(name, t.periodNames[tableBy]), [t, tableBy]);

  if (error) {
    return (
      <section className="timeline-pane">
        <div className="error-state" role="alert">
          <strong>{t.errorTitle}</strong>
          <p>{error}</p>
        </div>
      </section>
    );
  }
  return (
    <section className="timeline-pane" aria-label={t.timeline} data-period={marks ? 'release' : by} data-ready={lanes.length && win ? 'true' : undefined}>
      <div className="timeline-toolbar">
        <div className="presets" role="group" aria-label={t.zoom}>
          {presets.map(([label, make]) => (
            <button key={label} type="button" className="preset" onClick={() => setWindow(make())}>
              {label}
            </button>
          ))}
          <button type="button" className="preset" aria-label={t.zoomOut} onClick={() => win && setWindow(zoom(win, 2))}>
            −
          </button>
          <button type="button" className="preset" aria-label={t.zoomIn} onClick={() => win && setWindow(zoom(win, 0.5))}>
            +
          </button>
        </div>
        <form
          className="add-lane"
          onSubmit={(e) => {
            e.preventDefault();
            if (adding) setLanes([...lanesNow, adding]);
            setAdding('');
          }}
        >
        <select aria-label={t.addLane} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">{t.addLane}…</option>
          {addable.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary" disabled={!adding}>
          {t.add}
        </button>
        </form>
        {state.lanes.length ? (
          <button type="button" className="ghost" onClick={() => setLanes([])} title={t.lanesAutoHint}>
            {t.lanesAuto}
          </button>
        ) : (
          <button type="button" className="ghost" onClick={() => setLanes(lanesNow)} title={t.pinLanesHint}>
            {t.pinLanes}
          </button>
        )}
        <span className="spacer" />
        {onAddWindow && win ? (
          <button type="button" className="ghost" onClick={() => onAddWindow(toDate(win.from), toDate(win.to - DAY))}>
            + {t.addWindow}
          </button>
        ) : null}
        <button type="button" className="ghost" onClick={() => chart.current?.svg && downloadSvg(chart.current.svg, fileName('svg'))}>
          SVG
        </button>
        <button type="button" className="ghost" onClick={() => chart.current?.svg && void downloadPng(chart.current.svg, fileName('png'))}>
          PNG
        </button>
        <button type="button" className="ghost" onClick={() => window.print()}>
          {t.print}
        </button>
      </div>
      <div className="timeline-summary" aria-live="polite">
        {overview ? t.timelineSummary(overview.total, marks ? t.oneMarkEach : t.periodNames[by], state.mentioned) : t.loading}
        {state.from || state.to ? (
          <button type="button" className="link" onClick={() => navigate({ view: 'search' })}>
            {t.showResults}
          </button>
        ) : null}
      </div>
      {overview && !overview.range ? (
        <div className="empty-state">
          <p className="empty-title">{t.timelineEmpty}</p>
          <p>{t.noResultsHint}</p>
        </div>
      ) : win && lanes.length ? (
        <div className="timeline-body">
          <Chart
            ref={chart}
            lanes={lanes}
            all={all}
            marks={marks}
            by={by}
            window={win}
            width={width}
            locale={lang === 'fr' ? 'fr-CH' : 'en-GB'}
            labels={{ releases: t.releasesCount, share: t.shareOfAll, keyboard: t.timelineKeys, chart: t.timelineChart }}
            describePeriod={periodName}
            onWindow={setWin}
            onOpen={(id) => navigate({ doc: id })}
            onBrush={brush}
          />
          {lanes.map((lane, i) => (
            <div key={lane.country} className="lane-controls" style={{ top: AXIS_HEIGHT + i * LANE_HEIGHT + 4, left: LABEL_WIDTH - 96 }}>
              <button type="button" className="ghost" aria-pressed={lane.share} aria-label={t.laneShare(lane.label)} title={t.laneShare(lane.label)} onClick={() => navigate({ share: lane.share ? state.share.filter((c) => c !== lane.country) : [...state.share, lane.country] })}>
                %
              </button>
              <button type="button" className="ghost" aria-label={t.laneUp(lane.label)} disabled={i === 0} onClick={() => setLanes(move(lanesNow, i, -1))}>
                ↑
              </button>
              <button type="button" className="ghost" aria-label={t.laneDown(lane.label)} disabled={i === lanes.length - 1} onClick={() => setLanes(move(lanesNow, i, 1))}>
                ↓
              </button>
              <button type="button" className="ghost" aria-label={t.laneRemove(lane.label)} onClick={() => setLanes(lanesNow.filter((c) => c !== lane.country))}>
                ×
              </button>
            </div>
          ))}
        </div>
      ) : (
        <p className="muted">{t.loading}</p>
      )}
      <LaneTables lanes={lanes} window={tableWindow} caption={caption} periodName={periodName} />
    </section>
  );
}

/**
 * Each lane as a table of periods and counts, for screen readers. Memoised, and given the window
 * at a lower priority, so that a zoom step draws first.
 */
const LaneTables = memo(function LaneTables({ lanes, window: w, caption, periodName }: { lanes: ChartLane[]; window: Window | null; caption: (name: string) => string; periodName: (period: string) => string }) {
  return (
    <div className="sr-only">
      {lanes.map((lane) => (
        <table key={lane.country}>
          <caption>{caption(lane.label)}</caption>
          <tbody>
            {lane.buckets
              .filter((_, k) => w && lane.ends[k]! > w.from && lane.starts[k]! < w.to)
              .map((b) => (
                <tr key={b.period}>
                  <th scope="row">{periodName(b.period)}</th>
                  <td>{b.count}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </div>
  );
});

function move(list: string[], i: number, by: number): string[] {
  const out = [...list];
  const [item] = out.splice(i, 1);
  out.splice(i + by, 0, item!);
  return out;
}
