import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDurable } from './durable.js';

/**
 * What the desk officer chose, kept beside the index (not only inside it) so that a damaged index
 * can be rebuilt from it: the archive folders, and the settings.
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

export interface ArchiveSettings {
  /** The archive's home countries as the desk officer set them; null: found from the releases. */
  homeCountries: string[] | null;
  /** Whether hidden files and folders (names starting with a dot) are indexed; by default they are left out, and listed. */
  indexHidden: boolean;
}

export async function readSettings(dataDir: string): Promise<ArchiveSettings> {
  try {
    const saved = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as Partial<ArchiveSettings>;
    const home = Array.isArray(saved.homeCountries) ? saved.homeCountries.filter((c): c is string => typeof c === 'string' && /^[A-Z]{2}$/.test(c)) : null;
    return { homeCountries: home, indexHidden: saved.indexHidden === true };
  } catch {
    return { homeCountries: null, indexHidden: false };
  }
}

export async function writeSettings(dataDir: string, settings: ArchiveSettings): Promise<void> {
  await writeDurable(join(dataDir, 'settings.json'), JSON.stringify(settings, null, 1));
}
