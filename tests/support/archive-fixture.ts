import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveService } from '../../archive/service.js';
import { chSample, seedFolder, whSample } from './fixtures.js';

export function freshDir(prefix = 'liaison-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A service over these folders, indexed into a fresh data folder. */
export async function indexedService(folders: string[], options: { demoFolder?: string } = {}): Promise<{ service: ArchiveService; dataDir: string }> {
  const dataDir = freshDir('liaison-data-');
  const service = await ArchiveService.open({ dataDir, folders, ...options });
  await service.reindex({});
  return { service, dataDir };
}

/** A service over both samples and the seed (534 releases): for the tests that need the whole sample. */
export function indexedSamples(): Promise<{ service: ArchiveService; dataDir: string }> {
  return indexedService([chSample, whSample, seedFolder]);
}

/** A writable copy of a few sample files, for tests that change the archive. */
export function copyOfSamples(files: string[], from: string): string {
  const dir = freshDir('liaison-archive-');
  for (const f of files) cpSync(join(from, f), join(dir, f.replace(/\//g, '_')));
  return dir;
}
