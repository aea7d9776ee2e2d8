import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Briefing, BriefingListEntry } from '../api/types.js';
import { writeDurable } from '../store/durable.js';

/**
 * Briefings kept in the data folder, one JSON file each (`briefings/<id>.json`), written durably
 * like the index: a crash leaves the old briefing or the new one, never half of one.
 */
export class BriefingStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'briefings');
  }

  private file(id: string): string {
    if (!/^[a-z0-9-]{6,40}$/.test(id)) throw new Error('not a briefing id');
    return join(this.dir, `${id}.json`);
  }

  async list(): Promise<BriefingListEntry[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: BriefingListEntry[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const b = await this.get(name.slice(0, -5)).catch(() => null);
      if (b) out.push({ id: b.id, title: b.title, releases: b.items.length, updated: b.updated });
    }
    return out.sort((a, b) => (a.updated < b.updated ? 1 : -1));
  }

  async get(id: string): Promise<Briefing | null> {
    try {
      return JSON.parse(await readFile(this.file(id), 'utf8')) as Briefing;
    } catch {
      return null;
    }
  }

  async save(briefing: Briefing): Promise<Briefing> {
    await mkdir(this.dir, { recursive: true });
    await writeDurable(this.file(briefing.id), JSON.stringify(briefing, null, 1));
    return briefing;
  }

  async delete(id: string): Promise<boolean> {
    const existed = (await this.get(id)) !== null;
    await rm(this.file(id), { force: true });
    return existed;
  }

  static newId(): string {
    return `b-${randomBytes(6).toString('hex')}`;
  }
}
