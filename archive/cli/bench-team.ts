import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchRequest } from '../api/types.js';
import { walkArchive } from '../ingest/walk.js';
import { appRoot } from '../paths.js';
import { startCluster, type Cluster } from '../team/cluster.js';
import { TeamService } from '../team/service.js';
import { addToken } from '../team/tokens.js';
import { generateArchive } from './bench-archive.js';
import { mb, percentile, timedChild } from './bench-measure.js';
import { makeQueries, QUERY_KINDS, type QueryKind } from './bench-queries.js';

/**
 * `liaison bench team [--docs 100000,300000] [--db postgres://...] [--clients 50] [--seconds 60]
 * [--queries 200] [--json]`: the team archive at scale. For each size, a generated archive indexed
 * into a fresh database (ingest rate, the indexer's memory, the database's size) and the query
 * latencies of each kind; on the first size, a load test over HTTP: two `liaison serve` processes,
 * many clients with a mix of searches, timelines and reads, one server killed half-way (a client
 * whose request fails on it tries the other once). Without `--db`, a throwaway durable cluster on
 * 127.0.0.1 (PostgreSQL from Debian), given the memory a database server would have.
 */
interface SizeFigures {
  releases: number;
  files: number;
  ingestSeconds: number;
  ingestPeakRss: number;
  databaseMegabytes: number;
  queries: Partial<Record<QueryKind, { p50: number; p95: number; p99: number; found: number; count: number }>>;
}

interface LoadFigures {
  servers: number;
  clients: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  byKind: Record<string, number>;
  errors: number;
  retried: number;
  lost: number;
  killedAt: number;
}

const value = (argv: string[], name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

export async function benchTeam(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const log = (line: string): void => void (json ? process.stderr : process.stdout).write(`${line}\n`);
  const sizes = (value(argv, 'docs') ?? '100000,300000').split(',').map(Number).filter((n) => n > 0);
  const clients = Number(value(argv, 'clients') ?? 50);
  const seconds = Number(value(argv, 'seconds') ?? 60);
  const perKind = Number(value(argv, 'queries') ?? 200);
  const given = value(argv, 'db');
  const scratch = await mkdtemp(join(tmpdir(), 'liaison-bench-team-'));
  const settings = { shared_buffers: '2GB', effective_cache_size: '8GB', work_mem: '32MB', maintenance_work_mem: '512MB', max_connections: '200' };
  let cluster: Cluster | null = null;
  const figures: { cores: number; postgres: string; sizes: Record<number, SizeFigures>; load?: LoadFigures } = { cores: cpus().length, postgres: '', sizes: {} };
  try {
    if (!given) {
      log('starting a throwaway PostgreSQL cluster …');
      cluster = await startCluster({ durable: true, settings });
    }
    for (const [n, docs] of sizes.entries()) {
      const folder = join(tmpdir(), `liaison-bench-archive-${docs}`);
      if (!existsSync(`${folder}.complete`)) {
        log(`generating ${docs} releases in ${folder} …`);
        await rm(folder, { recursive: true, force: true });
        await generateArchive(folder, docs);
        writeFileSync(`${folder}.complete`, '');
      }
      const url = given ?? (await cluster!.database(`bench_${docs}`));
      const files = (await walkArchive([folder])).filter((f) => /\.(txt|html?|md|pdf|docx)$/i.test(f.path));
      log(`${docs}: indexing into PostgreSQL …`);
      const ingest = await timedChild(process.execPath, [join(appRoot(), 'bin', 'liaison.mjs'), 'index', folder, '--db', url, '--json'], { scratch, node: true });
      if (ingest.code !== 0) throw new Error(`liaison index --db failed: ${ingest.stderr.slice(-2000)}`);
      const team = await TeamService.connect(url, { max: 4 });
      try {
        figures.postgres ||= (await team.db.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
        const size = (await team.db.query<{ bytes: string; releases: number }>('SELECT pg_database_size(current_database()) AS bytes, (SELECT count(*)::int FROM releases) AS releases')).rows[0]!;
        const sized: SizeFigures = { releases: size.releases, files: files.length, ingestSeconds: ingest.seconds, ingestPeakRss: ingest.peakRss ?? 0, databaseMegabytes: Number(size.bytes) / 1048576, queries: {} };
        figures.sizes[docs] = sized;
        log(`${docs}: queries …`);
        const countries = Object.keys((await team.search({ query: '', limit: 0 })).facets.countries);
        const queries = await makeQueries(files, countries, perKind);
        for (const kind of QUERY_KINDS) {
          const times: number[] = [];
          let found = 0;
          for (const q of queries.get(kind)!) {
            const t0 = performance.now();
            if ((await team.search(q)).total > 0) found++;
            times.push(performance.now() - t0);
          }
          sized.queries[kind] = { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), found, count: times.length };
        }
        // Said as soon as measured: a later size may take long, or fail.
        log(`${docs}: ${sized.releases} releases in ${sized.ingestSeconds.toFixed(0)} s (${(sized.files / sized.ingestSeconds).toFixed(0)} files/s), ${sized.databaseMegabytes.toFixed(0)} MB; ${QUERY_KINDS.map((k) => `${k} p50/p95 ${sized.queries[k]!.p50.toFixed(0)}/${sized.queries[k]!.p95.toFixed(0)} ms`).join(', ')}`);
        if (n === 0 && clients > 0 && seconds > 0) {
          log(`${docs}: load test, 2 servers, ${clients} clients, ${seconds} s …`);
          const token = await addToken(team.db, `bench-${Date.now()}`, 'reader');
          const ids = (await team.search({ query: '', limit: 500 })).hits.map((h) => h.id);
          const load = (figures.load = await loadTest(url, token, [...queries.values()].flat(), ids, clients, seconds, scratch));
          log(`${docs}: load test: ${load.requests} answered, ${load.perSecond.toFixed(1)}/s, p50/p95/p99 ${load.p50.toFixed(0)}/${load.p95.toFixed(0)}/${load.p99.toFixed(0)} ms, ${load.errors} errors, ${load.retried} retried, ${load.lost} lost`);
        }
      } finally {
        await team.close();
      }
    }
  } finally {
    cluster?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
  if (json) console.log(JSON.stringify(figures, null, 1));
  else printTeam(figures, settings, !given);
}

/** Starts `liaison serve` on a free port and waits until it listens. */
function serve(url: string, scratch: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(appRoot(), 'bin', 'liaison.mjs'), 'serve', '--db', url, '--port', '0'], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`liaison serve stopped (${code}): ${out.slice(-1000)}`)));
  });
}

async function loadTest(url: string, token: string, queries: SearchRequest[], ids: string[], clients: number, seconds: number, scratch: string): Promise<LoadFigures> {
  const servers = await Promise.all([serve(url, scratch), serve(url, scratch)]);
  const ports = servers.map((s) => s.port);
  const alive = [true, true];
  const times: number[] = [];
  const byKind: Record<string, number> = {};
  let errors = 0;
  let retried = 0;
  let lost = 0;
  let pick = 0;
  const call = async (port: number, method: string, body: unknown): Promise<void> => {
    const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-liaison-token': token }, body: JSON.stringify(body) });
    const answer = (await res.json()) as { ok: boolean };
    if (res.status !== 200 || !answer.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { answered: true });
  };
  const request = (): [string, unknown] => {
    const r = Math.random();
    pick++;
    if (r < 0.6) return ['search', queries[pick % queries.length]!];
    if (r < 0.8) return ['timeline', { query: queries[pick % queries.length]!.query, by: 'year', top: 8 }];
    return ['getRelease', { id: ids[pick % Math.max(1, ids.length)], query: queries[pick % queries.length]!.query }];
  };
  const started = performance.now();
  const end = started + seconds * 1000;
  let killedAt = 0;
  const killer = setTimeout(() => {
    killedAt = (performance.now() - started) / 1000;
    alive[0] = false;
    servers[0]!.child.kill('SIGKILL');
  }, (seconds * 1000) / 2);
  const client = async (k: number): Promise<void> => {
    let turn = k;
    while (performance.now() < end) {
      const [method, body] = request();
      // Round robin over the servers the client believes alive, as a load balancer would.
      const first = alive[turn % 2] ? turn % 2 : (turn + 1) % 2;
      turn++;
      const t0 = performance.now();
      try {
        await call(ports[first]!, method, body);
      } catch (err) {
        if ((err as { answered?: boolean }).answered) {
          errors++;
          continue;
        }
        // The server is gone (refused, reset): once more, on the other.
        retried++;
        alive[first] = false;
        try {
          await call(ports[1 - first]!, method, body);
        } catch {
          lost++;
          continue;
        }
      }
      times.push(performance.now() - t0);
      byKind[method] = (byKind[method] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, k) => client(k)));
  clearTimeout(killer);
  const elapsed = (performance.now() - started) / 1000;
  for (const s of servers) s.child.kill('SIGTERM');
  return { servers: 2, clients, seconds: elapsed, requests: times.length, perSecond: times.length / elapsed, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), byKind, errors, retried, lost, killedAt };
}

function printTeam(f: { cores: number; postgres: string; sizes: Record<number, SizeFigures>; load?: LoadFigures }, settings: Record<string, string>, throwaway: boolean): void {
  const ms = (x: number): string => x.toFixed(1).padStart(9);
  console.log(`\nLiaison team archive benchmark: PostgreSQL ${f.postgres}${throwaway ? ` (a throwaway durable cluster on this machine: ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}; ${f.cores} cores; Node ${process.version}\n`);
  const sizes = Object.entries(f.sizes);
  console.log(`${'releases'.padEnd(44)}${sizes.map(([n]) => String(n).padStart(14)).join('')}`);
  const row = (label: string, cell: (s: SizeFigures) => string): void => console.log(`${label.padEnd(44)}${sizes.map(([, s]) => cell(s).padStart(14)).join('')}`);
  row('releases in the database', (s) => String(s.releases));
  row('ingest (liaison index --db), seconds', (s) => s.ingestSeconds.toFixed(0));
  row('ingest, files/s', (s) => (s.files / s.ingestSeconds).toFixed(0));
  row('indexer peak RSS, MB', (s) => String(mb(s.ingestPeakRss)));
  row('database size, MB', (s) => s.databaseMegabytes.toFixed(0));
  for (const kind of QUERY_KINDS) {
    row(`${kind}: p50 / p95 / p99 ms`, (s) => {
      const q = s.queries[kind]!;
      return `${q.p50.toFixed(0)}/${q.p95.toFixed(0)}/${q.p99.toFixed(0)}`;
    });
  }
  if (f.load) {
    const l = f.load;
    console.log(`\nload test: ${l.servers} servers (liaison serve), ${l.clients} clients over HTTP for ${l.seconds.toFixed(0)} s, 60 % searches with facets, 20 % timelines, 20 % reads`);
    console.log(`  requests answered ${l.requests} (${Object.entries(l.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}), ${l.perSecond.toFixed(1)} per second`);
    console.log(`  latency p50 ${ms(l.p50).trim()} ms, p95 ${ms(l.p95).trim()} ms, p99 ${ms(l.p99).trim()} ms`);
    console.log(`  one server killed (SIGKILL) at ${l.killedAt.toFixed(1)} s: ${l.retried} requests retried on the other, ${l.lost} lost after the retry, ${l.errors} answered with an error`);
  }
}
