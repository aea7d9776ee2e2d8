import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDurable } from './durable.js';

/**
 * The archive folders, kept beside the index (not only inside it) so that a damaged index can be
 * rebuilt from them.
 */
export async function readFolderList(dataDir: string): Promise<string[] | null> {
  try {
    const saved = JSON.parse(await readFile(join(dataDir, 'folders.json'), 'utf8')) as unknown;
    return Array.isArray(saved) ? saved.filter((f): f is string => typeof f === 'string') : null;
  } catch {
    return null;
  }
}

export async function writeFolderList(dataDir: string, folders: string[]): Promise<void> {
  await writeDurable(join(dataDir, 'folders.json'), JSON.stringify(folders, null, 1));
}
