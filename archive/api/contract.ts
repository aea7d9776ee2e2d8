import type {
  ArchiveStatus,
  CountryName,
  FileFailure,
  IndexSummary,
  ReleaseView,
  SearchRequest,
  SearchResult,
  TimelineRequest,
  TimelineResult,
} from './types.js';

/**
 * Every operation of the archive. Each takes exactly one JSON object and resolves to JSON.
 * The service implements it; the IPC bridge, the HTTP server and the typed client derive from it.
 */
export interface ArchiveApi {
  status(req: Record<string, never>): Promise<ArchiveStatus>;
  addFolder(req: { path: string }): Promise<ArchiveStatus>;
  removeFolder(req: { path: string }): Promise<ArchiveStatus>;
  openDemo(req: Record<string, never>): Promise<ArchiveStatus>;
  /** Starts (or joins) an incremental indexing run and resolves when it ends. */
  reindex(req: Record<string, never>): Promise<IndexSummary>;
  cancelIndexing(req: Record<string, never>): Promise<{ cancelled: boolean }>;
  failures(req: Record<string, never>): Promise<FileFailure[]>;
  search(req: SearchRequest): Promise<SearchResult>;
  /** The whole release; with `query`, the ranges of its text that the query matches. */
  getRelease(req: { id: string; query?: string }): Promise<ReleaseView>;
  countryNames(req: Record<string, never>): Promise<CountryName[]>;
  /** Sets the archive's home countries (ISO codes), or `null` to find them from the releases. */
  setHomeCountries(req: { codes: string[] | null }): Promise<ArchiveStatus>;
  timeline(req: TimelineRequest): Promise<TimelineResult>;
}

export type ArchiveMethod = keyof ArchiveApi;

/** The list the transports check method names against: kept complete by the type below. */
export const ARCHIVE_METHODS = [
  'status',
  'addFolder',
  'removeFolder',
  'openDemo',
  'reindex',
  'cancelIndexing',
  'failures',
  'search',
  'getRelease',
  'countryNames',
  'setHomeCountries',
  'timeline',
] as const satisfies readonly ArchiveMethod[];

type Missing = Exclude<ArchiveMethod, (typeof ARCHIVE_METHODS)[number]>;
// A compile error here names a method of ArchiveApi that the list above forgot.
const completeness: Missing extends never ? true : Missing = true;
void completeness;

export function isArchiveMethod(name: unknown): name is ArchiveMethod {
  return typeof name === 'string' && (ARCHIVE_METHODS as readonly string[]).includes(name);
}

export type ArchiveRequest<M extends ArchiveMethod> = Parameters<ArchiveApi[M]>[0];
export type ArchiveResponse<M extends ArchiveMethod> = Awaited<ReturnType<ArchiveApi[M]>>;

/** Events pushed from the engine to the UI (over IPC events or server-sent events). */
export type ArchiveEvent =
  | { type: 'progress'; progress: import('./types.js').IndexProgress }
  | { type: 'indexed'; summary: IndexSummary }
  | { type: 'status'; status: ArchiveStatus };
