import type { TimelineMark } from '../../../archive/api/types.js';
import { boundsOfPeriod, DAY, toMs, xOf, type Window } from './scale.js';

/** What drawing needs of a lane: its buckets, where each period starts and ends, and whether it is shown as a share. */
export interface DrawnLane {
  country: string;
  share: boolean;
  buckets: { period: string; count: number }[];
  starts: Float64Array;
  ends: Float64Array;
}

export const AXIS_HEIGHT = 30;
export const LANE_HEIGHT = 46;

/** The releases of each lane within the window, in date order. */
export function marksByLane(lanes: DrawnLane[], marks: TimelineMark[] | null, w: Window): TimelineMark[][] {
  return lanes.map((lane) => (marks ?? []).filter((m) => m.countries.includes(lane.country) && toMs(m.published) + DAY > w.from && toMs(m.published) < w.to).sort((a, b) => (a.published < b.published ? -1 : 1)));
}

/**
 * One SVG path per lane: a bar per period (its height the count, or the share of all releases of
 * the period, on one scale for every lane of the same kind, so that lanes compare), or, given the
 * marks, one tick per release.
 */
export function lanePaths(lanes: DrawnLane[], all: Map<string, number>, marks: TimelineMark[][] | null, w: Window, plot: number): string[] {
  const value = (lane: DrawnLane, b: { period: string; count: number }): number => (lane.share ? b.count / Math.max(1, all.get(b.period) ?? 0) : b.count);
  const inWindow = (lane: DrawnLane, i: number): boolean => lane.ends[i]! > w.from && lane.starts[i]! < w.to;
  const max = { count: 1, share: 0.0001 };
  if (!marks) {
    for (const lane of lanes) {
      const key = lane.share ? 'share' : 'count';
      lane.buckets.forEach((b, i) => {
        if (b.count && inWindow(lane, i)) max[key] = Math.max(max[key], value(lane, b));
      });
    }
  }
  return lanes.map((lane, i) => {
    const base = AXIS_HEIGHT + i * LANE_HEIGHT + LANE_HEIGHT - 6;
    const room = LANE_HEIGHT - 14;
    let d = '';
    if (marks) {
      for (const m of marks[i]!) {
        const x = xOf(toMs(m.published) + DAY / 2, w, plot);
        d += `M${(x - 1.5).toFixed(1)} ${base}V${base - room}H${(x + 1.5).toFixed(1)}V${base}Z`;
      }
      return d;
    }
    const top = lane.share ? max.share : max.count;
    for (let k = 0; k < lane.buckets.length; k++) {
      const b = lane.buckets[k]!;
      if (!b.count || !inWindow(lane, k)) continue;
      const xs = xOf(lane.starts[k]!, w, plot);
      const xe = xOf(lane.ends[k]!, w, plot);
      const x1 = Math.max(0, xs);
      const x2 = Math.min(plot, xe - (xe - xs > 3 ? 1 : 0));
      const h = Math.max(2, (value(lane, b) / top) * room);
      d += `M${x1.toFixed(1)} ${base}V${(base - h).toFixed(1)}H${Math.max(x1 + 1, x2).toFixed(1)}V${base}Z`;
    }
    return d;
  });
}

/** The outline of the keyboard cursor: around a release's mark, a period's bar, or the whole lane. */
export function cursorRect(cursor: { lane: number; period?: string; mark?: TimelineMark }, w: Window, plot: number): { x: number; y: number; w: number } {
  const y = AXIS_HEIGHT + cursor.lane * LANE_HEIGHT + 2;
  if (cursor.mark) return { x: xOf(toMs(cursor.mark.published) + DAY / 2, w, plot) - 4, y, w: 8 };
  if (cursor.period) {
    const [s, e] = boundsOfPeriod(cursor.period);
    const x = xOf(s, w, plot);
    return { x, y, w: Math.max(4, xOf(e, w, plot) - x) };
  }
  return { x: 0, y, w: plot };
}
