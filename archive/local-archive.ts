import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FileFailure, IndexSummary } from './api/types.js';
import { ReaderPool } from './ingest/pool.js';
import { runIndexing, type IndexOptions, type RunProfile } from './indexing/run.js';
import { ProgressReporter } from './indexing/progress.js';
import { ReleaseIndex } from './search/release-index.js';
import { linkTranslations } from './search/translations.js';
import { readFolderList, readSettings, writeFolderList, writeSettings, type ArchiveSettings } from './store/folders.js';
import { DamagedIndexError, GenerationStore } from './store/generations.js';
import { loadIndex, saveIndex, type RememberedFailure } from './store/index-format.js';

export type { IndexOptions } from './indexing/run.js';

/**
 * A desk officer's own archive: the folders, the index of their releases in memory, and its
 * generations on disk under the data folder. Opening it loads the last complete generation, or
 * says why it could not and starts empty (the next indexing run rebuilds it).
 */
export class LocalArchive {
  readonly index = new ReleaseIndex();
  private readonly store: GenerationStore;
  folders: string[] = [];
  failures: RememberedFailure[] = [];
  lastIndexed: IndexSummary | null = null;
  /** Why the stored index could not be used, when it could not. */
  notice: string | null = null;
  /** Whether translation links are current (they are stored with the releases). */
  private linked = false;
  settings: ArchiveSettings = { homeCountries: null, indexHidden: false };
  /** What the last (cancelled) run changed in memory and did not save. */
  private unsaved = false;
  /** Where the last run's time went (ms): the readers' work summed over files, then linking and saving. */
  lastProfile: (RunProfile & { link: number; save: number }) | null = null;

  private constructor(readonly dataDir: string) {
    this.store = new GenerationStore(join(dataDir, 'index'));
  }

  static async open(dataDir: string): Promise<LocalArchive> {
    const archive = new LocalArchive(resolve(dataDir));
    await mkdir(archive.dataDir, { recursive: true });
    await archive.load();
    return archive;
  }

  private async load(): Promise<void> {
    this.settings = await readSettings(this.dataDir);
    try {
      const state = await loadIndex(this.store, this.index);
      if (state) {
        ({ folders: this.folders, failures: this.failures, lastIndexed: this.lastIndexed } = state);
        this.index.setHomeCountries(this.settings.homeCountries);
        this.linked = true;
        // Generations left half-written by a crash or a full disk go.
        await this.store.prune();
        return;
      }
    } catch (err) {
      if (!(err instanceof DamagedIndexError)) throw err;
      this.notice = `The stored index could not be used (${err.message}); it will be rebuilt from your archive folders.`;
      this.index.clear();
      this.failures = [];
    }
    // No index, or a damaged one: the folder list kept beside it says what to rebuild from.
    if (this.notice) await this.store.clear().catch(() => undefined);
    this.folders = (await readFolderList(this.dataDir)) ?? [];
  }

  /** The stored index was found damaged while in use: it is dropped, and the next run rebuilds it. */
  async dropDamaged(reason: string): Promise<void> {
    this.notice = `The stored index could not be used (${reason}); it will be rebuilt from your archive folders.`;
    this.index.clear();
    this.failures = [];
    this.linked = false;
    await this.store.clear();
  }

  async setFolders(folders: string[]): Promise<void> {
    this.folders = [...new Set(folders.map((f) => resolve(f)))];
    await writeFolderList(this.dataDir, this.folders);
  }

  /** Sets the home countries (null: found from the releases); what releases are about follows. */
  async setHomeCountries(codes: string[] | null): Promise<void> {
    this.settings = { ...this.settings, homeCountries: codes };
    await writeSettings(this.dataDir, this.settings);
    this.index.setHomeCountries(codes);
  }

  failureList(): FileFailure[] {
    return this.failures.map(({ path, code, message }) => ({ path, code, message }));
  }

  /**
   * Incremental indexing of the folders: only changed files are read again. With `scope`, only
   * these paths are looked at (what a folder watcher saw change), without a walk of the folders.
   */
  async reindex(options: IndexOptions = {}, scope?: string[]): Promise<IndexSummary> {
    const reporter = new ProgressReporter(options.onProgress);
    reporter.report(true);
    const previousFailures = this.failures.length;
    const run = await runIndexing(this.index, ReaderPool.shared(), this.folders, this.failures, reporter, options.signal, scope, { hidden: this.settings.indexHidden });
    const changed = run.added + run.updated + run.removed > 0;
    const t = performance.now();
    // Links depend on every release's neighbours in time: recomputed only when something changed.
    if (changed || !this.linked) {
      reporter.phase('indexing', { currentFile: null });
      // New releases may change which countries are the archive's homes, and so what each is about.
      this.index.setHomeCountries(this.settings.homeCountries);
      this.index.setTranslations(linkTranslations(this.index.linkShapes()));
      this.linked = true;
    }
    const link = performance.now() - t;
    let save = 0;
    this.failures = run.failures;
    const summary: IndexSummary = {
      added: run.added,
      updated: run.updated,
      removed: run.removed,
      unchanged: run.unchanged,
      failed: this.failureList(),
      documents: this.index.size,
      seconds: reporter.seconds,
      cancelled: run.cancelled,
    };
    this.lastIndexed = summary;
    if (run.cancelled) {
      // Cancel means stop now: the stored index stays as it was; what was read is saved by the next run.
      this.unsaved ||= changed;
    } else if (changed || this.unsaved || !(await this.store.current()) || this.notice || run.failures.length !== previousFailures) {
      this.unsaved = false;
      reporter.phase('saving');
      const t0 = performance.now();
      await saveIndex(this.store, this.index, { folders: this.folders, failures: this.failures, lastIndexed: this.lastIndexed }, options.onSaveStep);
      save = performance.now() - t0;
    }
    this.lastProfile = { ...run.profile, link, save };
    this.notice = null;
    reporter.phase(run.cancelled ? 'cancelled' : 'done', { filesDone: reporter.progress.filesTotal });
    summary.seconds = reporter.seconds;
    return summary;
  }
}

export { paragraphsOf } from './search/indexed.js';
