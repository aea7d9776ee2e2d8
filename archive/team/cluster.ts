import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the tests and the team benchmark: `initdb` into a temporary
 * folder (as the `postgres` user when run as root, as PostgreSQL requires), started on a free port
 * on 127.0.0.1 only, and removed when stopped. Debian's `postgresql` package (`.ci/run` installs
 * it). The tests' cluster skips fsync (nothing in it is kept); the benchmark's is durable, with the
 * memory a database server would be given (`settings`).
 */
export interface Cluster {
  url: string;
  port: number;
  /** A fresh database in the cluster. */
  database(name: string): Promise<string>;
  stop(): void;
}

export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(a) - Number(b));
  return versions.length ? join(root, versions.at(-1)!, 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startCluster(options: { durable?: boolean; settings?: Record<string, string> } = {}): Promise<Cluster> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does).');
  const dir = mkdtempSync(join(tmpdir(), 'liaison-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): void => {
    const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' }) : spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'liaison', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  const settings = { ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }), ...options.settings };
  const flags = Object.entries(settings).map(([k, v]) => ` -c ${k}=${v}`).join('');
  run('pg_ctl', ['-D', data, '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir}${flags}`, '-l', join(dir, 'log'), '-w', 'start']);
  const url = (db: string): string => `postgres://liaison@127.0.0.1:${port}/${db}`;
  return {
    url: url('postgres'),
    port,
    async database(name) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return url(name);
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export function psqlAvailable(): boolean {
  try {
    execFileSync('which', ['runuser']);
    return postgresBin() !== null;
  } catch {
    return false;
  }
}
