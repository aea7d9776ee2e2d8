import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../archive/team/cluster.js';
import { TeamService } from '../../archive/team/service.js';
import { addToken, roleOf } from '../../archive/team/tokens.js';
import { startWebServer, type WebServer } from '../../archive/transport/http.js';
import { freshDir } from '../support/archive-fixture.js';
import { chSample, projectRoot, seedFolder } from '../support/fixtures.js';
import { SearchPage } from './pages.js';
import { appSuite, newPage } from './support.js';

/**
 * A desk officer's Liaison (its own archive: the seed release) connected to a team archive on
 * PostgreSQL (the Swiss sample), in Chromium: connecting in Folders, the switch between the two
 * archives, results and the reader saying where they come from, the server going away.
 */
const suite = appSuite({ folders: [seedFolder], demo: false });
let cluster: Cluster;
let team: TeamService;
let server: WebServer;
let token: string;

const serveTeam = (port?: number): Promise<WebServer> => startWebServer(team, { port, staticDir: freshDir('liaison-static-'), authorize: async (t) => ((await roleOf(team.db, t)) ? 'ok' : 'unauthenticated') });

beforeAll(async () => {
  cluster = await startCluster();
  const url = await cluster.database('desk');
  const indexed = spawnSync(process.execPath, [join(projectRoot, 'bin/liaison.mjs'), 'index', chSample, '--db', url], { encoding: 'utf8', timeout: 300_000 });
  if (indexed.status !== 0) throw new Error(indexed.stderr);
  team = await TeamService.connect(url);
  token = await addToken(team.db, 'officer', 'reader');
  server = await serveTeam();
}, 360_000);
afterAll(async () => {
  await server?.close();
  await team?.close();
  cluster?.stop();
});

describe('a team archive beside this computer’s', () => {
  it('is connected in Folders, chosen with a switch, and says where each result comes from', { timeout: 120_000 }, async () => {
    const page = (suite.page = await newPage(suite.browser));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(suite.app.web.url);
    const search = new SearchPage(page);
    await search.search('Suisse');
    const localTotal = await search.total();

    // Folders: the address and the token.
    await page.getByRole('button', { name: 'Folders' }).click();
    const address = `http://127.0.0.1:${server.port}`;
    await page.getByLabel('Address').fill(address);
    await page.getByLabel('Personal token').fill('lia_wrong-token-0000');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.locator('.team-archive .form-error, .team-archive [role=alert]').textContent()).toMatch(/does not know this token/);
    await page.getByLabel('Personal token').fill(token);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.locator('.team-archive [role=status]').textContent()).toMatch(new RegExp(`Connected to 127\\.0\\.0\\.1:${server.port} · \\d+ releases`));
    await search.screenshot('50-team-connect');

    // The switch, and results from the team archive.
    await page.getByRole('button', { name: /Back to search/ }).click();
    await page.getByRole('radio', { name: /Team archive/ }).click();
    expect(page.url()).toContain('src=team');
    await search.waitForResults('Suisse');
    await expect.poll(() => page.locator('.source-banner').textContent()).toContain(`team archive at 127.0.0.1:${server.port}`);
    await expect.poll(() => search.total()).toBeGreaterThan(localTotal);
    expect(await page.locator('.results .hit .add-hit, .add-all').count()).toBe(0);
    await search.hits.first().click();
    await expect.poll(() => page.locator('.reader .source-label').textContent()).toBe(`Team archive · 127.0.0.1:${server.port}`);
    await expect.poll(() => search.reader.locator('mark').count()).toBeGreaterThan(0);
    await search.screenshot('51-team-results');

    // A (the keyboard) goes back to this computer's archive.
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('a');
    await expect.poll(() => page.url()).not.toContain('src=team');
    await expect.poll(() => search.total()).toBe(localTotal);

    // The server gone: one sentence, and a way back to this computer's archive.
    await page.keyboard.press('a');
    await server.close();
    await search.query.fill('Confédération');
    await expect.poll(() => page.locator('.error-state').textContent()).toMatch(/cannot be reached.*keeps working/);
    await search.screenshot('52-team-unreachable');
    await page.getByRole('button', { name: 'Search this computer instead' }).click();
    await expect.poll(() => page.locator('.error-state').count()).toBe(0);
    server = await serveTeam(server.port);

    // The page itself spoke only to this computer's Liaison: the engine calls the team archive.
    expect(requests.filter((u) => !u.startsWith(suite.app.web.url.replace(/\/\?.*$/, '')))).toEqual([]);
  });
});
