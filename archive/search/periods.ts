import type { TimelinePeriod } from '../api/types.js';

/**
 * Periods of a timeline, computed on the dates as written (YYYY-MM-DD, in UTC arithmetic), so that
 * a release dated 31 December lands in its year whatever the machine's time zone.
 */
const DAY = 86_400_000;
const utc = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(ms: number): { year: number; week: number } {
  const d = new Date(ms);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = ms + (3 - weekday) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return { year, week };
}

export function periodOf(date: string, by: TimelinePeriod): string {
  switch (by) {
    case 'year':
      return date.slice(0, 4);
    case 'quarter':
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    case 'month':
      return date.slice(0, 7);
    case 'week': {
      const { year, week } = isoWeek(utc(date));
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
    case 'day':
      return date.slice(0, 10);
  }
}

/** The first day of the period that holds `date`. */
export function periodStart(date: string, by: TimelinePeriod): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  switch (by) {
    case 'year':
      return `${y}-01-01`;
    case 'quarter':
      return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    case 'month':
      return `${date.slice(0, 7)}-01`;
    case 'week': {
      const ms = utc(date);
      return iso(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY);
    }
    case 'day':
      return date.slice(0, 10);
  }
}

/** The first day of the next period. */
export function nextPeriodStart(start: string, by: TimelinePeriod): string {
  const d = new Date(utc(start));
  if (by === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (by === 'quarter') d.setUTCMonth(d.getUTCMonth() + 3);
  else if (by === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (by === 'week' ? 7 : 1));
  return iso(d.getTime());
}

/** Every period from the one holding `from` to the one holding `to`, in order (at most `limit`). */
export function periodsBetween(from: string, to: string, by: TimelinePeriod, limit = 20_000): string[] {
  const out: string[] = [];
  for (let at = periodStart(from, by); at <= to && out.length < limit; at = nextPeriodStart(at, by)) out.push(periodOf(at, by));
  return out;
}
