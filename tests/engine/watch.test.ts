import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveEvent } from '../../archive/api/contract.js';
import { ArchiveService } from '../../archive/service.js';
import { freshDir } from '../support/archive-fixture.js';

const release = (title: string, body: string): string => `${title}\n\n  • 12 mai 2023\n\nBerne - ${body}\n`;

describe('watching the archive folders while the app runs', () => {
  it('indexes a new, a changed, a moved and a removed file within seconds, without walking the folders', async () => {
    const folder = freshDir('liaison-watched-');
    writeFileSync(join(folder, 'first.txt'), release('Accord avec la Norvège', 'La Suisse et la Norvège ont signé un accord.'));
    const service = await ArchiveService.open({ dataDir: freshDir(), folders: [folder] });
    const runs: string[] = [];
    service.events.on('event', (e: ArchiveEvent) => e.type === 'progress' && e.progress.phase === 'reading' && runs.push(`${e.progress.filesTotal}`));
    await service.startWatching();
    const total = async (q: string): Promise<number> => (await service.search({ query: q, limit: 0 })).total;
    expect(await total('Norvège')).toBe(1);

    writeFileSync(join(folder, 'second.txt'), release('Visite au Danemark', 'La conseillère fédérale s’est rendue au Danemark.'));
    await expect.poll(() => total('Danemark'), { timeout: 10_000, interval: 200 }).toBe(1);

    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'sub', 'third.txt'), release('Dialogue avec la Finlande', 'La Suisse et la Finlande ont tenu un dialogue.'));
    await expect.poll(() => total('Finlande'), { timeout: 10_000, interval: 200 }).toBe(1);

    writeFileSync(join(folder, 'first.txt'), release('Accord avec la Norvège', 'La Suisse et la Norvège ont signé un accord sur la pêche.'));
    await expect.poll(() => total('pêche'), { timeout: 10_000, interval: 200 }).toBe(1);

    renameSync(join(folder, 'second.txt'), join(folder, 'renamed.txt'));
    rmSync(join(folder, 'sub'), { recursive: true });
    await expect.poll(() => total('Finlande'), { timeout: 10_000, interval: 200 }).toBe(0);
    await expect.poll(async () => (await service.search({ query: 'Danemark', limit: 1 })).hits[0]?.path, { timeout: 10_000, interval: 200 }).toBe(join(folder, 'renamed.txt'));
    expect((await service.status()).documents).toBe(2);
    // Each change was read on its own: no run after the first looked at more than a couple of files.
    expect(runs.slice(1).every((n) => Number(n) <= 2)).toBe(true);
    service.stopWatching();
  });
});
