import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ReaderPool } from '../../archive/ingest/pool.js';
import { seedFile } from '../support/fixtures.js';

describe('reading in worker threads', () => {
  it('reads releases in worker threads, off the main thread', async () => {
    const pool = new ReaderPool(2);
    const results = await Promise.all([1, 2, 3, 4].map((seq) => pool.read({ seq, path: seedFile, size: 0, mtimeMs: 0 })));
    await pool.close();
    for (const result of results) {
      expect(result).toMatchObject({ ok: true, release: { language: 'fr', published: '2019-10-09' } });
      // threadId 0 is the main thread: a pool that fell back to reading here would fail this.
      expect(result.ok && result.threadId).toBeGreaterThan(0);
    }
    expect(results.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });

  it('still reads every file when its workers cannot start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-worker-'));
    const broken = join(dir, 'broken-worker.mjs');
    writeFileSync(broken, 'throw new Error("this worker cannot start");\n');
    const pool = new ReaderPool(2, pathToFileURL(broken));
    const results = await Promise.all([1, 2, 3].map((seq) => pool.read({ seq, path: seedFile, size: 0, mtimeMs: 0 })));
    await pool.close();
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(results.map((r) => r.ok && r.threadId)).toEqual([0, 0, 0]);
  });

  it('stops its readers when there is nothing to read, and starts them again for the next file', async () => {
    const pool = new ReaderPool(2, undefined, 200);
    expect(pool.running).toBe(0);
    expect(await pool.read({ seq: 1, path: seedFile, size: 0, mtimeMs: 0 })).toMatchObject({ ok: true });
    expect(pool.running).toBe(2);
    await new Promise((r) => setTimeout(r, 600));
    expect(pool.running).toBe(0);
    const again = await pool.read({ seq: 2, path: seedFile, size: 0, mtimeMs: 0 });
    expect(again.ok && again.threadId).toBeGreaterThan(0);
    await pool.close();
  });
});
