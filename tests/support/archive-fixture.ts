import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveService } from '../../archive/service.js';
import { corpora, sharedRoot } from './shared.js';

export function freshDir(prefix = 'liaison-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A service over both samples and the seed, indexed into a fresh data folder. */
export async function indexedSamples(): Promise<{ service: ArchiveService; dataDir: string }> {
  const dataDir = freshDir('liaison-data-');
  const service = await ArchiveService.open({ dataDir });
  await service.archive.setFolders([corpora, join(sharedRoot, 'fixtures/seed')]);
  await service.reindex({});
  return { service, dataDir };
}

/** A writable copy of a few sample files, for tests that change the archive. */
export function copyOfSamples(files: string[], from: string): string {
  const dir = freshDir('liaison-archive-');
  for (const f of files) cpSync(join(from, f), join(dir, f.replace(/\//g, '_')));
  return dir;
}
