import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../archive/ingest/decode.js';
import { LocalArchive } from '../../archive/local-archive.js';
import { parseQuery } from '../../archive/search/query.js';
import { ArchiveService } from '../../archive/service.js';
import { copyOfSamples, freshDir } from '../support/archive-fixture.js';
import { chSample, projectRoot } from '../support/fixtures.js';

const someFiles = ['fr/2008', 'fr/2009', 'fr/2010', 'fr/2011'].flatMap((d) => readdirSync(join(chSample, d)).map((f) => `${d}/${f}`)).slice(0, 12);

async function indexed(folder: string, dataDir = freshDir()): Promise<{ service: ArchiveService; dataDir: string }> {
  const service = await ArchiveService.open({ dataDir, folders: [folder] });
  await service.reindex({});
  return { service, dataDir };
}

function currentGeneration(dataDir: string): string {
  return join(dataDir, 'index', readFileSync(join(dataDir, 'index/CURRENT'), 'utf8').trim());
}

describe('the index on disk', () => {
  it('gives the same results for 200 queries after a restart', async () => {
    const { service, dataDir } = await indexed(join(chSample, 'fr'));
    const everything = await service.search({ query: '', limit: 500 });
    const words = [...new Set((await service.getRelease({ id: everything.hits[0]!.id })).text.split(/\s+/))];
    const vocabulary = everything.hits.flatMap((h) => h.title.split(/\s+/)).filter((w) => w.length > 4);
    const queries = [...new Set([...vocabulary, ...words])].slice(0, 190).concat(['"Conseil fédéral"', 'Suisse -Russie', 'armée OR défense', 'coop*', 'title:Suisse', 'Japon', 'Ukraine', 'États-Unis', 'sécurité', 'cyber*']);
    expect(queries.length).toBe(200);
    const before = await Promise.all(queries.map((q) => service.search({ query: q, limit: 10 })));
    const reopened = await ArchiveService.open({ dataDir });
    expect((await reopened.status()).notice).toBeNull();
    for (let i = 0; i < queries.length; i++) {
      const after = await reopened.search({ query: queries[i]!, limit: 10 });
      expect(after.total, queries[i]).toBe(before[i]!.total);
      expect(after.hits.map((h) => h.id), queries[i]).toEqual(before[i]!.hits.map((h) => h.id));
      // The countries, and those each release is about, come back from their stored text the same.
      expect(after.hits.map((h) => [h.countries, h.aboutCountries]), queries[i]).toEqual(before[i]!.hits.map((h) => [h.countries, h.aboutCountries]));
      expect(after.facets).toEqual(before[i]!.facets);
    }
  });

  it('re-indexes incrementally: unchanged files are only looked at, changed ones re-read, removed ones leave', async () => {
    const folder = copyOfSamples(someFiles, chSample);
    const { service } = await indexed(folder);
    const second = await service.reindex({});
    expect(second).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 12, documents: 12 });

    const first = readdirSync(folder).sort().find((f) => f.endsWith('.txt'));
    const secondFile = readdirSync(folder).sort().find((f) => f !== first);
    const original = decodeText(readFileSync(join(folder, first!))).text;
    writeFileSync(join(folder, first!), `${original}\n\nUn paragraphe ajouté sur la coopération avec la Norvège.\n`);
    unlinkSync(join(folder, secondFile!));
    writeFileSync(join(folder, 'nouveau.txt'), 'Accord avec la Norvège\n\n  • 02 févr. 2011 -\n\nBerne - La Suisse et la Norvège ont signé un accord.\n');
    const third = await service.reindex({});
    expect(third).toMatchObject({ added: 1, updated: 1, removed: 1, unchanged: 10, documents: 12 });
    expect((await service.search({ query: 'Norvège', limit: 0 })).total).toBe(2);

    // A file touched but not changed keeps its release.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(folder, 'nouveau.txt'), later, later);
    expect(await service.reindex({})).toMatchObject({ added: 0, updated: 0, unchanged: 12 });
  });

  it('appends a change to the stored texts instead of writing them all again, and compacts them when most are gone', async () => {
    const folder = copyOfSamples(someFiles, chSample);
    const { service, dataDir } = await indexed(folder);
    const detailsOf = (): { ino: number; size: number } => {
      const st = statSync(join(currentGeneration(dataDir), 'details.bin'));
      return { ino: st.ino, size: st.size };
    };
    const first = detailsOf();
    writeFileSync(join(folder, 'nouveau.txt'), 'Accord avec la Norvège\n\n  • 02 févr. 2011 -\n\nBerne - La Suisse et la Norvège ont signé un accord sur la pêche.\n');
    await service.reindex({});
    const second = detailsOf();
    // The same file, linked into the new generation, a record longer.
    expect(second.ino).toBe(first.ino);
    expect(second.size).toBeGreaterThan(first.size);
    const reopened = await ArchiveService.open({ dataDir });
    for (const h of (await reopened.search({ query: '', limit: 50 })).hits) expect((await reopened.getRelease({ id: h.id })).text.length).toBeGreaterThan(20);
    // Most releases gone: the texts are written anew, without theirs.
    for (const f of readdirSync(folder).slice(0, 10)) rmSync(join(folder, f));
    await reopened.reindex({});
    const third = detailsOf();
    expect(third.ino).not.toBe(first.ino);
    expect(third.size).toBeLessThan(first.size);
    expect((await (await ArchiveService.open({ dataDir })).search({ query: 'Norvège' })).total).toBe(1);
  });

  it('rebuilds, with a clear message, when the manifest is corrupted', async () => {
    const folder = copyOfSamples(someFiles, chSample);
    const { dataDir } = await indexed(folder);
    writeFileSync(join(currentGeneration(dataDir), 'manifest.json'), '{ "schema": 2, "app": "liai');
    const reopened = await ArchiveService.open({ dataDir });
    const status = await reopened.status();
    expect(status.notice).toMatch(/manifest is missing or unreadable.*rebuilt/);
    expect(status.documents).toBe(0);
    expect(status.folders).toEqual([folder]);
    const summary = await reopened.reindex({});
    expect(summary).toMatchObject({ added: 12, documents: 12 });
    expect((await reopened.status()).notice).toBeNull();
  });

  it('reports the last file read before it goes on to index (the bar reaches its end)', async () => {
    // Small files, read faster than progress is sent (ten times a second): the last one must still be.
    const folder = freshDir();
    for (let i = 1; i <= 30; i++) writeFileSync(join(folder, `note-${i}.txt`), `Note ${i} on Norway\n\nBerne, 2 February 2011 - A short note.\n`);
    const archive = await LocalArchive.open(freshDir());
    await archive.setFolders([folder]);
    const seen: { phase: string; done: number; total: number }[] = [];
    await archive.reindex({ onProgress: (p) => seen.push({ phase: p.phase, done: p.filesDone, total: p.filesTotal }) });
    const reading = seen.filter((p) => p.phase === 'reading');
    expect(reading.at(-1)).toEqual({ phase: 'reading', done: 30, total: 30 });
  });

  it('keeps removed releases\' postings, listed as removed, until they are a tenth of the archive, answering the same throughout', async () => {
    const folder = copyOfSamples(someFiles, chSample);
    for (let i = 1; i <= 20; i++) writeFileSync(join(folder, `note-${i}.txt`), `Note ${i}\n\nBerne, 2 février 2011 - La Suisse publie la note ${i}.\n`);
    const { service, dataDir } = await indexed(folder);
    const dictionary = (): { terms: string[]; deleted?: number[] } => JSON.parse(readFileSync(join(currentGeneration(dataDir), 'dictionary.json'), 'utf8'));
    const pages = readdirSync(folder).sort().filter((f) => readFileSync(join(folder, f), 'latin1').includes('</article>'));
    const change = (name: string, word: string): void => {
      const page = readFileSync(join(folder, name), 'utf8');
      writeFileSync(join(folder, name), page.replace('</article>', `<p>La Suisse salue les ${word} dans cette déclaration commune.</p></article>`));
    };
    const ids = async (s: ArchiveService, q: string): Promise<string[]> => (await s.search({ query: q, limit: 50 })).hits.map((h) => h.id).sort();

    // One file of 32 changed: its old version's postings stay, listed as removed.
    change(pages[0]!, 'Zanzibariques');
    await service.reindex({});
    expect(dictionary().deleted).toHaveLength(1);
    const suisse = await ids(service, 'Suisse');
    expect(await ids(service, 'Zanzibariques')).toHaveLength(1);
    let reopened = await ArchiveService.open({ dataDir });
    expect(await ids(reopened, 'Suisse')).toEqual(suisse);
    expect(await ids(reopened, 'Zanzibariques')).toEqual(await ids(service, 'Zanzibariques'));

    // The newest release removed, then the archive reopened: a file added takes a new number,
    // and is found rather than hidden as the removed one.
    unlinkSync(join(folder, pages[0]!));
    await reopened.reindex({});
    expect(dictionary().deleted).toHaveLength(2);
    reopened = await ArchiveService.open({ dataDir });
    expect(await ids(reopened, 'Zanzibariques')).toEqual([]);
    writeFileSync(join(folder, 'added.txt'), 'Accord avec la Norvège\n\nBerne, 2 février 2011 - La Suisse et la Norvège signent un accord sur les Quokkalandais.\n');
    await reopened.reindex({});
    expect(await ids(reopened, 'Quokkalandais')).toHaveLength(1);
    expect(await ids(await ArchiveService.open({ dataDir }), 'Quokkalandais')).toHaveLength(1);

    // Two more changes: four removed of 32 is over a tenth, so the lists are written without them.
    change(pages[1]!, 'Kiribatiens');
    change(pages[2]!, 'Kiribatiens');
    await reopened.reindex({});
    expect(dictionary().deleted).toEqual([]);
    reopened = await ArchiveService.open({ dataDir });
    expect(await ids(reopened, 'Kiribatiens')).toHaveLength(2);
    expect((await reopened.search({ query: 'Suisse', limit: 0 })).total).toBe(suisse.length);
  });

  it('rebuilds when a file is missing, damaged, or from another format version', async () => {
    const folder = copyOfSamples(someFiles, chSample);
    for (const damage of ['missing', 'damaged', 'truncated', 'version'] as const) {
      const { dataDir } = await indexed(folder);
      const gen = currentGeneration(dataDir);
      if (damage === 'missing') unlinkSync(join(gen, 'releases.jsonl'));
      if (damage === 'damaged') {
        const bytes = readFileSync(join(gen, 'dictionary.json'));
        bytes[10] = bytes[10]! ^ 1;
        writeFileSync(join(gen, 'dictionary.json'), bytes);
      }
      if (damage === 'truncated') appendFileSync(join(gen, 'postings.bin'), 'x');
      if (damage === 'version') {
        const m = JSON.parse(readFileSync(join(gen, 'manifest.json'), 'utf8'));
        writeFileSync(join(gen, 'manifest.json'), JSON.stringify({ ...m, schema: 0 }));
      }
      const reopened = await ArchiveService.open({ dataDir });
      const status = await reopened.status();
      expect(status.notice, damage).toMatch(damage === 'missing' ? /releases.jsonl is missing/ : damage === 'damaged' ? /dictionary.json is damaged/ : damage === 'truncated' ? /postings.bin is damaged/ : /format 0/);
      expect(status.documents).toBe(0);
      expect((await reopened.reindex({})).documents).toBe(12);
    }
  });

  it('leaves a usable index whenever indexing is killed, at 21 points of a run (a real child process)', { timeout: 240_000 }, async () => {
    const folder = copyOfSamples(someFiles, chSample);
    writeFileSync(join(folder, 'added.txt'), 'Accord avec la Norvège\n\n  • 02 févr. 2011 -\n\nBerne - La Suisse et la Norvège ont signé un accord.\n');
    const script = join(projectRoot, 'tests/support/index-and-die.ts');
    const run = (dataDir: string, killAt: string): ReturnType<typeof spawnSync> => spawnSync(process.execPath, ['--import', 'tsx', script, dataDir, folder, killAt], { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
    let survived = 0;

    // Killed while reading the 13 files of a first run, after each one: nothing stored yet, nothing broken.
    for (let n = 1; n <= 13; n++) {
      const dataDir = freshDir();
      expect(run(dataDir, `read:${n}`).signal, `read:${n}`).toBe('SIGKILL');
      const archive = await LocalArchive.open(dataDir);
      expect(archive.notice, `read:${n}`).toBeNull();
      expect(archive.index.size, `read:${n}`).toBe(0);
      survived++;
    }

    // Killed at each step of saving a change: the previous generation or the new one, whole.
    const dataDir = freshDir();
    rmSync(join(folder, 'added.txt'));
    expect(run(dataDir, 'never').stdout).toContain('finished');
    expect((await LocalArchive.open(dataDir)).index.size).toBe(12);
    writeFileSync(join(folder, 'added.txt'), 'Accord avec la Norvège\n\n  • 02 févr. 2011 -\n\nBerne - La Suisse et la Norvège ont signé un accord.\n');
    for (const killAt of ['phase:saving', 'releases.jsonl', 'details.bin', 'postings.bin', 'dictionary.json', 'state.json', 'manifest.json', 'CURRENT']) {
      const result = run(dataDir, killAt);
      expect(result.signal, killAt).toBe('SIGKILL');
      const archive = await LocalArchive.open(dataDir);
      expect(archive.notice, killAt).toBeNull();
      expect(archive.index.search({ query: 'Suisse' }, parseQuery('Suisse')).total, killAt).toBeGreaterThan(0);
      if (killAt === 'CURRENT') expect(archive.index.size).toBe(13);
      else expect(archive.index.size, killAt).toBe(12);
      // Half-written generations are gone once the index is open again.
      expect(readdirSync(join(dataDir, 'index')).filter((n) => n.startsWith('gen-')).length, killAt).toBe(1);
      survived++;
    }
    expect(survived).toBeGreaterThanOrEqual(21);
    rmSync(folder, { recursive: true, force: true });
  });
});
