import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexSummary, SearchResult } from '../../archive/api/types.js';
import { ArchiveService } from '../../archive/service.js';
import { SCHEMA_VERSION } from '../../archive/team/schema.js';
import { TeamService } from '../../archive/team/service.js';
import { startWebServer, type WebServer } from '../../archive/transport/http.js';
import { REGISTRAR_METHODS } from '../../archive/team/service.js';
import { addToken, revokeToken, roleOf } from '../../archive/team/tokens.js';
import { freshDir, indexedSamples } from '../support/archive-fixture.js';
import { chSample, fixtures, projectRoot, seedFolder, whSample } from '../support/fixtures.js';
import { startCluster, type Cluster } from '../../archive/team/cluster.js';

/**
 * The team archive on a throwaway PostgreSQL cluster: ingest by the command line, the contract's
 * reading calls, agreement with the desktop engine on the fixed list of queries, tokens and
 * roles over HTTP, an indexer killed mid-run, two indexers at once, a schema from the future.
 */
let cluster: Cluster;
let url: string;
let team: TeamService;
/** The team archive served on a given port again (as after a restart). */
const startWebServerOn = (service: TeamService, port: number): Promise<WebServer> =>
  startWebServer(service, { port, staticDir: freshDir('liaison-static-'), authorize: async (token) => ((await roleOf(service.db, token)) ? 'ok' : 'unauthenticated') });
const cli = (args: string[], timeout = 300_000) => spawnSync(process.execPath, [join(projectRoot, 'bin/liaison.mjs'), ...args], { encoding: 'utf8', timeout, maxBuffer: 1 << 26 });

beforeAll(async () => {
  cluster = await startCluster();
  url = await cluster.database('team');
}, 120_000);
afterAll(async () => {
  await team?.close();
  cluster?.stop();
});

describe('a team archive on PostgreSQL', () => {
  it('is indexed by `liaison index --db`, incrementally', { timeout: 300_000 }, () => {
    const first = cli(['index', chSample, whSample, seedFolder, '--db', url, '--json']);
    expect(first.status, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout.trim().split('\n').pop()!) as IndexSummary;
    expect(summary.documents).toBe(533);
    expect(summary.failed.map((f) => relative(fixtures, f.path))).toEqual(['ch-sample/truth.tsv', 'wh-sample/LICENSE', 'wh-sample/truth.tsv']);
    const again = JSON.parse(cli(['index', chSample, whSample, seedFolder, '--db', url, '--json']).stdout.trim().split('\n').pop()!) as IndexSummary;
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, documents: 533 });
  });

  it('answers the contract\'s reading calls with the same JSON shapes as a local archive', { timeout: 120_000 }, async () => {
    team = await TeamService.connect(url);
    const status = await team.status();
    expect(status).toMatchObject({ documents: 533, failures: 3, notice: null, demoAvailable: false });
    expect(status.languages).toEqual(['de', 'en', 'fr']);
    const result = await team.search({ query: 'Japon', countries: ['JP'], from: '2010-01-01', limit: 5 });
    expect(result.total).toBeGreaterThan(5);
    expect(result.hits).toHaveLength(5);
    for (const h of result.hits) {
      expect(h.aboutCountries).toContain('JP');
      expect(h.published! >= '2010-01-01').toBe(true);
      expect(h.snippet.highlights.length).toBeGreaterThan(0);
    }
    expect(result.facets.countries['JP']).toBe(result.total);
    expect(Object.keys(result.facets.languages).sort()).toEqual(['en', 'fr']);
    const view = await team.getRelease({ id: result.hits[0]!.id, query: 'Japon' });
    expect(view.paragraphs.length).toBeGreaterThan(0);
    expect(view.highlights.length).toBeGreaterThan(0);
    expect(view.summary.length).toBeGreaterThan(20);
    const timeline = await team.timeline({ query: 'Ukraine', by: 'year', top: 3 });
    expect(timeline.lanes.length).toBe(3);
    expect(timeline.lanes[0]!.total).toBeGreaterThan(0);
    const desk = await (await indexedSamples()).service.timeline({ query: 'Ukraine', by: 'year', top: 3 });
    expect(timeline.lanes.map((l) => [l.country, l.total])).toEqual(desk.lanes.map((l) => [l.country, l.total]));
    expect((await team.failures()).map((f) => relative(fixtures, f.path))).toEqual(['ch-sample/truth.tsv', 'wh-sample/LICENSE', 'wh-sample/truth.tsv']);
    await expect(team.getRelease({ id: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(team.saveBriefing()).rejects.toMatchObject({ code: 'unavailable' });
    // The command line answers from it with the same JSON as from a local archive.
    const printed = JSON.parse(cli(['search', 'Japon', '--db', url, '--country', 'JP', '--from', '2010-01-01', '--limit', '5', '--json']).stdout) as SearchResult;
    expect(printed.hits.map((h) => h.id)).toEqual(result.hits.map((h) => h.id));
  });

  it('finds the same releases as the desktop engine for the fixed list of queries', { timeout: 180_000 }, async () => {
    const snapshot = JSON.parse(readFileSync(join(fixtures, 'truth', 'query-snapshot.json'), 'utf8')) as Record<string, unknown>;
    const { service } = await indexedSamples();
    let sameTotal = 0;
    let sameFirst = 0;
    const differences: string[] = [];
    for (const query of Object.keys(snapshot)) {
      const desk = await service.search({ query, limit: 1 });
      const remote = await team.search({ query, limit: 1 });
      if (desk.total === remote.total) sameTotal++;
      if (desk.hits[0]?.path === remote.hits[0]?.path) sameFirst++;
      if (desk.total !== remote.total || desk.hits[0]?.path !== remote.hits[0]?.path) differences.push(`${query}: ${desk.total} / ${remote.total}, first ${desk.hits[0]?.path === remote.hits[0]?.path ? 'same' : 'differs'}`);
    }
    console.log(`team vs desktop over ${Object.keys(snapshot).length} queries: same total ${sameTotal}, same first hit ${sameFirst}\n${differences.join('\n')}`);
    expect(sameTotal / Object.keys(snapshot).length).toBeGreaterThanOrEqual(0.95);
    expect(sameFirst / Object.keys(snapshot).length).toBeGreaterThanOrEqual(0.95);
  });

  it('checks every request\'s token: nothing without one, a reader cannot index', { timeout: 60_000 }, async () => {
    const reader = await addToken(team.db, 'ana', 'reader');
    const registrar = await addToken(team.db, 'registry', 'registrar');
    expect(await roleOf(team.db, reader)).toBe('reader');
    const stored = (await team.db.query<{ hash: string }>('SELECT hash FROM tokens')).rows.map((r) => r.hash);
    expect(stored).not.toContain(reader);
    const web: WebServer = await startWebServer(team, {
      staticDir: freshDir('liaison-static-'),
      authorize: async (token, method) => {
        const role = await roleOf(team.db, token);
        if (!role) return 'unauthenticated';
        return REGISTRAR_METHODS.has(method) && role !== 'registrar' ? 'forbidden' : 'ok';
      },
    });
    const call = async (method: string, token: string | null, body: unknown = {}) => {
      const res = await fetch(`http://127.0.0.1:${web.port}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Liaison-Token': token } : {}) }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string } } };
    };
    try {
      expect((await call('search', null, { query: 'Japon' })).status).toBe(401);
      expect((await call('search', 'lia_made-up', { query: 'Japon' })).status).toBe(401);
      expect((await call('search', reader, { query: 'Japon' })).body.ok).toBe(true);
      expect(await call('cancelIndexing', reader)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      expect((await call('cancelIndexing', registrar)).body.ok).toBe(true);
      await revokeToken(team.db, 'ana');
      expect((await call('search', reader, { query: 'Japon' })).status).toBe(401);
    } finally {
      await web.close();
    }
  });

  it('is searched from a desktop connected to it, beside its own archive', { timeout: 120_000 }, async () => {
    const serveTeam = (): Promise<WebServer> =>
      startWebServer(team, {
        staticDir: freshDir('liaison-static-'),
        authorize: async (token) => ((await roleOf(team.db, token)) ? 'ok' : 'unauthenticated'),
      });
    let web = await serveTeam();
    const address = (): string => `http://127.0.0.1:${web.port}`;
    const token = await addToken(team.db, 'desk', 'reader');
    const dataDir = freshDir('liaison-desk-');
    const desk = await ArchiveService.open({ dataDir, folders: [seedFolder] });
    await desk.reindex({});
    try {
      // The address and the token are checked by asking the team archive before they are kept.
      await expect(desk.connectTeam({ url: 'ftp://example.org', token })).rejects.toMatchObject({ code: 'bad-request' });
      await expect(desk.connectTeam({ url: 'http://ana:secret@127.0.0.1/', token })).rejects.toThrow('Leave names and passwords out');
      await expect(desk.connectTeam({ url: address(), token: 'lia_not-the-right-one' })).rejects.toThrow('does not know this token');
      expect((await desk.status()).team).toBeNull();
      const status = await desk.connectTeam({ url: `${address()}/`, token });
      expect(status.team).toMatchObject({ url: address(), reachable: true, documents: 533, error: null });
      expect(statSync(join(dataDir, 'team.json')).mode & 0o777).toBe(0o600);

      // The same request, answered by either archive as chosen.
      const local = await desk.search({ query: 'Japon', limit: 5 });
      const remote = await desk.search({ query: 'Japon', limit: 5, source: 'team' });
      expect(remote).toEqual({ ...(await team.search({ query: 'Japon', limit: 5 })), tookMs: remote.tookMs });
      expect(remote.total).toBeGreaterThan(local.total);
      const view = await desk.getRelease({ id: remote.hits[0]!.id, query: 'Japon', source: 'team' });
      expect(view.highlights.length).toBeGreaterThan(0);
      await expect(desk.getRelease({ id: remote.hits[0]!.id })).rejects.toMatchObject({ code: 'not-found' });
      const lanes = await desk.timeline({ query: 'Ukraine', top: 3, source: 'team' });
      expect(lanes.lanes.map((l) => l.country)).toEqual((await team.timeline({ query: 'Ukraine', top: 3 })).lanes.map((l) => l.country));

      // Kept across restarts.
      const reopened = await ArchiveService.open({ dataDir });
      expect((await reopened.search({ query: 'Japon', limit: 1, source: 'team' })).total).toBe(remote.total);

      // The server gone: one sentence, and this computer's archive answers as before.
      await web.close();
      await expect(desk.search({ query: 'Japon', source: 'team' })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('cannot be reached') });
      expect((await desk.status()).team).toMatchObject({ reachable: false, error: expect.stringContaining('keeps working') });
      expect((await desk.search({ query: 'Japon', limit: 5 })).total).toBe(local.total);
      // Back: the next call reaches it again.
      web = await startWebServerOn(team, web.port);
      expect((await desk.search({ query: 'Japon', limit: 1, source: 'team' })).total).toBe(remote.total);
      expect((await desk.status()).team).toMatchObject({ reachable: true, error: null });

      expect((await desk.disconnectTeam({})).team).toBeNull();
      expect(existsSync(join(dataDir, 'team.json'))).toBe(false);
      await expect(desk.search({ query: 'Japon', source: 'team' })).rejects.toThrow('No team archive is connected');
    } finally {
      await web.close();
      await revokeToken(team.db, 'desk');
    }
  });

  it('keeps whole batches when an indexer is killed, and lets a second indexer wait for the first', { timeout: 300_000 }, async () => {
    const fresh = await cluster.database('killed');
    const child = spawn(process.execPath, [join(projectRoot, 'bin/liaison.mjs'), 'index', chSample, whSample, '--db', fresh], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await expect.poll(() => /reading [1-9]\d*\//.test(err), { timeout: 120_000, interval: 50 }).toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const db = new pg.Pool({ connectionString: fresh });
    try {
      // Every file row has its release, and every release its file: no half-written batch.
      const orphans = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM files f WHERE NOT EXISTS (SELECT 1 FROM releases r WHERE r.id = f.release_id)')).rows[0]!.n;
      expect(orphans).toBe(0);
      // Two indexers at once: the second waits for the first; both end with the whole archive.
      const runs = await Promise.all([0, 1].map(() => new Promise<string>((resolve) => {
        const c = spawn(process.execPath, [join(projectRoot, 'bin/liaison.mjs'), 'index', chSample, whSample, '--db', fresh, '--json'], { stdio: ['ignore', 'pipe', 'ignore'] });
        let out = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        c.on('close', () => resolve(out));
      })));
      for (const out of runs) expect((JSON.parse(out.trim().split('\n').pop()!) as IndexSummary).documents).toBe(532);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM releases')).rows[0]!.n).toBe(532);
      // The counts ranking reads agree with the releases there, after the kill and after a folder is dropped.
      const consistent = async (): Promise<void> => {
        const wrong = await db.query(`SELECT s.word, s.ndoc, d.df FROM ts_stat('SELECT terms FROM releases') s FULL JOIN (SELECT * FROM term_df WHERE df > 0) d ON d.term = s.word WHERE s.ndoc IS DISTINCT FROM d.df LIMIT 5`);
        expect(wrong.rows).toEqual([]);
        const totals = (await db.query<{ ok: boolean }>('SELECT (SELECT docs FROM term_totals) = (SELECT count(*) FROM releases) AND (SELECT length FROM term_totals) = (SELECT sum(length) FROM releases) AS ok')).rows[0]!;
        expect(totals.ok).toBe(true);
      };
      await consistent();
      const registry = await TeamService.connect(fresh);
      try {
        await registry.removeFolder({ path: whSample });
        expect((await registry.reindex()).removed).toBeGreaterThan(200);
      } finally {
        await registry.close();
      }
      await consistent();
    } finally {
      await db.end();
    }
  });

  it('refuses a database whose schema is newer than it knows, in one sentence', async () => {
    const future = await cluster.database('future');
    const db = new pg.Pool({ connectionString: future });
    await db.query('CREATE TABLE liaison_schema (version integer NOT NULL); INSERT INTO liaison_schema VALUES ($1)'.split(';')[0]!);
    await db.query('INSERT INTO liaison_schema VALUES ($1)', [SCHEMA_VERSION + 1]);
    await db.end();
    await expect(TeamService.connect(future)).rejects.toThrow(`schema version ${SCHEMA_VERSION + 1}; this Liaison serves version ${SCHEMA_VERSION}: update Liaison`);
    await expect(TeamService.connect(future, { migrate: true })).rejects.toThrow(`knows version ${SCHEMA_VERSION} at most: update Liaison`);
  });

  it('brings a database of the first schema up to date, with the counts ranking needs taken from its releases', { timeout: 120_000 }, async () => {
    const upgraded = await cluster.database('upgrade');
    const run = cli(['index', chSample, '--db', upgraded, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const db = new pg.Pool({ connectionString: upgraded });
    try {
      const snapshot = async () => ({
        df: (await db.query<{ term: string; df: number }>('SELECT term, df FROM term_df WHERE df > 0 ORDER BY term')).rows,
        totals: (await db.query<{ docs: string; length: string }>('SELECT docs, length FROM term_totals')).rows[0]!,
        titles: (await db.query<{ id: string; title_terms: string }>('SELECT id, title_terms FROM releases ORDER BY id')).rows,
      });
      const indexed = await snapshot();
      expect(Number(indexed.totals.docs)).toBe(indexed.titles.length);
      // The database as the first version left it.
      await db.query('ALTER TABLE releases DROP COLUMN length, DROP COLUMN title_terms; DROP TABLE term_df, term_totals; UPDATE liaison_schema SET version = 1');
      await expect(TeamService.connect(upgraded)).rejects.toThrow('run `liaison index --db ...` once to migrate it');
      await (await TeamService.connect(upgraded, { migrate: true })).close();
      const migrated = await snapshot();
      expect(migrated.df).toEqual(indexed.df);
      expect(migrated.titles).toEqual(indexed.titles);
      expect(migrated.totals.docs).toBe(indexed.totals.docs);
      // Lengths come back from the last position of each release: within a term of the indexed ones.
      expect(Math.abs(Number(migrated.totals.length) - Number(indexed.totals.length))).toBeLessThanOrEqual(indexed.titles.length);
      expect((await db.query<{ version: number }>('SELECT version FROM liaison_schema')).rows[0]!.version).toBe(SCHEMA_VERSION);
    } finally {
      await db.end();
    }
  });
});
