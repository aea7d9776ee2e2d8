import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDir, writeDurable } from './durable.js';

/**
 * Crash-safe storage of the index as generations: each save writes a new folder
 * `gen-<n>` (every file written to a temporary name, fsynced, renamed), then its
 * `manifest.json` last, then switches the `CURRENT` pointer by an atomic rename. A crash at any
 * moment leaves `CURRENT` naming a complete generation. Loading checks the manifest's schema
 * version, configuration, file list and each file's size, and the SHA-256 of each file it reads
 * whole; files read where they lie (records.ts) carry a checksum per record instead.
 */

export const SCHEMA_VERSION = 4;

export interface Manifest {
  schema: number;
  app: 'liaison';
  generation: number;
  createdAt: string;
  config: unknown;
  counts: Record<string, number>;
  /** `grows`: a file later generations append to (shared with them); it may be longer than listed. */
  files: { name: string; bytes: number; sha256: string | null; grows?: boolean }[];
}

export class DamagedIndexError extends Error {}

/**
 * A file of a generation made of the previous generation's file (linked, not copied: its records
 * stay where they are) with new records appended: saving a few changed releases does not rewrite
 * the texts of all the others. Falls back to a copy where links are not possible.
 */
export interface AppendedFile {
  /** The previous generation's file; null: a new file, which later generations may append to. */
  base: string | null;
  append: Uint8Array;
}

export type GenerationFile = string | Uint8Array | AppendedFile;

/** Saving the index failed: one sentence saying why and what to do; the previous index is kept. */
export class SaveError extends Error {
  constructor(
    readonly reason: NodeJS.ErrnoException,
    where: string,
  ) {
    const cause = reason;
    const code = cause?.code;
    super(
      code === 'ENOSPC' || code === 'EDQUOT'
        ? `The disk holding Liaison's data folder (${where}) is full, so the index could not be saved; the previous index is kept. Free some space and index again.`
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? `Liaison may not write in its data folder (${where}), so the index could not be saved; the previous index is kept.`
          : `The index could not be saved (${cause?.message ?? String(cause)}); the previous index is kept.`,
    );
    this.name = 'SaveError';
  }
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export class GenerationStore {
  /** `write` is how each file is written (a test gives one that fails as a full disk does). */
  constructor(
    readonly root: string,
    private readonly write: (path: string, data: string | Uint8Array) => Promise<void> = writeDurable,
  ) {}

  private get pointer(): string {
    return join(this.root, 'CURRENT');
  }

  async current(): Promise<string | null> {
    try {
      return (await readFile(this.pointer, 'utf8')).trim() || null;
    } catch {
      return null;
    }
  }

  /**
   * Writes a whole generation and makes it current; returns its folder. `files` maps a file name
   * to its contents (text, or bytes made of checksummed records: see records.ts).
   */
  async save(files: Map<string, GenerationFile>, config: unknown, counts: Record<string, number>, onStep?: (name: string) => void | Promise<void>): Promise<string> {
    await mkdir(this.root, { recursive: true });
    const existing = await readdir(this.root).catch(() => [] as string[]);
    const numbers = existing.map((n) => /^gen-(\d+)$/.exec(n)?.[1]).filter((n): n is string => !!n).map(Number);
    const generation = Math.max(0, ...numbers) + 1;
    const name = `gen-${generation}`;
    const dir = join(this.root, name);
    try {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      const listed: Manifest['files'] = [];
      for (const [file, data] of files) {
        if (typeof data === 'string' || data instanceof Uint8Array) {
          await this.write(join(dir, file), data);
          listed.push({ name: file, bytes: Buffer.byteLength(data), sha256: typeof data === 'string' ? sha256(data) : null });
        } else {
          listed.push({ name: file, bytes: await appendTo(join(dir, file), data), sha256: null, grows: true });
        }
        await onStep?.(file);
      }
      const manifest: Manifest = { schema: SCHEMA_VERSION, app: 'liaison', generation, createdAt: new Date().toISOString(), config, counts, files: listed };
      await this.write(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
      await syncDir(dir);
      await onStep?.('manifest.json');
      await writeDurable(this.pointer, name);
      await syncDir(this.root);
    } catch (err) {
      // The half-written generation goes; CURRENT still names the previous one.
      if ((await this.current()) !== name) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      throw new SaveError(err as NodeJS.ErrnoException, this.root);
    }
    await onStep?.('CURRENT');
    return dir;
  }

  /**
   * Removes older generations (and any half-written one from a crash). A folder that cannot be
   * removed yet (a file of it still open, on Windows) is left for the next save.
   */
  async prune(): Promise<void> {
    const name = await this.current();
    for (const n of await readdir(this.root).catch(() => [] as string[])) {
      if (n !== name && (/^gen-\d+$/.test(n) || n.startsWith('CURRENT.tmp'))) await rm(join(this.root, n), { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /**
   * Loads the current generation, or throws DamagedIndexError saying what is wrong. The files
   * named in `inPlace` are not read, only checked for their size: the caller reads them from `dir`.
   */
  async load(config: unknown, inPlace: string[] = []): Promise<{ manifest: Manifest; dir: string; files: Map<string, Buffer> } | null> {
    const name = await this.current();
    if (!name) return null;
    if (!/^gen-\d+$/.test(name)) throw new DamagedIndexError(`the index pointer names "${name.slice(0, 40)}", which is not a generation`);
    const dir = join(this.root, name);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    } catch (err) {
      throw new DamagedIndexError(`the index manifest is missing or unreadable (${(err as Error).message.split('\n')[0]})`);
    }
    if (manifest?.app !== 'liaison' || !Array.isArray(manifest.files)) throw new DamagedIndexError('the index manifest is not Liaison\'s');
    if (manifest.schema !== SCHEMA_VERSION) throw new DamagedIndexError(`the index was written in format ${manifest.schema}; this version reads format ${SCHEMA_VERSION}`);
    if (JSON.stringify(manifest.config) !== JSON.stringify(config)) throw new DamagedIndexError('the index was built with other settings');
    const files = new Map<string, Buffer>();
    for (const f of manifest.files) {
      if (inPlace.includes(f.name)) {
        const size = await stat(join(dir, f.name)).then((s) => s.size, () => null);
        if (size === null) throw new DamagedIndexError(`the index file ${f.name} is missing`);
        if (f.grows ? size < f.bytes : size !== f.bytes) throw new DamagedIndexError(`the index file ${f.name} is damaged (its size does not match)`);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(join(dir, f.name));
      } catch {
        throw new DamagedIndexError(`the index file ${f.name} is missing`);
      }
      if (bytes.length !== f.bytes || f.sha256 === null || sha256(bytes) !== f.sha256) throw new DamagedIndexError(`the index file ${f.name} is damaged (its checksum does not match)`);
      files.set(f.name, bytes);
    }
    for (const name of inPlace) if (!manifest.files.some((f) => f.name === name)) throw new DamagedIndexError(`the index file ${name} is missing`);
    return { manifest, dir, files };
  }

  async clear(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

/** Links (or copies) `base` to `path`, appends, flushes; returns the size of the file as this generation knows it. */
async function appendTo(path: string, file: AppendedFile): Promise<number> {
  if (file.base) {
    try {
      await link(file.base, path);
    } catch {
      await copyFile(file.base, path);
    }
  }
  const handle = await open(path, file.base ? 'a' : 'w');
  try {
    if (file.append.length) await handle.write(file.append);
    await handle.sync();
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}
