import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FileFailure, IndexProgress, IndexSummary, PressRelease } from './api/types.js';
import { ReaderPool } from './ingest/pool.js';
import { walkArchive, type ArchiveFile } from './ingest/walk.js';
import { INDEX_CONFIG, ReleaseIndex } from './search/release-index.js';
import { linkTranslations } from './search/translations.js';
import { DamagedIndexError, GenerationStore } from './store/generations.js';

/** A failure remembered with the file's size and time, so an unchanged bad file is not re-read. */
interface RememberedFailure extends FileFailure {
  size: number;
  mtimeMs: number;
}

interface StoredState {
  folders: string[];
  failures: RememberedFailure[];
  lastIndexed: IndexSummary | null;
}

type StoredRelease = { no: number; titleTerms: string; bodyTerms: string; release: Omit<PressRelease, 'paragraphs'> };

const RELEASES_PER_CHUNK = 2000;
/** Past this many removals or updates, FlexSearch's index is rebuilt rather than edited. */
const REBUILD_AFTER_CHANGES = 100;

export interface IndexOptions {
  onProgress?: (p: IndexProgress) => void;
  signal?: AbortSignal;
  /** Called after each step of saving (tests use it to kill the process mid-save). */
  onSaveStep?: (name: string) => void | Promise<void>;
}

const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * A desk officer's archive on disk: the folders, the index of their releases, and the stored
 * generations under the data folder. Opening it loads the last complete generation, or says why
 * it could not and starts empty (the next indexing run rebuilds it).
 */
export class Archive {
  readonly index = new ReleaseIndex();
  readonly store: GenerationStore;
  folders: string[] = [];
  failures: RememberedFailure[] = [];
  lastIndexed: IndexSummary | null = null;
  /** Why the stored index could not be used, when it could not. */
  notice: string | null = null;
  /** Whether translation links are current (they are stored with the releases). */
  private linked = false;

  private constructor(readonly dataDir: string) {
    this.store = new GenerationStore(join(dataDir, 'index'));
  }

  static async open(dataDir: string): Promise<Archive> {
    const archive = new Archive(resolve(dataDir));
    await mkdir(archive.dataDir, { recursive: true });
    await archive.load();
    return archive;
  }

  private async load(): Promise<void> {
    let loaded;
    try {
      loaded = await this.store.load(INDEX_CONFIG);
    } catch (err) {
      if (!(err instanceof DamagedIndexError)) throw err;
      this.notice = `The stored index could not be used (${err.message}); it will be rebuilt from your archive folders.`;
      await this.recoverFolders();
      return;
    }
    if (!loaded) {
      await this.recoverFolders();
      return;
    }
    try {
      const state = JSON.parse(loaded.files.get('state.json') ?? 'null') as StoredState;
      this.folders = state.folders;
      this.failures = state.failures;
      this.lastIndexed = state.lastIndexed;
      const chunks = [...loaded.files.keys()].filter((k) => k.startsWith('releases-')).sort();
      if (chunks.length !== loaded.manifest.counts['chunks']) throw new DamagedIndexError('a chunk of releases is missing');
      for (const chunk of chunks) {
        for (const line of loaded.files.get(chunk)!.split('\n')) {
          if (!line) continue;
          const s = JSON.parse(line) as StoredRelease;
          this.index.add({ ...s.release, paragraphs: [] } as PressRelease, s, false, false);
        }
      }
      if (this.index.size !== loaded.manifest.counts['releases']) throw new DamagedIndexError('the number of releases does not match the manifest');
      this.linked = true;
      this.index.importVocabulary(JSON.parse(loaded.files.get('vocabulary.json')!) as [string, number][]);
      await this.index.importText(JSON.parse(loaded.files.get('text-index.json')!) as Record<string, string>);
    } catch (err) {
      this.notice = `The stored index could not be used (${err instanceof DamagedIndexError ? err.message : `it could not be read: ${(err as Error).message}`}); it will be rebuilt from your archive folders.`;
      this.resetIndex();
      await this.recoverFolders();
    }
  }

  private resetIndex(): void {
    for (const e of [...this.index.releases()]) this.index.remove(e.release.id);
    this.failures = [];
  }

  /** The folder list survives a damaged index: it is also kept outside the generations. */
  private async recoverFolders(): Promise<void> {
    try {
      const saved = JSON.parse(await readFile(join(this.dataDir, 'folders.json'), 'utf8')) as unknown;
      if (Array.isArray(saved)) this.folders = saved.filter((f): f is string => typeof f === 'string');
    } catch {
      // No folder list yet: a first run.
    }
  }

  async setFolders(folders: string[]): Promise<void> {
    this.folders = [...new Set(folders.map((f) => resolve(f)))];
    const { writeFile, rename } = await import('node:fs/promises');
    const tmp = join(this.dataDir, 'folders.json.tmp');
    await writeFile(tmp, JSON.stringify(this.folders, null, 1));
    await rename(tmp, join(this.dataDir, 'folders.json'));
  }

  /** Incremental indexing of the folders: only changed files are read again. */
  async reindex(options: IndexOptions = {}): Promise<IndexSummary> {
    const started = performance.now();
    const progress: IndexProgress = { phase: 'scanning', filesDone: 0, filesTotal: 0, filesPerSecond: 0, currentFile: null, errors: 0, etaSeconds: null, message: null };
    let lastReport = 0;
    const report = (force = false): void => {
      const now = performance.now();
      if (!force && now - lastReport < 100) return;
      lastReport = now;
      const seconds = (now - started) / 1000;
      progress.filesPerSecond = seconds > 0 ? Math.round((progress.filesDone / seconds) * 10) / 10 : 0;
      const left = progress.filesTotal - progress.filesDone;
      progress.etaSeconds = progress.filesPerSecond > 0 ? Math.round(left / progress.filesPerSecond) : null;
      options.onProgress?.({ ...progress });
    };
    report(true);

    const walkFailures: RememberedFailure[] = [];
    const missing: string[] = [];
    for (const folder of this.folders) {
      try {
        if (!(await stat(folder)).isDirectory()) missing.push(folder);
      } catch {
        missing.push(folder);
      }
    }
    const files = await walkArchive(this.folders.filter((f) => !missing.includes(f)), (path, message) => walkFailures.push({ path, code: 'unreadable', message, size: 0, mtimeMs: 0 }));
    for (const folder of missing) walkFailures.push({ path: folder, code: 'unreadable', message: 'This archive folder cannot be found (moved, renamed, or on a drive that is not connected); its releases were kept.', size: 0, mtimeMs: 0 });

    const known = new Map<string, PressRelease>();
    for (const e of this.index.releases()) known.set(e.release.path, e.release);
    const knownFailures = new Map(this.failures.map((f) => [f.path, f]));
    const seen = new Set<string>();
    const toRead: ArchiveFile[] = [];
    let unchanged = 0;
    const failures: RememberedFailure[] = [...walkFailures];
    for (const f of files) {
      seen.add(f.path);
      const old = known.get(f.path);
      if (old && old.size === f.size && old.mtimeMs === f.mtimeMs) {
        unchanged++;
        continue;
      }
      const oldFailure = knownFailures.get(f.path);
      if (oldFailure && oldFailure.size === f.size && oldFailure.mtimeMs === f.mtimeMs) {
        failures.push(oldFailure);
        continue;
      }
      toRead.push(f);
    }
    // Releases under a missing folder are kept: the drive may come back.
    const isUnderMissing = (path: string): boolean => missing.some((m) => path.startsWith(`${m}/`) || path.startsWith(`${m}\\`));
    const removedPaths = [...known.keys()].filter((p) => !seen.has(p) && !isUnderMissing(p));

    progress.phase = 'reading';
    progress.filesTotal = toRead.length;
    progress.errors = failures.length;
    report(true);

    let added = 0;
    let updated = 0;
    let cancelled = false;
    const bulk = removedPaths.length + toRead.filter((f) => known.has(f.path)).length > REBUILD_AFTER_CHANGES;
    for (const path of removedPaths) this.index.remove(known.get(path)!.id);

    const pool = new ReaderPool();
    try {
      let next = 0;
      const inFlight = new Set<Promise<void>>();
      const handle = async (file: ArchiveFile, seq: number): Promise<void> => {
        const result = await pool.read({ seq, path: file.path, size: file.size, mtimeMs: file.mtimeMs });
        progress.filesDone++;
        progress.currentFile = file.path;
        if (result.ok) {
          const old = known.get(file.path);
          if (old && old.hash === result.release.hash) {
            // Touched but not changed: keep it, with its new time.
            old.mtimeMs = file.mtimeMs;
            unchanged++;
          } else {
            if (old) {
              this.index.remove(old.id);
              updated++;
            } else added++;
            this.index.add(result.release, undefined, !bulk);
          }
        } else {
          failures.push({ path: file.path, code: result.code, message: result.message, size: file.size, mtimeMs: file.mtimeMs });
          progress.errors++;
          if (known.has(file.path)) this.index.remove(known.get(file.path)!.id);
        }
        report();
      };
      const parallel = 8;
      while (next < toRead.length || inFlight.size) {
        if (options.signal?.aborted) cancelled = true;
        while (!cancelled && next < toRead.length && inFlight.size < parallel) {
          const p = handle(toRead[next]!, next).finally(() => inFlight.delete(p));
          inFlight.add(p);
          next++;
        }
        if (inFlight.size === 0) break;
        await Promise.race(inFlight);
      }
    } finally {
      await pool.close();
    }

    progress.phase = 'indexing';
    progress.currentFile = null;
    report(true);
    if (bulk) {
      this.index.rebuildText();
      await yieldToLoop();
    }
    const removed = removedPaths.length;
    // Links depend on every release's neighbours in time: recomputed only when something changed.
    if (added || updated || removed || !this.linked) {
      this.index.setTranslations(linkTranslations([...this.index.releases()].map((e) => e.release)));
      this.linked = true;
    }
    this.failures = failures.sort((a, b) => a.path.localeCompare(b.path));

    const summary: IndexSummary = {
      added,
      updated,
      removed,
      unchanged,
      failed: this.failures.map(({ path, code, message }) => ({ path, code, message })),
      documents: this.index.size,
      seconds: Math.round((performance.now() - started) / 10) / 100,
      cancelled,
    };
    this.lastIndexed = summary;
    if (added || updated || removed || cancelled || !(await this.store.current()) || this.notice || failures.length !== knownFailures.size) {
      progress.phase = 'saving';
      report(true);
      await this.save(options.onSaveStep);
    }
    this.notice = null;
    progress.phase = cancelled ? 'cancelled' : 'done';
    progress.filesDone = progress.filesTotal;
    report(true);
    summary.seconds = Math.round((performance.now() - started) / 10) / 100;
    return summary;
  }

  async save(onStep?: (name: string) => void | Promise<void>): Promise<void> {
    const files = new Map<string, string>();
    const entries = [...this.index.releases()].sort((a, b) => a.no - b.no);
    let chunk = 0;
    for (let i = 0; i < entries.length; i += RELEASES_PER_CHUNK) {
      const lines = entries.slice(i, i + RELEASES_PER_CHUNK).map((e) => {
        const { paragraphs: _paragraphs, ...release } = e.release;
        const stored: StoredRelease = { no: e.no, titleTerms: e.titleTerms, bodyTerms: e.bodyTerms, release };
        return JSON.stringify(stored);
      });
      files.set(`releases-${String(chunk++).padStart(4, '0')}.jsonl`, `${lines.join('\n')}\n`);
    }
    files.set('text-index.json', JSON.stringify(await this.index.exportText()));
    files.set('vocabulary.json', JSON.stringify(this.index.exportVocabulary()));
    const state: StoredState = { folders: this.folders, failures: this.failures, lastIndexed: this.lastIndexed };
    files.set('state.json', JSON.stringify(state));
    await this.store.save(files, INDEX_CONFIG, { releases: entries.length, chunks: chunk }, onStep);
  }
}

/** Paragraphs are not stored twice: they are the text after the title. */
export function paragraphsOf(release: Pick<PressRelease, 'text' | 'title'>): string[] {
  return release.text
    .slice(release.title.length)
    .split('\n\n')
    .filter((p) => p.length > 0);
}
