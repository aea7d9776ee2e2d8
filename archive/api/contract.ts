import type {
  ArchiveSource,
  ArchiveStatus,
  Briefing,
  BriefingDocument,
  BriefingFormat,
  BriefingListEntry,
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
  getRelease(req: { id: string; query?: string; source?: ArchiveSource }): Promise<ReleaseView>;
  countryNames(req: Record<string, never>): Promise<CountryName[]>;
  /** Sets the archive's home countries (ISO codes), or `null` to find them from the releases. */
  setHomeCountries(req: { codes: string[] | null }): Promise<ArchiveStatus>;
  timeline(req: TimelineRequest): Promise<TimelineResult>;
  listBriefings(req: Record<string, never>): Promise<BriefingListEntry[]>;
  getBriefing(req: { id: string }): Promise<Briefing>;
  /** Creates a briefing (without `id`) or saves one; returns it as stored. */
  saveBriefing(req: { briefing: Partial<Briefing> & { title: string } }): Promise<Briefing>;
  deleteBriefing(req: { id: string }): Promise<{ deleted: boolean }>;
  /** Adds releases to a briefing: these ids, or every release of a search (a pair once, at most 200). */
  addToBriefing(req: { id: string; releaseIds?: string[]; search?: SearchRequest }): Promise<Briefing>;
  /** The briefing worked out for reading, and as the HTML the page and the PDF show. */
  briefingDocument(req: { id: string }): Promise<{ document: BriefingDocument; html: string }>;
  /** The briefing as a file: PDF (A4 or Letter, through a local Chromium), Word, Markdown or HTML. */
  exportBriefing(req: { id: string; format: BriefingFormat; paper?: 'a4' | 'letter' }): Promise<{ fileName: string; mimeType: string; base64: string }>;
  /** Connects to a team archive (its address and a personal token), checked by asking it; kept across restarts. */
  connectTeam(req: { url: string; token: string }): Promise<ArchiveStatus>;
  /** Forgets the team archive (and its token). */
  disconnectTeam(req: Record<string, never>): Promise<ArchiveStatus>;
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
  'listBriefings',
  'getBriefing',
  'saveBriefing',
  'deleteBriefing',
  'addToBriefing',
  'briefingDocument',
  'exportBriefing',
  'connectTeam',
  'disconnectTeam',
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
