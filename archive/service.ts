import { EventEmitter } from 'node:events';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ArchiveApi, ArchiveEvent } from './api/contract.js';
import { ApiError } from './api/errors.js';
import type {
  ArchiveStatus,
  CountryName,
  FileFailure,
  IndexProgress,
  IndexSummary,
  ReleaseView,
  SearchRequest,
  SearchResult,
  TimelineRequest,
  TimelineResult,
} from './api/types.js';
import { Archive, paragraphsOf } from './archive.js';
import { allCountries, countryForTerm } from './enrich/countries.js';
import { parseQuery, type Clause } from './search/query.js';
import { highlightRanges, queryHighlights, type Expander } from './search/release-index.js';
import { terms as termsOf } from './search/tokens.js';

export interface ServiceOptions {
  dataDir: string;
  /** The demo archive's folder, offered on first run. */
  demoFolder?: string | null;
}

/** A country named in a query also matches its names and adjectives in the other language. */
const expandCountries: Expander = (clause: Clause) => {
  if (clause.kind === 'prefix') return null;
  const country = countryForTerm(clause.raw);
  if (!country) return null;
  const seen = new Set([clause.terms.join(' ')]);
  const clauses: Clause[] = [];
  const added: string[] = [];
  for (const form of country.queryForms) {
    const t = termsOf(form);
    const key = t.join(' ');
    if (t.length === 0 || seen.has(key)) continue;
    seen.add(key);
    clauses.push({ kind: t.length === 1 ? 'term' : 'phrase', field: clause.field, raw: form, terms: t });
    added.push(form);
  }
  return { clauses, added };
};

const isDate = (s: unknown): s is string => {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

function validateSearch(req: SearchRequest): SearchRequest {
  if (!req || typeof req !== 'object') throw new ApiError('bad-request', 'A search needs a request object.');
  if (typeof req.query !== 'string') throw new ApiError('bad-request', 'A search needs a "query" string (it may be empty).');
  if (req.query.length > 1000) throw new ApiError('bad-query', 'The query is longer than 1,000 characters.');
  for (const key of ['from', 'to'] as const) {
    if (req[key] !== undefined && req[key] !== '' && !isDate(req[key])) throw new ApiError('bad-request', `"${key}" must be a date written YYYY-MM-DD.`);
  }
  if (req.from && req.to && req.from > req.to) throw new ApiError('bad-request', 'The date range ends before it starts.');
  if (req.sort !== undefined && !['relevance', 'date', '-date'].includes(req.sort)) throw new ApiError('bad-request', '"sort" is relevance, date or -date.');
  if (req.countries !== undefined && (!Array.isArray(req.countries) || req.countries.some((c) => typeof c !== 'string' || !/^[A-Za-z]{2}$/.test(c)))) throw new ApiError('bad-request', '"countries" are ISO 3166 two-letter codes.');
  if (req.languages !== undefined && (!Array.isArray(req.languages) || req.languages.some((c) => typeof c !== 'string'))) throw new ApiError('bad-request', '"languages" are ISO 639-1 codes.');
  for (const key of ['limit', 'offset'] as const) {
    if (req[key] !== undefined && (!Number.isInteger(req[key]) || req[key]! < 0)) throw new ApiError('bad-request', `"${key}" must be a whole number ≥ 0.`);
  }
  return { ...req, from: req.from || undefined, to: req.to || undefined };
}

export class ArchiveService implements ArchiveApi {
  readonly events = new EventEmitter<{ event: [ArchiveEvent] }>();
  private running: Promise<IndexSummary> | null = null;
  private abort: AbortController | null = null;
  private progress: IndexProgress | null = null;

  private constructor(
    readonly archive: Archive,
    private readonly options: ServiceOptions,
  ) {}

  static async open(options: ServiceOptions): Promise<ArchiveService> {
    const archive = await Archive.open(options.dataDir);
    return new ArchiveService(archive, options);
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
    };
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
    void this.reindex({}).catch(() => undefined);
    return this.status();
  }

  async removeFolder(req: { path: string }): Promise<ArchiveStatus> {
    if (!req || typeof req.path !== 'string') throw new ApiError('bad-request', 'Give the path of the folder to remove.');
    if (this.running) throw new ApiError('busy', 'Indexing is under way; remove the folder when it has finished or cancel it.');
    const path = resolve(req.path);
    if (!this.archive.folders.includes(path)) throw new ApiError('not-found', `${path} is not one of the archive folders.`);
    await this.archive.setFolders(this.archive.folders.filter((f) => f !== path));
    void this.reindex({}).catch(() => undefined);
    return this.status();
  }

  async openDemo(): Promise<ArchiveStatus> {
    if (!this.options.demoFolder) throw new ApiError('not-found', 'This installation has no demo archive.');
    if (!this.archive.folders.includes(resolve(this.options.demoFolder))) return this.addFolder({ path: this.options.demoFolder });
    return this.status();
  }

  reindex(_req: Record<string, never> = {}): Promise<IndexSummary> {
    if (this.running) return this.running;
    this.abort = new AbortController();
    this.progress = { phase: 'scanning', filesDone: 0, filesTotal: 0, filesPerSecond: 0, currentFile: null, errors: 0, etaSeconds: null, message: null };
    const run = this.archive
      .reindex({
        signal: this.abort.signal,
        onProgress: (p) => {
          this.progress = p;
          this.emit({ type: 'progress', progress: p });
        },
      })
      .then((summary) => {
        this.emit({ type: 'indexed', summary });
        return summary;
      })
      .catch((err: unknown) => {
        const failed: IndexProgress = { ...(this.progress as IndexProgress), phase: 'failed', message: (err as Error).message };
        this.emit({ type: 'progress', progress: failed });
        throw new ApiError('internal', `Indexing failed: ${(err as Error).message}`);
      })
      .finally(() => {
        this.running = null;
        this.abort = null;
        void this.status().then((status) => this.emit({ type: 'status', status }));
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
    return this.archive.failures.map(({ path, code, message }) => ({ path, code, message }));
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const req = validateSearch(request);
    const started = performance.now();
    const parsed = parseQuery(req.query);
    const outcome = this.archive.index.search(req, parsed, expandCountries);
    return {
      total: outcome.total,
      versions: outcome.versions,
      hits: outcome.hits,
      facets: outcome.facets,
      query: {
        terms: parsed.required.flat().filter((c) => c.kind === 'term').map((c) => c.raw),
        phrases: parsed.required.flat().filter((c) => c.kind === 'phrase').map((c) => c.raw),
        excluded: parsed.excluded.map((c) => c.raw),
        anyOf: parsed.required.filter((g) => g.length > 1).map((g) => g.map((c) => c.raw)),
        prefixes: parsed.required.flat().filter((c) => c.kind === 'prefix').map((c) => c.raw),
        titleTerms: parsed.required.flat().filter((c) => c.field === 'title').map((c) => c.raw),
        expansions: outcome.expansions,
        notices: parsed.notices,
      },
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }

  async getRelease(req: { id: string; query?: string }): Promise<ReleaseView> {
    if (!req || typeof req.id !== 'string') throw new ApiError('bad-request', 'Give the id of a release.');
    const entry = this.archive.index.get(req.id);
    if (!entry) throw new ApiError('not-found', 'No release with that id: it may have been removed from the archive.');
    let highlights: [number, number][] = [];
    if (typeof req.query === 'string' && req.query.trim()) {
      const { terms, prefixes } = queryHighlights(parseQuery(req.query), expandCountries);
      highlights = highlightRanges(entry.release.text, terms, prefixes);
    }
    return { ...entry.release, paragraphs: paragraphsOf(entry.release), highlights };
  }

  async countryNames(): Promise<CountryName[]> {
    return allCountries().map(({ code, en, fr, flag }) => ({ code, en, fr, flag }));
  }

  async timeline(req: TimelineRequest): Promise<TimelineResult> {
    const bucket = req?.bucket === 'month' ? 'month' : 'year';
    const parsed = parseQuery(req?.query ?? '');
    const releases = this.archive.index.matching({ query: req?.query ?? '', countries: req?.countries, from: req?.from, to: req?.to, languages: req?.languages }, parsed, expandCountries);
    const counts = new Map<string, Map<string, number>>();
    const buckets = new Set<string>();
    for (const release of releases) {
      if (!release.published) continue;
      const b = bucket === 'year' ? release.published.slice(0, 4) : release.published.slice(0, 7);
      buckets.add(b);
      for (const { code } of release.countries) {
        const m = counts.get(code) ?? new Map<string, number>();
        m.set(b, (m.get(b) ?? 0) + 1);
        counts.set(code, m);
      }
    }
    const ordered = [...buckets].sort();
    const series = [...counts.entries()]
      .map(([code, m]) => ({ code, counts: ordered.map((b) => m.get(b) ?? 0), total: [...m.values()].reduce((a, b) => a + b, 0) }))
      .sort((a, b) => b.total - a.total)
      .slice(0, Math.max(1, Math.min(50, req?.top ?? 12)));
    return { bucket, buckets: ordered, series };
  }
}

