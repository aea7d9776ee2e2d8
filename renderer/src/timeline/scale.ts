import type { TimelinePeriod } from '../../../archive/api/types.js';

/**
 * The timeline's time axis, pure and in UTC (dates are calendar days, not instants): a window of
 * days mapped onto pixels, the period size that suits a window, and the ticks to label.
 */
export const DAY = 86_400_000;
export const toMs = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10) || '1'));
export const toDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export interface Window {
  from: number;
  to: number;
}

const PERIOD_DAYS: [TimelinePeriod, number][] = [
  ['day', 1],
  ['week', 7],
  ['month', 30.44],
  ['quarter', 91.3],
  ['year', 365.25],
];
/** No more bars than this across the window: each stays wide enough to point at. */
const MAX_BARS = 160;
/** A window this short or shorter shows one mark per release instead of bars. */
export const MARKS_SPAN_DAYS = 400;

export function periodFor(w: Window): TimelinePeriod {
  const days = (w.to - w.from) / DAY;
  return PERIOD_DAYS.find(([, d]) => days / d <= MAX_BARS)?.[0] ?? 'year';
}

export const showsMarks = (w: Window): boolean => (w.to - w.from) / DAY <= MARKS_SPAN_DAYS;

export function xOf(ms: number, w: Window, width: number): number {
  return ((ms - w.from) / (w.to - w.from)) * width;
}

export function msAt(x: number, w: Window, width: number): number {
  return w.from + (x / width) * (w.to - w.from);
}

/** The window zoomed by `factor` (< 1 zooms in) around `at`, kept within a day and a century. */
export function zoom(w: Window, factor: number, at = (w.from + w.to) / 2): Window {
  const span = Math.min(100 * 365.25 * DAY, Math.max(14 * DAY, (w.to - w.from) * factor));
  const left = (at - w.from) / (w.to - w.from);
  return { from: at - span * left, to: at - span * left + span };
}

export function pan(w: Window, fraction: number): Window {
  const d = (w.to - w.from) * fraction;
  return { from: w.from + d, to: w.to + d };
}

/** The start of the period that holds `ms`, and of the next one. */
export function periodBounds(ms: number, by: TimelinePeriod): [number, number] {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (by) {
    case 'year':
      return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
    case 'quarter':
      return [Date.UTC(y, m - (m % 3), 1), Date.UTC(y, m - (m % 3) + 3, 1)];
    case 'month':
      return [Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1)];
    case 'week': {
      const start = Date.UTC(y, m, d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
      return [start, start + 7 * DAY];
    }
    case 'day': {
      const start = Date.UTC(y, m, d.getUTCDate());
      return [start, start + DAY];
    }
  }
}

/** Where a period key (2019, 2019-Q3, 2019-07, 2019-W27, 2019-07-03) starts and ends. */
export function boundsOfPeriod(period: string): [number, number] {
  const y = Number(period.slice(0, 4));
  let m: RegExpExecArray | null;
  if (/^\d{4}$/.test(period)) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if ((m = /^\d{4}-Q(\d)$/.exec(period))) return [Date.UTC(y, (Number(m[1]) - 1) * 3, 1), Date.UTC(y, Number(m[1]) * 3, 1)];
  if ((m = /^\d{4}-W(\d{2})$/.exec(period))) {
    // Week 1 holds 4 January; weeks start on Monday.
    const jan4 = Date.UTC(y, 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
    const start = monday + (Number(m[1]) - 1) * 7 * DAY;
    return [start, start + 7 * DAY];
  }
  if (/^\d{4}-\d{2}$/.test(period)) return [Date.UTC(y, Number(period.slice(5, 7)) - 1, 1), Date.UTC(y, Number(period.slice(5, 7)), 1)];
  const start = toMs(period);
  return [start, start + DAY];
}

export interface Tick {
  ms: number;
  label: string;
  major: boolean;
}

/** Axis labels that suit the window: years, months or days, in the UI's language. */
export function ticks(w: Window, width: number, locale: string): Tick[] {
  const days = (w.to - w.from) / DAY;
  const room = Math.max(2, Math.floor(width / 70));
  const out: Tick[] = [];
  const fmt = (opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' });
  const start = new Date(w.from);
  if (days > 3 * 365) {
    const years = days / 365.25;
    const step = [1, 2, 5, 10, 20, 25, 50].find((s) => years / s <= room) ?? 100;
    for (let y = Math.ceil(start.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) <= w.to; y += step) if (Date.UTC(y, 0, 1) >= w.from) out.push({ ms: Date.UTC(y, 0, 1), label: String(y), major: true });
  } else if (days > 75) {
    const months = days / 30.44;
    const step = [1, 2, 3, 6].find((s) => months / s <= room) ?? 12;
    const month = fmt({ month: 'short' });
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1); t <= w.to; ) {
      const d = new Date(t);
      if (t >= w.from && d.getUTCMonth() % step === 0) out.push({ ms: t, label: d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : month.format(d), major: d.getUTCMonth() === 0 });
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
  } else {
    const step = [1, 2, 7, 14].find((s) => days / s <= room) ?? 28;
    const day = fmt({ day: 'numeric', month: 'short' });
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t <= w.to; t += DAY) {
      if (t < w.from) continue;
      const d = new Date(t);
      const monthStart = d.getUTCDate() === 1;
      // Every day or every other day; for longer windows, Mondays (every other one for the longest).
      const shown = step <= 2 ? (d.getUTCDate() - 1) % step === 0 : d.getUTCDay() === 1 && (step === 7 || Math.floor(t / (7 * DAY)) % 2 === 0);
      if (shown || monthStart) out.push({ ms: t, label: day.format(d), major: monthStart });
    }
  }
  return out;
}

/** A period's name for people, in the UI's language (2019, T3 2019, juillet 2019, semaine du 1 juil. 2019, 3 juil. 2019). */
export function periodLabel(period: string, locale: string, words: { quarter: (q: number, y: number) => string; weekOf: (d: string) => string }): string {
  const [start] = boundsOfPeriod(period);
  const d = new Date(start);
  const fmt = (opts: Intl.DateTimeFormatOptions): string => new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' }).format(d);
  if (/^\d{4}$/.test(period)) return period;
  const q = /^(\d{4})-Q(\d)$/.exec(period);
  if (q) return words.quarter(Number(q[2]), Number(q[1]));
  if (/-W\d{2}$/.test(period)) return words.weekOf(fmt({ day: 'numeric', month: 'short', year: 'numeric' }));
  if (/^\d{4}-\d{2}$/.test(period)) return fmt({ month: 'long', year: 'numeric' });
  return fmt({ day: 'numeric', month: 'long', year: 'numeric' });
}
