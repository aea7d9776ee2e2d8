import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchiveClient, type ArchiveApi, type ArchiveMethod } from '../../archive/api/index.js';
import { ApiError } from '../../archive/api/errors.js';
import { ArchiveService } from '../../archive/service.js';
import { startCluster, type Cluster } from '../../archive/team/cluster.js';
import { TeamService } from '../../archive/team/service.js';
import { addToken, roleOf } from '../../archive/team/tokens.js';
import { dispatch } from '../../archive/transport/dispatch.js';
import { startWebServer, type WebServer } from '../../archive/transport/http.js';
import { freshDir } from '../support/archive-fixture.js';
import { projectRoot, seedFile, seedFolder } from '../support/fixtures.js';

let service: ArchiveService;
let web: WebServer;
// The same archive as a team archive on PostgreSQL, served over HTTP with a registrar's token.
let cluster: Cluster;
let team: TeamService;
let teamWeb: WebServer;
let registrar: string;

beforeAll(async () => {
  service = await ArchiveService.open({ dataDir: freshDir(), folders: [seedFolder, join(projectRoot, 'assets/demo')], demoFolder: join(projectRoot, 'assets/demo') });
  await service.reindex({});
  cluster = await startCluster();
  const url = await cluster.database('contract');
  const indexed = spawnSync(process.execPath, [join(projectRoot, 'bin/liaison.mjs'), 'index', seedFolder, join(projectRoot, 'assets/demo'), '--db', url], { encoding: 'utf8', timeout: 300_000 });
  if (indexed.status !== 0) throw new Error(indexed.stderr);
  team = await TeamService.connect(url);
  registrar = await addToken(team.db, 'contract', 'registrar');
  teamWeb = await startWebServer(team, { staticDir: freshDir('liaison-static-'), authorize: async (token) => ((await roleOf(team.db, token)) ? 'ok' : 'unauthenticated') });
  // A stand-in for the built UI: these tests are about the server, not the build.
  const staticDir = freshDir('liaison-static-');
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
  web = await startWebServer(service, { staticDir });
}, 300_000);
afterAll(async () => {
  await web?.close();
  await teamWeb?.close();
  await team?.close();
  cluster?.stop();
});

/** A request with the path and headers exactly as given (fetch would normalise them). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, method: 'GET', headers: { Host: `127.0.0.1:${web.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The IPC path as the main process runs it, with arguments cloned as Electron's IPC does. */
const ipcClient = (): ArchiveApi => createArchiveClient(async (method: ArchiveMethod, req: unknown) => structuredClone(await dispatch(service, method, structuredClone(req), () => undefined)));
const httpClient = (): ArchiveApi =>
  createArchiveClient(async (method, req) => {
    const res = await fetch(`http://127.0.0.1:${web.port}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Liaison-Token': web.token }, body: JSON.stringify(req) });
    return res.json();
  });

const teamClient = (): ArchiveApi =>
  createArchiveClient(async (method, req) => {
    const res = await fetch(`http://127.0.0.1:${teamWeb.port}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Liaison-Token': registrar }, body: JSON.stringify(req) });
    return res.json();
  });

const transports: [string, () => ArchiveApi][] = [
  ['direct', () => service],
  ['IPC', ipcClient],
  ['HTTP', httpClient],
];

describe.each([...transports, ['HTTP, from a team archive on PostgreSQL', teamClient] as [string, () => ArchiveApi]])('the ArchiveApi contract over %s', (name, make) => {
  it('answers status, search, getRelease, countryNames, failures and timeline with the same JSON', async () => {
    const api = make();
    const status = await api.status({});
    expect(status.documents).toBe(76);
    // A team archive offers no demo: its registrar indexes its folders.
    expect(status.demoAvailable).toBe(!name.includes('team'));
    const result = await api.search({ query: 'cyberdéfense Japon', limit: 5 });
    expect(result.total).toBeGreaterThanOrEqual(2);
    const release = await api.getRelease({ id: result.hits[0]!.id, query: 'Japon' });
    expect(release.highlights.length).toBeGreaterThan(0);
    expect(release.paragraphs.length).toBeGreaterThan(0);
    expect((await api.countryNames({})).find((c) => c.code === 'JP')).toMatchObject({ en: 'Japan', fr: 'Japon' });
    expect(await api.failures({})).toEqual([]);
    const timeline = await api.timeline({ by: 'year' });
    expect(timeline.lanes[0]!.buckets.length).toBeGreaterThanOrEqual(10);
    expect(timeline.all.length).toBe(timeline.lanes[0]!.buckets.length);
  });

  it('reports errors with stable codes', async () => {
    const api = make();
    const code = (p: Promise<unknown>): Promise<string> => p.then(() => 'no error', (e: unknown) => (e instanceof ApiError ? e.code : `not an ApiError: ${String(e)}`));
    expect(await code(api.getRelease({ id: 'nope' }))).toBe('not-found');
    expect(await code(api.search({ query: 'x', from: '2020-02-31' }))).toBe('bad-request');
    expect(await code(api.search({ query: 'x', countries: ['Japan'] }))).toBe('bad-request');
    expect(await code(api.addFolder({ path: '/no/such/folder' }))).toBe('not-a-folder');
    expect(await code(api.addFolder({ path: seedFile }))).toBe('not-a-folder');
    expect(await code(api.removeFolder({ path: '/not/an/archive/folder' }))).toBe('not-found');
    expect(await code(api.timeline({ by: 'decade' as 'year' }))).toBe('bad-request');
    expect(await code(api.timeline({ lanes: ['Japan'] }))).toBe('bad-request');
  });
});

describe.each(transports.filter(([name]) => name !== 'direct'))('%s', (_name, make) => {
  it('gives the same JSON as a direct call to the service', async () => {
    const api = make();
    const request = { query: 'cyberdéfense Japon', limit: 5 };
    const [wire, direct] = [await api.search(request), await service.search(request)];
    expect(wire.total).toBeGreaterThan(0);
    expect({ ...wire, tookMs: 0 }).toEqual({ ...direct, tookMs: 0 });
    const id = direct.hits[0]!.id;
    expect(await api.getRelease({ id, query: 'Japon' })).toEqual(await service.getRelease({ id, query: 'Japon' }));
    expect(await api.status({})).toEqual(await service.status());
  });
});

describe('the wire transports refuse what the contract does not hold', () => {
  it('unknown methods and malformed requests', async () => {
    expect(await dispatch(service, 'deleteEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch(service, 'search', 'not an object')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch(service, 'search', [1, 2])).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${web.port}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Liaison-Token': web.token, ...headers }, body });
    expect(await (await post('/api/toString', '{}')).json()).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect((await post('/api/search', '{"query":')).status).toBe(400);
    expect((await post('/api/status', '{}', { 'X-Liaison-Token': 'wrong' })).status).toBe(401);
    expect((await post('/api/status', '{}', { Origin: 'http://evil.example' })).status).toBe(403);
    // A page on another name that resolves to this machine (DNS rebinding) is refused.
    expect((await raw('/api/status', { Host: 'evil.example', 'X-Liaison-Token': web.token })).status).toBe(421);
  });

  it('listens on 127.0.0.1 only and serves the UI with a strict content security policy', async () => {
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' });
    const page = await fetch(`http://127.0.0.1:${web.port}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/hostname.txt', '/..%2f..%2fetc%2fhostname.txt']) {
      const res = await raw(path);
      expect(res.body, path).not.toMatch(/root:|^[a-z0-9-]+\n$/);
      expect([200, 404], path).toContain(res.status);
    }
  });

  it('streams indexing progress as server-sent events', async () => {
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${web.port}/api/events?token=${web.token}`, { signal: controller.signal });
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toMatch(/^data: \{"type":"status"/);
    void service.reindex({});
    let text = '';
    while (!text.includes('"type":"indexed"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"type":"progress"');
    controller.abort();
  });
});
