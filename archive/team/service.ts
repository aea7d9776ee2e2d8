import { EventEmitter } from 'node:events';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import type { ArchiveEvent } from '../api/contract.js';
import { ApiError } from '../api/errors.js';
import type { ArchiveStatus, Briefing, BriefingListEntry, CountryName, FileFailure, IndexProgress, IndexSummary, ReleaseView, SearchRequest, SearchResult, TimelineRequest, TimelineResult } from '../api/types.js';
import { allCountries } from '../enrich/countries.js';
import { ProgressReporter } from '../indexing/progress.js';
import type { ArchiveHost } from '../service.js';
import { validateSearch, validateTimeline } from '../validate.js';
import { teamIndex, relink } from './ingest.js';
import { teamRelease, teamSearch, teamTimeline } from './read.js';
import { checkSchema, migrate } from './schema.js';

/**
 * The team archive: the same contract as a desk officer's own archive, answered from PostgreSQL.
 * It keeps nothing of its own between requests (any number of servers can stand side by side over
 * one database); reads may go to a replica (`readUrl`). Briefings stay on each desk officer's
 * desktop, where they are printed.
 */
export class TeamService implements ArchiveHost {
  readonly events = new EventEmitter<{ event: [ArchiveEvent] }>();
  private running: Promise<IndexSummary> | null = null;
  private abort: AbortController | null = null;
  private progress: IndexProgress | null = null;

  private constructor(
    readonly db: pg.Pool,
    private readonly reads: pg.Pool,
  ) {}

  /** Connects; `migrate` (the indexer) creates or updates the schema, a server only checks it. */
  static async connect(url: string, options: { readUrl?: string; migrate?: boolean; max?: number } = {}): Promise<TeamService> {
    const db = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: 'liaison' });
    const reads = options.readUrl ? new pg.Pool({ connectionString: options.readUrl, max: options.max ?? 10, application_name: 'liaison-read' }) : db;
    try {
      const client = await db.connect();
      try {
        if (options.migrate) await migrate(client);
        else await checkSchema(client);
      } finally {
        client.release();
      }
    } catch (err) {
      await db.end();
      if (reads !== db) await reads.end();
      throw err;
    }
    return new TeamService(db, reads);
  }

  async close(): Promise<void> {
    await this.db.end();
    if (this.reads !== this.db) await this.reads.end();
  }

  async status(): Promise<ArchiveStatus> {
    const r = (await this.reads.query(`SELECT
        (SELECT count(*)::int FROM releases) AS documents,
        (SELECT coalesce(array_agg(path ORDER BY path), '{}') FROM folders) AS folders,
        (SELECT count(*)::int FROM failures) AS failures,
        (SELECT coalesce(array_agg(DISTINCT language), '{}') FROM releases) AS languages,
        (SELECT value FROM liaison_meta WHERE key = 'lastIndexed') AS "lastIndexed",
        (SELECT value FROM liaison_meta WHERE key = 'home') AS home,
        (SELECT value FROM liaison_meta WHERE key = 'homeCountries') AS "homeSet"`)).rows[0] as { documents: number; folders: string[]; failures: number; languages: string[]; lastIndexed: IndexSummary | null; home: string[] | null; homeSet: string[] | null };
    return { team: null, documents: r.documents, folders: r.folders, failures: r.failures, indexing: this.running ? this.progress : null, lastIndexed: r.lastIndexed, notice: null, demoAvailable: false, languages: r.languages.sort(), homeCountries: { codes: r.homeSet ?? r.home ?? [], set: r.homeSet !== null } };
  }

  async addFolder(req: { path: string }): Promise<ArchiveStatus> {
    if (!req || typeof req.path !== 'string' || !req.path.trim()) throw new ApiError('bad-request', 'Give the path of a folder on the server.');
    const path = resolve(req.path.trim());
    const isDir = await stat(path).then((s) => s.isDirectory(), () => null);
    if (isDir === null) throw new ApiError('not-a-folder', `There is no folder at ${path} on the server.`);
    if (!isDir) throw new ApiError('not-a-folder', `${path} is a file, not a folder: add the folder that holds the releases.`);
    await this.db.query('INSERT INTO folders (path) VALUES ($1) ON CONFLICT DO NOTHING', [path]);
    return this.status();
  }

  async removeFolder(req: { path: string }): Promise<ArchiveStatus> {
    if (!req || typeof req.path !== 'string') throw new ApiError('bad-request', 'Give the path of the folder to remove.');
    const removed = await this.db.query('DELETE FROM folders WHERE path = $1', [resolve(req.path)]);
    if (!removed.rowCount) throw new ApiError('not-found', `${resolve(req.path)} is not one of the team archive's folders.`);
    return this.status();
  }

  async openDemo(): Promise<ArchiveStatus> {
    throw new ApiError('unavailable', 'A team archive has no demo: its registrar indexes its folders.');
  }

  reindex(): Promise<IndexSummary> {
    if (this.running) return this.running;
    this.abort = new AbortController();
    const reporter = new ProgressReporter((p) => {
      this.progress = p;
      this.emit({ type: 'progress', progress: p });
    });
    const run = this.db
      .query<{ path: string }>('SELECT path FROM folders ORDER BY path')
      .then(({ rows }) => teamIndex(this.db, rows.map((r) => r.path), reporter, this.abort!.signal))
      .then((summary) => {
        this.emit({ type: 'indexed', summary });
        return summary;
      })
      .finally(() => {
        this.running = null;
        this.abort = null;
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
    return (await this.reads.query<FileFailure>('SELECT path, code, message FROM failures ORDER BY path')).rows;
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return teamSearch(this.reads, validateSearch(request));
  }

  getRelease(req: { id: string; query?: string }): Promise<ReleaseView> {
    return teamRelease(this.reads, req);
  }

  async countryNames(): Promise<CountryName[]> {
    return allCountries().map(({ code, en, fr, flag }) => ({ code, en, fr, flag }));
  }

  async setHomeCountries(req: { codes: string[] | null }): Promise<ArchiveStatus> {
    const codes = Array.isArray(req?.codes) ? req.codes.filter((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c)) : null;
    if (codes) await this.db.query("INSERT INTO liaison_meta (key, value) VALUES ('homeCountries', $1) ON CONFLICT (key) DO UPDATE SET value = $1", [JSON.stringify(codes)]);
    else await this.db.query("DELETE FROM liaison_meta WHERE key = 'homeCountries'");
    await relink(this.db);
    return this.status();
  }

  timeline(request: TimelineRequest): Promise<TimelineResult> {
    return teamTimeline(this.reads, validateTimeline(request));
  }

  private briefingsElsewhere(): never {
    throw new ApiError('unavailable', 'Briefings are made and kept on your desktop: add releases of the team archive to a briefing there.');
  }

  async listBriefings(): Promise<BriefingListEntry[]> {
    return [];
  }
  async getBriefing(): Promise<Briefing> {
    return this.briefingsElsewhere();
  }
  async saveBriefing(): Promise<Briefing> {
    return this.briefingsElsewhere();
  }
  async deleteBriefing(): Promise<{ deleted: boolean }> {
    return this.briefingsElsewhere();
  }
  async addToBriefing(): Promise<Briefing> {
    return this.briefingsElsewhere();
  }
  async briefingDocument(): Promise<never> {
    return this.briefingsElsewhere();
  }
  async exportBriefing(): Promise<never> {
    return this.briefingsElsewhere();
  }
  async connectTeam(): Promise<never> {
    throw new ApiError('unavailable', 'A team archive does not connect to another one: desk officers connect to it from their own Liaison.');
  }
  async disconnectTeam(): Promise<never> {
    return this.connectTeam();
  }

  private emit(event: ArchiveEvent): void {
    this.events.emit('event', event);
  }
}

/** What only a registrar may do. */
export const REGISTRAR_METHODS = new Set(['addFolder', 'removeFolder', 'reindex', 'cancelIndexing', 'setHomeCountries', 'openDemo']);
