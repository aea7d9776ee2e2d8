import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../archive/api/errors.js';
import { terms } from '../../archive/search/tokens.js';
import { ArchiveService } from '../../archive/service.js';
import { GenerationStore, SaveError } from '../../archive/store/generations.js';
import { freshDir, indexedService } from '../support/archive-fixture.js';
import { chSample, projectRoot } from '../support/fixtures.js';

const folder = join(chSample, 'fr');

function currentGeneration(dataDir: string): string {
  return join(dataDir, 'index', readFileSync(join(dataDir, 'index/CURRENT'), 'utf8').trim());
}

/** Every release, its text and a few searches: what a desk officer would notice if the index were wrong. */
async function readEverything(service: ArchiveService): Promise<string> {
  const all = await service.search({ query: '', limit: 500 });
  const texts = [];
  for (const h of all.hits) texts.push((await service.getRelease({ id: h.id })).text.length);
  const searches = [];
  for (const q of ['Suisse', 'Japon', '"Conseil fédéral"', 'coop*', 'sécurité -Russie']) searches.push((await service.search({ query: q, limit: 50 })).hits.map((h) => h.id).join());
  return JSON.stringify({ total: all.total, texts, searches });
}

describe('a damaged or unsaved index', () => {
  it('detects a flipped byte in each file of the stored index: the same answers, or a clear rebuild', { timeout: 180_000 }, async () => {
    const { service, dataDir } = await indexedService([folder]);
    const truth = await readEverything(service);
    const files = [...readdirSync(currentGeneration(dataDir)), '../CURRENT'];
    const outcomes: string[] = [];
    for (const file of files) {
      const { dataDir: copy } = await indexedService([folder]);
      const path = join(currentGeneration(copy), file);
      const bytes = readFileSync(path);
      // In postings.bin, a byte of a term the searches read (each record is checked when it is read).
      const dictionary = JSON.parse(readFileSync(join(currentGeneration(copy), 'dictionary.json'), 'utf8')) as { terms: string[]; at: [number, number][] };
      const record = dictionary.at[dictionary.terms.indexOf(terms('Conseil').fr[0]!)]!;
      const at = file === 'postings.bin' ? record[0] + Math.floor(record[1] / 2) : Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x20;
      writeFileSync(path, bytes);
      const reopened = await ArchiveService.open({ dataDir: copy });
      const notice = (await reopened.status()).notice;
      if (notice) {
        // Refused on opening: said, and rebuilt from the folders.
        expect(notice, file).toMatch(/could not be used.*rebuilt/);
        await reopened.reindex({});
        expect(await readEverything(reopened), file).toBe(truth);
        outcomes.push(`${file}: refused on opening`);
        continue;
      }
      try {
        expect(await readEverything(reopened), file).toBe(truth);
        outcomes.push(`${file}: no difference`);
      } catch (err) {
        // Found while answering: the request says so, and the index is rebuilt.
        expect(err, file).toBeInstanceOf(ApiError);
        expect((err as ApiError).message, file).toMatch(/damaged.*being rebuilt/);
        await expect.poll(async () => (await reopened.status()).indexing === null && (await reopened.status()).documents > 0, { timeout: 60_000 }).toBe(true);
        expect(await readEverything(reopened), file).toBe(truth);
        outcomes.push(`${file}: found while answering`);
      }
    }
    // Every file is covered by a check: no flip went unnoticed.
    expect(outcomes.filter((o) => o.endsWith('no difference'))).toEqual([]);
    expect(outcomes.length).toBe(files.length);
    console.log(`corruptions: ${outcomes.join('; ')}`);
  });

  it('keeps the previous index, says so in one sentence and leaves nothing half-written when the disk is full', async () => {
    const root = join(freshDir(), 'index');
    const store = new GenerationStore(root);
    await store.save(new Map([['state.json', '{}']]), {}, {});
    let writes = 0;
    const full = new GenerationStore(root, async (path, data) => {
      if (++writes === 2) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      writeFileSync(path, data);
    });
    const files = new Map<string, string | Uint8Array>([['releases.jsonl', 'x'.repeat(1000)], ['details.bin', new Uint8Array(10)]]);
    const error = await full.save(files, {}, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SaveError);
    expect((error as Error).message).toMatch(/^The disk holding Liaison's data folder \(.*\) is full, so the index could not be saved; the previous index is kept\./);
    expect(readdirSync(root).filter((n) => n.startsWith('gen-'))).toEqual(['gen-1']);
    expect(await store.load({})).not.toBeNull();
  });

  it('stops a run within a second when cancelled, keeping the stored index as it was', { timeout: 120_000 }, async () => {
    const { service } = await indexedService([join(chSample, 'en', '2007')]);
    const before = (await service.status()).documents;
    await service.addFolder({ path: chSample });
    const run = service.reindex({});
    await expect.poll(async () => (await service.status()).indexing?.filesDone ?? 0, { timeout: 60_000, interval: 50 }).toBeGreaterThan(5);
    const asked = Date.now();
    await service.cancelIndexing();
    const summary = await run;
    expect(Date.now() - asked).toBeLessThan(1000);
    expect(summary.cancelled).toBe(true);
    const dataDir = (service as unknown as { options: { dataDir: string } }).options.dataDir;
    expect((await (await ArchiveService.open({ dataDir })).status()).documents).toBe(before);
  });

  it('stops `liaison index` cleanly on SIGTERM and on Ctrl-C (SIGINT)', { timeout: 120_000 }, async () => {
    // Eight copies of the Swiss sample: a run of some seconds.
    const big = freshDir('liaison-big-');
    for (let i = 0; i < 8; i++) cpSync(chSample, join(big, `copy-${i}`), { recursive: true });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const dataDir = freshDir();
      const child = spawn(process.execPath, [join(projectRoot, 'bin/liaison.mjs'), 'index', big, '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      await expect.poll(() => /reading \d+\/\d+/.test(err), { timeout: 60_000, interval: 20 }).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
      const sent = Date.now();
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(Date.now() - sent, signal).toBeLessThan(1500);
      expect(code, signal).toBe(130);
      expect(err, signal).toMatch(/Indexing was stopped; the stored index is as it was/);
    }
  });
});
