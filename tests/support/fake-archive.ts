import { EventEmitter } from 'node:events';
import type { ArchiveApi, ArchiveEvent } from '../../archive/api/contract.js';
import { ApiError } from '../../archive/api/errors.js';
import type { ArchiveStatus, SearchResult } from '../../archive/api/types.js';
import type { ArchiveHost } from '../../archive/service.js';

export const emptyQuery: SearchResult['query'] = { terms: [], phrases: [], excluded: [], anyOf: [], prefixes: [], titleTerms: [], expansions: [], notices: [], suggestions: [] };

export const fakeStatus = (patch: Partial<ArchiveStatus> = {}): ArchiveStatus => ({ documents: 0, folders: [], failures: 0, indexing: null, lastIndexed: null, notice: null, demoAvailable: false, languages: [], homeCountries: { codes: [], set: false }, team: null, ...patch });

/**
 * A stand-in for the engine that implements the whole contract: each test gives the answers it
 * is about and the rest answer as an empty archive would. Its `calls` list what the UI asked.
 */
export function fakeArchive(answers: Partial<ArchiveApi> = {}): ArchiveHost & { calls: { method: string; request: unknown }[] } {
  const calls: { method: string; request: unknown }[] = [];
  const defaults: ArchiveApi = {
    status: async () => fakeStatus(),
    addFolder: async () => fakeStatus(),
    removeFolder: async () => fakeStatus(),
    openDemo: async () => fakeStatus(),
    reindex: async () => ({ added: 0, updated: 0, removed: 0, unchanged: 0, failed: [], documents: 0, seconds: 0, cancelled: false }),
    cancelIndexing: async () => ({ cancelled: false }),
    failures: async () => [],
    search: async () => ({ total: 0, versions: 0, hits: [], facets: { countries: {}, countriesMentioned: {}, languages: {}, years: {} }, query: emptyQuery, tookMs: 0 }),
    getRelease: async () => {
      throw new ApiError('not-found', 'No release with that id.');
    },
    countryNames: async () => [],
    setHomeCountries: async () => fakeStatus(),
    timeline: async () => ({ by: 'year', range: null, total: 0, all: [], lanes: [], releases: null }),
    listBriefings: async () => [],
    getBriefing: async () => {
      throw new ApiError('not-found', 'No briefing with that id.');
    },
    saveBriefing: async () => {
      throw new ApiError('unavailable', 'This fake keeps no briefing.');
    },
    deleteBriefing: async () => ({ deleted: false }),
    connectTeam: async () => {
      throw new ApiError('unavailable', 'This fake connects to no team archive.');
    },
    disconnectTeam: async () => fakeStatus(),
    addToBriefing: async () => {
      throw new ApiError('unavailable', 'This fake keeps no briefing.');
    },
    briefingDocument: async () => {
      throw new ApiError('not-found', 'No briefing with that id.');
    },
    exportBriefing: async () => {
      throw new ApiError('not-found', 'No briefing with that id.');
    },
  };
  const api = { ...defaults, ...answers };
  const recorded = Object.fromEntries(
    Object.entries(api).map(([method, fn]) => [
      method,
      (request: unknown) => {
        calls.push({ method, request });
        return (fn as (r: unknown) => Promise<unknown>)(request);
      },
    ]),
  ) as unknown as ArchiveApi;
  return { ...recorded, events: new EventEmitter<{ event: [ArchiveEvent] }>(), calls };
}
