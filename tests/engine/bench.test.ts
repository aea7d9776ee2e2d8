import { describe, expect, it } from 'vitest';
import { measureScale } from '../../archive/cli/bench-scale.js';
import { QUERY_KINDS } from '../../archive/cli/bench-queries.js';

// The benchmark on a tiny generated archive, so that it cannot rot: every figure of the table is
// measured and plausible (the figures themselves are for `npm run bench`, not for a test).
describe('the benchmark (npm run bench)', () => {
  it('measures every phase of the table on a tiny archive', { timeout: 180_000 }, async () => {
    const lines: string[] = [];
    const f = await measureScale(['--docs', '24', '--runs', '1', '--queries', '5'], (l) => lines.push(l));
    expect(f.files).toBe(24);
    expect(f.floor.seconds).toBeGreaterThan(0);
    expect(Object.keys(f.cold).map(Number)).toContain(1);
    for (const c of Object.values(f.cold)) {
      expect(c.releases + c.failed).toBe(24);
      expect(c.failed).toBe(0);
      expect(c.profile.parse).toBeGreaterThan(0);
    }
    // Recoll is compared where it is installed, and said missing where it is not.
    expect(f.recoll.seconds !== null || /recollindex is not installed|recoll/i.test(f.recoll.message ?? '')).toBe(true);
    expect(f.noChange).toBeGreaterThan(0);
    expect(f.onePercent.files).toBeGreaterThan(0);
    expect(f.openApp.seconds).toBeGreaterThan(0);
    expect(f.cliSearch.seconds).toBeGreaterThan(0);
    expect(f.cliInspect.seconds).toBeGreaterThan(0);
    expect(f.cliSearch.peakRss).toBeGreaterThan(10 * 1048576);
    expect(Object.keys(f.queries).sort()).toEqual([...QUERY_KINDS].sort());
    for (const q of Object.values(f.queries)) {
      expect(q.count).toBe(5);
      expect(q.p50).toBeLessThanOrEqual(q.p99);
    }
    // Queries are made of the archive's own words: one-word queries find something.
    expect(f.queries['one word']!.found).toBe(5);
    expect(lines.some((l) => l.startsWith('cold index'))).toBe(true);
  });
});
