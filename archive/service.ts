import { EventEmitter } from 'node:events';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ArchiveApi, ArchiveEvent } from './api/contract.js';
import { ApiError } from './api/errors.js';
import type { ArchiveStatus, Briefing, BriefingDocument, BriefingFormat, BriefingListEntry, CountryName, FileFailure, IndexProgress, IndexSummary, ReleaseView, SearchRequest, SearchResult, TimelineRequest, TimelineResult } from './api/types.js';
import { allCountries } from './enrich/countries.js';
import { BriefingDesk } from './briefing/desk.js';
import { DamagedIndexError, SaveError } from './store/generations.js';
import { briefingFragment } from './briefing/html.js';
import { BriefingStore } from './briefing/store.js';
import { FolderWatcher } from './indexing/watch.js';
import { LocalArchive } from './local-archive.js';
import { validateSearch, validateTimeline } from './validate.js';
import { releaseView, searchArchive, timelineAnswer } from './search/answers.js';
import { TeamLink } from './team/link.js';

export interface ServiceOptions {
  /** Where the index is kept. */
  dataDir: string;
  /** Archive folders to add to those the data folder already lists. */
  folders?: string[];
  /** The demo archive's folder, offered on first run. */
  demoFolder?: string | null;
}

/** The service as a transport serves it: the contract, and the events it pushes. */
export type ArchiveHost = ArchiveApi & { events: EventEmitter<{ event: [ArchiveEvent] }> };

/**
 * The engine's one door: every front end (the desktop shell, the web server, the command line,
 * the tests) reaches the archive through this class, which implements the contract and adds the
 * few things only a host needs (`startWatching`, `releasePath`).
 */
export class ArchiveService implements ArchiveHost {
  readonly events = new EventEmitter<{ event: [ArchiveEvent] }>();
  private running: Promise<IndexSummary> | null = null;
  private abort: AbortController | null = null;
  private progress: IndexProgress | null = null;
  private watcher: FolderWatcher | null = null;
  /** Paths the watcher saw change while a run was under way: indexed when it ends. */
  private changedDuringRun = new Set<string>();

  private readonly desk: BriefingDesk;

  private constructor(
    private readonly archive: LocalArchive,
    private readonly options: ServiceOptions,
    private readonly team: TeamLink | null = null,
  ) {
    this.desk = new BriefingDesk(new BriefingStore(archive.dataDir), archive.index);
  }

  /** A service over an archive already open (benchmarks fill its index directly). */
  static over(archive: LocalArchive, options: ServiceOptions): ArchiveService {
    return new ArchiveService(archive, options);
  }

  static async open(options: ServiceOptions): Promise<ArchiveService> {
    const archive = await LocalArchive.open(options.dataDir);
    const team = await TeamLink.open(options.dataDir);
    const service = new ArchiveService(archive, options, team);
    // When the team archive is found gone (or back), the UI hears of it.
    team.onChange = () => void service.status().then((status) => service.emit({ type: 'status', status }));
    const added = (options.folders ?? []).map((f) => resolve(f)).filter((f) => !archive.folders.includes(f));
    if (added.length) await archive.setFolders([...archive.folders, ...added]);
    return service;
  }

  /**
   * What a desktop or web host does when it starts: brings the index up to date (only changed
   * files are read) and then watches the folders, so that a file saved into one is searchable
   * within seconds.
   */
  startWatching(): Promise<IndexSummary> | null {
    this.watcher ??= new FolderWatcher((paths) => this.indexChanged(paths));
    this.watcher.watch(this.archive.folders);
    return this.archive.folders.length ? this.reindex({}) : null;
  }

  stopWatching(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  /** Indexes the paths a watcher saw change; during a run they wait for it to end. */
  private indexChanged(paths: string[]): void {
    if (this.running) {
      for (const p of paths) this.changedDuringRun.add(p);
      return;
    }
    void this.run(paths).catch(() => undefined);
  }

  /** The file of a release, for the shell to show or open: only paths the engine itself holds. */
  releasePath(id: unknown): string | null {
    return typeof id === 'string' ? (this.archive.index.get(id)?.release.path ?? null) : null;
  }

  private emit(event: ArchiveEvent): void {
    this.events.emit('event', event);
  }

  async status(): Promise<ArchiveStatus> {
    const languages = new Set<string>();
    for (const e of this.archive.index.releases()) languages.add(e.release.language);
    return {
      documents: this.archive.index.size,
      folders: this.archive.folders,
      failures: this.archive.failures.length,
      indexing: this.running ? this.progress : null,
      lastIndexed: this.archive.lastIndexed,
      notice: this.archive.notice,
      demoAvailable: !!this.options.demoFolder,
      languages: [...languages].sort(),
      homeCountries: this.archive.index.homeCountries(),
      team: this.team?.status() ?? null,
    };
  }

  async setHomeCountries(req: { codes: string[] | null }): Promise<ArchiveStatus> {
    const codes = req?.codes;
    if (codes !== null && (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string' || !/^[A-Za-z]{2}$/.test(c)))) throw new ApiError('bad-request', '"codes" is a list of ISO 3166 two-letter codes, or null to find them from the releases.');
    await this.archive.setHomeCountries(codes === null ? null : [...new Set(codes.map((c) => c.toUpperCase()))]);
    const status = await this.status();
    this.emit({ type: 'status', status });
    return status;
  }

  async addFolder(req: { path: string }): Promise<ArchiveStatus> {
    if (!req || typeof req.path !== 'string' || !req.path.trim()) throw new ApiError('bad-request', 'Give the path of a folder to add.');
    const path = resolve(req.path.trim());
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch {
      throw new ApiError('not-a-folder', `There is no folder at ${path}.`);
    }
    if (!isDir) throw new ApiError('not-a-folder', `${path} is a file, not a folder: add the folder that holds your releases.`);
    if (this.running) throw new ApiError('busy', 'Indexing is under way; add the folder when it has finished or cancel it.');
    await this.archive.setFolders([...this.archive.folders, path]);
    this.watcher?.watch(this.archive.folders);
    void this.reindex({}).catch(() => undefined);
    return this.status();
  }

  async removeFolder(req: { path: string }): Promise<ArchiveStatus> {
    if (!req || typeof req.path !== 'string') throw new ApiError('bad-request', 'Give the path of the folder to remove.');
    if (this.running) throw new ApiError('busy', 'Indexing is under way; remove the folder when it has finished or cancel it.');
    const path = resolve(req.path);
    if (!this.archive.folders.includes(path)) throw new ApiError('not-found', `${path} is not one of the archive folders.`);
    await this.archive.setFolders(this.archive.folders.filter((f) => f !== path));
    this.watcher?.watch(this.archive.folders);
    void this.reindex({}).catch(() => undefined);
    return this.status();
  }

  async openDemo(): Promise<ArchiveStatus> {
    if (!this.options.demoFolder) throw new ApiError('not-found', 'This installation has no demo archive.');
    if (!this.archive.folders.includes(resolve(this.options.demoFolder))) return this.addFolder({ path: this.options.demoFolder });
    return this.status();
  }

  reindex(_req: Record<string, never> = {}): Promise<IndexSummary> {
    return this.run();
  }

  private run(scope?: string[]): Promise<IndexSummary> {
    if (this.running) return this.running;
    this.abort = new AbortController();
    this.progress = { phase: 'scanning', filesDone: 0, filesTotal: 0, filesPerSecond: 0, currentFile: null, errors: 0, etaSeconds: null, message: null };
    const run = this.archive
      .reindex(
        {
          signal: this.abort.signal,
          onProgress: (p) => {
            this.progress = p;
            this.emit({ type: 'progress', progress: p });
          },
        },
        scope,
      )
      .then((summary) => {
        this.emit({ type: 'indexed', summary });
        return summary;
      })
      .catch((err: unknown) => {
        const failed: IndexProgress = { ...(this.progress as IndexProgress), phase: 'failed', message: (err as Error).message };
        this.emit({ type: 'progress', progress: failed });
        // Saving failed (a full disk): its sentence says it all.
        if (err instanceof SaveError) throw new ApiError('unavailable', err.message);
        throw new ApiError('internal', `Indexing failed: ${(err as Error).message}`);
      })
      .finally(() => {
        this.running = null;
        this.abort = null;
        void this.status().then((status) => this.emit({ type: 'status', status }));
        if (this.changedDuringRun.size) {
          const waiting = [...this.changedDuringRun];
          this.changedDuringRun.clear();
          this.indexChanged(waiting);
        }
      });
    this.running = run;
    return run;
  }

  async cancelIndexing(): Promise<{ cancelled: boolean }> {
    if (!this.abort) return { cancelled: false };
    this.abort.abort();
    return { cancelled: true };
  }

  async failures(): Promise<FileFailure[]> {
    return this.archive.failureList();
  }

  /**
   * A record of the stored index found damaged while reading it (the disk changed under it): the
   * index is dropped and rebuilt from the folders, and the request is answered with why.
   */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof DamagedIndexError)) throw err;
      await this.archive.dropDamaged(err.message);
      void this.reindex({}).catch(() => undefined);
      void this.status().then((status) => this.emit({ type: 'status', status }));
      throw new ApiError('unavailable', `The stored index is damaged (${err.message}); it is being rebuilt from your archive folders. Try again when indexing is done.`);
    }
  }

  search(request: SearchRequest): Promise<SearchResult> {
    if (request?.source === 'team') return this.linked().call('search', validateSearch(request));
    return this.guarded(async () => searchArchive(this.archive.index, validateSearch(request)));
  }

  getRelease(req: { id: string; query?: string; source?: 'local' | 'team' }): Promise<ReleaseView> {
    if (req?.source === 'team') return this.linked().call('getRelease', req);
    return this.guarded(async () => releaseView(this.archive.index, req));
  }

  private linked(): TeamLink {
    if (!this.team) throw new ApiError('unavailable', 'This archive cannot connect to a team archive.');
    return this.team;
  }

  async connectTeam(req: { url: string; token: string }): Promise<ArchiveStatus> {
    await this.linked().connect(req?.url, req?.token);
    return this.status();
  }

  async disconnectTeam(_req: Record<string, never> = {}): Promise<ArchiveStatus> {
    await this.team?.disconnect();
    return this.status();
  }

  async countryNames(): Promise<CountryName[]> {
    return allCountries().map(({ code, en, fr, flag }) => ({ code, en, fr, flag }));
  }

  async timeline(request: TimelineRequest): Promise<TimelineResult> {
    const req = validateTimeline(request);
    if (req.source === 'team') return this.linked().call('timeline', req);
    return this.guarded(async () => timelineAnswer(this.archive.index, req));
  }

  listBriefings(): Promise<BriefingListEntry[]> {
    return this.desk.list();
  }

  getBriefing(req: { id: string }): Promise<Briefing> {
    return this.desk.get(req?.id);
  }

  saveBriefing(req: { briefing: Partial<Briefing> & { title: string } }): Promise<Briefing> {
    return this.desk.save(req?.briefing);
  }

  deleteBriefing(req: { id: string }): Promise<{ deleted: boolean }> {
    return this.desk.delete(req?.id);
  }

  addToBriefing(req: { id: string; releaseIds?: string[]; search?: SearchRequest }): Promise<Briefing> {
    return this.desk.add(req?.id, req?.releaseIds, req?.search);
  }

  async briefingDocument(req: { id: string }): Promise<{ document: BriefingDocument; html: string }> {
    const document = await this.guarded(() => this.desk.compose(req?.id));
    return { document, html: briefingFragment(document) };
  }

  exportBriefing(req: { id: string; format: BriefingFormat; paper?: 'a4' | 'letter' }): Promise<{ fileName: string; mimeType: string; base64: string }> {
    return this.guarded(() => this.desk.export(req?.id, req?.format, req?.paper));
  }
}
