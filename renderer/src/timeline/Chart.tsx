import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { TimelineLane, TimelineMark, TimelinePeriod } from '../../../archive/api/types.js';
import { AXIS_HEIGHT, cursorRect, LANE_HEIGHT, lanePaths, marksByLane } from './draw.js';
import { boundsOfPeriod, DAY, msAt, pan, periodBounds, ticks, toMs, xOf, zoom, type Window } from './scale.js';

export const LABEL_WIDTH = 210;
export { AXIS_HEIGHT, LANE_HEIGHT };

export interface ChartLane {
  country: string;
  label: string;
  total: number;
  share: boolean;
  buckets: TimelineLane['buckets'];
  /** Where each bucket's period starts and ends (ms), worked out once per answer. */
  starts: Float64Array;
  ends: Float64Array;
}

export interface ChartProps {
  lanes: ChartLane[];
  /** All releases per period (what a share is of), by period key. */
  all: Map<string, number>;
  marks: TimelineMark[] | null;
  by: TimelinePeriod;
  window: Window;
  width: number;
  locale: string;
  labels: { releases: (n: number) => string; share: (p: number) => string; keyboard: string; chart: string };
  describePeriod: (period: string) => string;
  onWindow: (w: Window) => void;
  onOpen: (id: string) => void;
  onBrush: (from: number, to: number) => void;
}

/** Where the pointer or the keyboard cursor is: a lane and a period (bars) or a release (marks). */
interface Cursor {
  lane: number;
  period?: string;
  mark?: TimelineMark;
}

export interface ChartHandle {
  svg: SVGSVGElement | null;
  focus(): void;
}

/**
 * The lanes on one time axis, drawn as one path per lane (bars of counts, or one mark per
 * release when zoomed in), so that a zoom step redraws a few elements, not thousands.
 */
export const Chart = forwardRef<ChartHandle, ChartProps>(function Chart(p, ref) {
  const svg = useRef<SVGSVGElement>(null);
  useImperativeHandle(ref, () => ({ svg: svg.current, focus: () => svg.current?.focus() }), []);
  const plot = Math.max(100, p.width - LABEL_WIDTH - 12);
  const height = AXIS_HEIGHT + p.lanes.length * LANE_HEIGHT + 8;
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);
  const [brush, setBrush] = useState<[number, number] | null>(null);
  const drag = useRef<{ kind: 'pan' | 'brush'; x: number; window: Window; moved: boolean } | null>(null);
  const marksMode = !!p.marks;

  const inWindow = (lane: ChartLane, i: number): boolean => lane.ends[i]! > p.window.from && lane.starts[i]! < p.window.to;
  const laneMarks = useMemo(() => marksByLane(p.lanes, p.marks, p.window), [p.lanes, p.marks, p.window]);
  const paths = useMemo(() => lanePaths(p.lanes, p.all, marksMode ? laneMarks : null, p.window, plot), [p.lanes, p.all, p.window, plot, marksMode, laneMarks]);

  // Performance marks for the benchmark: the time from a change of window to its drawing.
  useLayoutEffect(() => {
    performance.mark('liaison:timeline:drawn');
    if (performance.getEntriesByName('liaison:timeline:zoom-start').length) {
      performance.measure('liaison:timeline:zoom', 'liaison:timeline:zoom-start', 'liaison:timeline:drawn');
      performance.clearMarks('liaison:timeline:zoom-start');
    }
  }, [paths]);

  const setWindow = (w: Window): void => {
    performance.mark('liaison:timeline:zoom-start');
    p.onWindow(w);
  };

  const locate = (clientX: number, clientY: number): { ms: number; lane: number; x: number } | null => {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return null;
    const x = clientX - box.left - LABEL_WIDTH;
    const lane = Math.floor((clientY - box.top - AXIS_HEIGHT) / LANE_HEIGHT);
    return { ms: msAt(x, p.window, plot), lane, x };
  };

  const pointAt = (ms: number, lane: number, x: number): Cursor | null => {
    if (lane < 0 || lane >= p.lanes.length) return null;
    if (marksMode) {
      let best: TimelineMark | undefined;
      let bestDx = 6;
      for (const m of laneMarks[lane]!) {
        const dx = Math.abs(xOf(toMs(m.published) + DAY / 2, p.window, plot) - x);
        if (dx < bestDx) [best, bestDx] = [m, dx];
      }
      return best ? { lane, mark: best } : { lane };
    }
    const [s] = periodBounds(ms, p.by);
    const b = p.lanes[lane]!.buckets.find((x) => boundsOfPeriod(x.period)[0] === s);
    return { lane, period: b?.period };
  };

  const describe = (c: Cursor): string => {
    const lane = p.lanes[c.lane]!;
    if (c.mark) return `${lane.label} · ${c.mark.title} — ${c.mark.published}`;
    if (!c.period) return lane.label;
    const b = lane.buckets.find((x) => x.period === c.period);
    const count = b?.count ?? 0;
    const all = p.all.get(c.period) ?? 0;
    return `${lane.label} · ${p.describePeriod(c.period)}: ${p.labels.releases(count)}${all ? ` (${p.labels.share(count / all)})` : ''}`;
  };

  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    // Not passive: the wheel zooms the timeline instead of scrolling the page.
    const onWheel = (e: WheelEvent): void => {
      const at = locate(e.clientX, e.clientY);
      if (!at || at.x < 0) return;
      e.preventDefault();
      setWindow(zoom(p.window, Math.exp(e.deltaY * (e.ctrlKey ? 0.01 : 0.0015)), at.ms));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  const onPointerDown = (e: PointerEvent<SVGSVGElement>): void => {
    const at = locate(e.clientX, e.clientY);
    if (!at || at.x < 0) return;
    (e.target as Element).setPointerCapture?.(e.pointerId);
    const kind = e.shiftKey || e.clientY - (svg.current?.getBoundingClientRect().top ?? 0) < AXIS_HEIGHT ? 'brush' : 'pan';
    drag.current = { kind, x: e.clientX, window: p.window, moved: false };
    if (kind === 'brush') setBrush([at.ms, at.ms]);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): void => {
    const at = locate(e.clientX, e.clientY);
    const d = drag.current;
    if (d) {
      if (Math.abs(e.clientX - d.x) > 3) d.moved = true;
      if (d.kind === 'pan' && d.moved) setWindow(pan(d.window, -(e.clientX - d.x) / plot));
      if (d.kind === 'brush' && at) setBrush((b) => (b ? [b[0], at.ms] : b));
      return;
    }
    const c = at ? pointAt(at.ms, at.lane, at.x) : null;
    setHover(c && at ? { x: at.x + LABEL_WIDTH, y: AXIS_HEIGHT + c.lane * LANE_HEIGHT, text: describe(c) } : null);
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>): void => {
    const d = drag.current;
    drag.current = null;
    if (d?.kind === 'brush' && brush) {
      const [a, b] = [Math.min(...brush), Math.max(...brush)];
      setBrush(null);
      if (b - a >= DAY / 2) p.onBrush(a, b);
      return;
    }
    if (d && !d.moved) {
      const at = locate(e.clientX, e.clientY);
      const c = at ? pointAt(at.ms, at.lane, at.x) : null;
      if (c?.mark) p.onOpen(c.mark.id);
      else if (c?.period) {
        const [s, end] = boundsOfPeriod(c.period);
        setWindow({ from: s, to: end });
      }
    }
  };

  const onKey = (e: KeyboardEvent<SVGSVGElement>): void => {
    const c: Cursor = cursor ?? { lane: 0 };
    const lane = p.lanes[c.lane];
    if (!lane) return;
    const step = (dir: number): Cursor => {
      if (marksMode) {
        const list = laneMarks[c.lane]!;
        const i = c.mark ? list.findIndex((m) => m.id === c.mark!.id) : -1;
        const next = i < 0 ? (dir > 0 ? list[0] : list.at(-1)) : list[Math.max(0, Math.min(list.length - 1, i + dir))];
        return { lane: c.lane, mark: next ?? c.mark };
      }
      // Through the periods that have releases in this lane: the empty ones hold nothing to read.
      const visible = lane.buckets.filter((b, k) => b.count > 0 && inWindow(lane, k));
      const i = c.period ? visible.findIndex((b) => b.period === c.period) : -1;
      const next = i < 0 ? (dir > 0 ? visible[0] : visible.at(-1)) : visible[Math.max(0, Math.min(visible.length - 1, i + dir))];
      return { lane: c.lane, period: next?.period ?? c.period };
    };
    const keys: Record<string, () => void> = {
      ArrowRight: () => (e.shiftKey ? setWindow(pan(p.window, 0.2)) : setCursor(step(1))),
      ArrowLeft: () => (e.shiftKey ? setWindow(pan(p.window, -0.2)) : setCursor(step(-1))),
      ArrowDown: () => setCursor({ lane: Math.min(p.lanes.length - 1, c.lane + 1) }),
      ArrowUp: () => setCursor({ lane: Math.max(0, c.lane - 1) }),
      '+': () => setWindow(zoom(p.window, 0.5, cursorMs(c) ?? undefined)),
      '=': () => setWindow(zoom(p.window, 0.5, cursorMs(c) ?? undefined)),
      '-': () => setWindow(zoom(p.window, 2, cursorMs(c) ?? undefined)),
      Enter: () => {
        if (c.mark) p.onOpen(c.mark.id);
        else if (c.period) {
          setWindow(toWindow(c.period));
          setCursor({ lane: c.lane });
        }
      },
      f: () => {
        const w = c.mark ? toWindow(c.mark.published) : c.period ? toWindow(c.period) : null;
        if (w) p.onBrush(w.from, w.to - DAY);
      },
    };
    const act = keys[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  };
  const toWindow = (period: string): Window => {
    const [s, e] = boundsOfPeriod(period);
    return { from: s, to: e };
  };
  const cursorMs = (c: Cursor): number | null => {
    if (c.mark) return toMs(c.mark.published) + DAY / 2;
    if (!c.period) return null;
    const [s, e] = boundsOfPeriod(c.period);
    return (s + e) / 2;
  };

  // A label that would run past the plot's right edge is left out.
  const tickList = ticks(p.window, plot, p.locale).filter((t) => xOf(t.ms, p.window, plot) + 7 * t.label.length < plot);
  const cursorBox = cursor ? cursorRect(cursor, p.window, plot) : null;

  return (
    <div className="timeline-chart" style={{ position: 'relative' }}>
      <svg
        ref={svg}
        width={p.width}
        height={height}
        viewBox={`0 0 ${p.width} ${height}`}
        role="application"
        aria-label={p.labels.chart}
        aria-describedby="timeline-keys"
        tabIndex={0}
        onKeyDown={onKey}
        onFocus={() => setCursor((c) => c ?? { lane: 0 })}
        onBlur={() => setHover(null)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setHover(null)}
        xmlns="http://www.w3.org/2000/svg"
        fontFamily="system-ui, 'DejaVu Sans', sans-serif"
      >
        <rect x={0} y={0} width={p.width} height={height} fill="var(--panel)" />
        <g transform={`translate(${LABEL_WIDTH},0)`}>
          {tickList.map((t) => (
            <g key={t.ms}>
              <line x1={xOf(t.ms, p.window, plot)} x2={xOf(t.ms, p.window, plot)} y1={AXIS_HEIGHT - 6} y2={height - 4} stroke="var(--line)" strokeWidth={t.major ? 1.2 : 0.6} />
              <text x={xOf(t.ms, p.window, plot) + 3} y={AXIS_HEIGHT - 10} fontSize={11} fill="var(--muted)" fontWeight={t.major ? 600 : 400}>
                {t.label}
              </text>
            </g>
          ))}
          <rect x={0} y={0} width={plot} height={AXIS_HEIGHT - 6} fill="transparent" className="brush-strip" />
          {p.lanes.map((lane, i) => (
            <path key={lane.country} d={paths[i]} fill={lane.share ? 'var(--accent-strong)' : 'var(--brand)'} />
          ))}
          {brush ? <rect x={Math.min(xOf(brush[0], p.window, plot), xOf(brush[1], p.window, plot))} y={AXIS_HEIGHT - 6} width={Math.abs(xOf(brush[1], p.window, plot) - xOf(brush[0], p.window, plot))} height={height - AXIS_HEIGHT} fill="var(--brand)" opacity={0.15} /> : null}
          {cursorBox ? <rect x={cursorBox.x} y={cursorBox.y} width={cursorBox.w} height={LANE_HEIGHT - 4} fill="none" stroke="var(--focus)" strokeWidth={2} /> : null}
        </g>
        {p.lanes.map((lane, i) => (
          <g key={lane.country}>
            <line x1={0} x2={p.width} y1={AXIS_HEIGHT + (i + 1) * LANE_HEIGHT} y2={AXIS_HEIGHT + (i + 1) * LANE_HEIGHT} stroke="var(--line)" strokeWidth={0.6} />
            <text x={8} y={AXIS_HEIGHT + i * LANE_HEIGHT + 20} fontSize={13} fontWeight={600} fill="var(--text)">
              {lane.label}
            </text>
            <text x={8} y={AXIS_HEIGHT + i * LANE_HEIGHT + 36} fontSize={11} fill="var(--muted)">
              {p.labels.releases(lane.total)}
              {lane.share ? ' · %' : ''}
            </text>
          </g>
        ))}
      </svg>
      {hover || (cursor && document.activeElement === svg.current) ? (
        <div className="timeline-tip" role="status" style={{ left: Math.min(p.width - 260, (hover?.x ?? LABEL_WIDTH + (cursorBox?.x ?? 0)) + 12), top: (hover?.y ?? AXIS_HEIGHT + (cursor?.lane ?? 0) * LANE_HEIGHT) + LANE_HEIGHT }}>
          {hover?.text ?? (cursor ? describe(cursor) : '')}
        </div>
      ) : null}
      <p id="timeline-keys" className="keyboard-hint">
        {p.labels.keyboard}
      </p>
    </div>
  );
});
