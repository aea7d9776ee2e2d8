import { describe, expect, it } from 'vitest';
import { measureQuality } from '../../archive/cli/bench-quality.js';
import { fixtures } from '../support/fixtures.js';

describe('how well the samples are understood (the figures `npm run bench -- quality` prints)', async () => {
  const q = await measureQuality(fixtures, false);

  it('dates every release of the three samples exactly', () => {
    for (const [sample, d] of Object.entries(q.dates)) expect(d.exact, sample).toBe(d.of);
  });

  it('links EN/FR versions with no wrong link, and nearly all true ones', () => {
    for (const [sample, p] of Object.entries(q.pairs)) {
      expect(p.correct, sample).toBe(p.found);
      expect(p.correct / p.truePairs, sample).toBeGreaterThanOrEqual(0.97);
    }
    expect(q.pairs['mixed-sample']).toMatchObject({ truePairs: 93, correct: 93 });
  });

  it('says a release is about a country with ≥ 85 % precision on the hand-checked tags, keeping ≥ 95 % of the right ones', () => {
    expect(q.about.right / q.about.stillAbout).toBeGreaterThanOrEqual(0.85);
    expect(q.about.keptYes / q.about.judgedYes).toBeGreaterThanOrEqual(0.95);
  });

  it('names the speaker of every hand-checked quote exactly', () => {
    expect(q.speakers.missing).toBe(0);
    expect(q.speakers.exact / q.speakers.of).toBeGreaterThanOrEqual(0.95);
  });
});
