import { afterEach, describe, expect, it } from 'vitest';
import { periodOf, periodsBetween } from '../../archive/search/periods.js';
import { buildTimeline, type TimelineRelease } from '../../archive/search/timeline.js';

const zone = process.env['TZ'];
afterEach(() => {
  if (zone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zone;
});

describe('timeline periods', () => {
  it.each(['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Zurich', 'America/New_York'])('puts 31 December in its own year, quarter, month and day in %s', (tz) => {
    process.env['TZ'] = tz;
    expect(periodOf('2019-12-31', 'year')).toBe('2019');
    expect(periodOf('2019-12-31', 'quarter')).toBe('2019-Q4');
    expect(periodOf('2019-12-31', 'month')).toBe('2019-12');
    expect(periodOf('2019-12-31', 'day')).toBe('2019-12-31');
    // ISO weeks: 31 December 2019 is a Tuesday of the first week of 2020; 1 January 2021 a Friday of 2020's 53rd.
    expect(periodOf('2019-12-31', 'week')).toBe('2020-W01');
    expect(periodOf('2021-01-01', 'week')).toBe('2020-W53');
    expect(periodsBetween('2019-11-15', '2020-02-03', 'month')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
  });

  it('lists every period of the range, empty ones included', () => {
    expect(periodsBetween('2018-05-01', '2020-01-01', 'year')).toEqual(['2018', '2019', '2020']);
    expect(periodsBetween('2019-11-30', '2020-01-02', 'quarter')).toEqual(['2019-Q4', '2020-Q1']);
    expect(periodsBetween('2019-12-28', '2020-01-06', 'week')).toEqual(['2019-W52', '2020-W01', '2020-W02']);
  });
});

describe('timeline lanes', () => {
  const r = (id: string, published: string, countries: string[]): TimelineRelease => ({ id, title: id, published, language: 'en', countries, versions: [] });
  const releases = [r('a', '2019-12-31', ['GE', 'UA']), r('b', '2020-01-01', ['GE']), r('c', '2022-06-01', ['UA']), r('d', '2022-06-02', ['UA', 'MD'])];

  it('gives one lane per country on one axis, buckets that sum to the lane’s total, and the count of all releases', () => {
    const t = buildTimeline(releases, releases, { by: 'year', top: 12, releases: 0 });
    expect(t.range).toEqual({ from: '2019-12-31', to: '2022-06-02' });
    expect(t.lanes.map((l) => l.country)).toEqual(['UA', 'GE', 'MD']);
    for (const lane of t.lanes) {
      expect(lane.buckets.map((b) => b.period)).toEqual(['2019', '2020', '2021', '2022']);
      expect(lane.buckets.reduce((n, b) => n + b.count, 0)).toBe(lane.total);
    }
    expect(t.lanes[0]!.buckets.map((b) => b.count)).toEqual([1, 0, 0, 2]);
    expect(t.all.map((b) => b.count)).toEqual([1, 1, 0, 2]);
  });

  it('takes the lanes asked for, in their order, even an empty one; and the releases of a bounded range', () => {
    const t = buildTimeline(releases, releases, { by: 'month', from: '2022-01-01', to: '2022-12-31', lanes: ['MD', 'JP', 'UA'], top: 12, releases: 100 });
    expect(t.lanes.map((l) => [l.country, l.total])).toEqual([['MD', 1], ['JP', 0], ['UA', 2]]);
    expect(t.releases?.map((m) => m.id)).toEqual(['c', 'd']);
    expect(buildTimeline(releases, releases, { by: 'month', top: 12, releases: 3 }).releases).toBeNull();
  });
});
