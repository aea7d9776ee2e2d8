import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Liaison keeps its index when no --data is given, as each platform expects. */
export function defaultDataDir(): string {
  if (process.env['LIAISON_DATA']) return resolve(process.env['LIAISON_DATA']);
  if (process.platform === 'win32') return join(process.env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Liaison');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Liaison');
  return join(process.env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'liaison');
}

/** The project (or packaged app) folder, found from this module's place. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export function demoFolder(root = appRoot()): string | null {
  const dir = join(root, 'assets', 'demo');
  return existsSync(dir) ? dir : null;
}

/** The samples the project carries (tests/fixtures): what the benchmarks read when no folder is named. */
export function sampleFolder(root = appRoot()): string {
  return join(root, 'tests', 'fixtures');
}
