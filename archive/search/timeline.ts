import type { TimelineLane, TimelineMark, TimelinePeriod, TimelineResult } from '../api/types.js';
import { periodOf, periodsBetween } from './periods.js';

/** What the timeline reads of each release shown (one per English/French pair): what it shows as a mark. */
export type TimelineRelease = TimelineMark;

export interface TimelineOptions {
  by: TimelinePeriod;
  from?: string;
  to?: string;
  lanes?: string[];
  top: number;
  releases: number;
}

/**
 * Counts per country per period over the releases of a search (already filtered, a pair once):
 * one lane per country on one shared axis, empty periods included, and the count of all releases
 * per period so that a lane can be shown as a share of them.
 */
export function buildTimeline(releases: TimelineRelease[], everything: TimelineRelease[], options: TimelineOptions): TimelineResult {
  const dated = releases.filter((r) => r.published);
  const dates = dated.map((r) => r.published).sort();
  const from = options.from ?? dates[0];
  const to = options.to ?? dates.at(-1);
  if (!from || !to) return { by: options.by, range: null, total: 0, all: [], lanes: [], releases: options.releases ? [] : null };
  const periods = periodsBetween(from, to, options.by);
  const slot = new Map(periods.map((p, i) => [p, i]));
  const inRange = dated.filter((r) => r.published >= from && r.published <= to);

  const counts = new Map<string, Int32Array>();
  const totals = new Map<string, number>();
  for (const r of inRange) {
    const i = slot.get(periodOf(r.published, options.by));
    if (i === undefined) continue;
    for (const code of r.countries) {
      let lane = counts.get(code);
      if (!lane) counts.set(code, (lane = new Int32Array(periods.length)));
      lane[i]!++;
      totals.set(code, (totals.get(code) ?? 0) + 1);
    }
  }
  const all = new Int32Array(periods.length);
  for (const r of everything) {
    if (!r.published || r.published < from || r.published > to) continue;
    const i = slot.get(periodOf(r.published, options.by));
    if (i !== undefined) all[i]!++;
  }
  const chosen = options.lanes?.length ? options.lanes : [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, options.top).map(([code]) => code);
  const lanes: TimelineLane[] = chosen.map((country) => {
    const lane = counts.get(country);
    return { country, total: totals.get(country) ?? 0, buckets: periods.map((period, i) => ({ period, count: lane?.[i] ?? 0 })) };
  });
  const marks: TimelineMark[] | null = options.releases > 0 && inRange.length <= options.releases ? inRange : null;
  return { by: options.by, range: { from, to }, total: inRange.length, all: periods.map((period, i) => ({ period, count: all[i]! })), lanes, releases: marks };
}
