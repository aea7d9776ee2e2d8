import { ApiError } from './api/errors.js';
import type { Briefing, SearchRequest, TimelineRequest } from './api/types.js';

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks a search request at the door, with a message that says what to fix. */
export function validateSearch(req: SearchRequest): SearchRequest {
  if (!req || typeof req !== 'object') throw new ApiError('bad-request', 'A search needs a request object.');
  if (typeof req.query !== 'string') throw new ApiError('bad-request', 'A search needs a "query" string (it may be empty).');
  if (req.query.length > 1000) throw new ApiError('bad-query', 'The query is longer than 1,000 characters.');
  for (const key of ['from', 'to'] as const) {
    if (req[key] !== undefined && req[key] !== '' && !isIsoDate(req[key])) throw new ApiError('bad-request', `"${key}" must be a date written YYYY-MM-DD.`);
  }
  if (req.from && req.to && req.from > req.to) throw new ApiError('bad-request', 'The date range ends before it starts.');
  if (req.sort !== undefined && !['relevance', 'date', '-date'].includes(req.sort)) throw new ApiError('bad-request', '"sort" is relevance, date or -date.');
  if (req.countries !== undefined && (!Array.isArray(req.countries) || req.countries.some((c) => typeof c !== 'string' || !/^[A-Za-z]{2}$/.test(c)))) throw new ApiError('bad-request', '"countries" are ISO 3166 two-letter codes.');
  if (req.mentioned !== undefined && typeof req.mentioned !== 'boolean') throw new ApiError('bad-request', '"mentioned" is true or false.');
  if (req.source !== undefined && req.source !== 'local' && req.source !== 'team') throw new ApiError('bad-request', '"source" is local or team.');
  if (req.languages !== undefined && (!Array.isArray(req.languages) || req.languages.some((c) => typeof c !== 'string'))) throw new ApiError('bad-request', '"languages" are ISO 639-1 codes.');
  for (const key of ['limit', 'offset'] as const) {
    if (req[key] !== undefined && (!Number.isInteger(req[key]) || req[key]! < 0)) throw new ApiError('bad-request', `"${key}" must be a whole number ≥ 0.`);
  }
  return { ...req, from: req.from || undefined, to: req.to || undefined };
}

const PERIODS = ['year', 'quarter', 'month', 'week', 'day'];
const isCode = (c: unknown): boolean => typeof c === 'string' && /^[A-Za-z]{2}$/.test(c);

/** Checks a timeline request: the search's filters, the period, the lanes. */
export function validateTimeline(req: TimelineRequest): TimelineRequest {
  if (!req || typeof req !== 'object') throw new ApiError('bad-request', 'A timeline needs a request object.');
  const search = validateSearch({ query: req.query ?? '', countries: req.countries, mentioned: req.mentioned, from: req.from, to: req.to, languages: req.languages, source: req.source });
  if (req.by !== undefined && !PERIODS.includes(req.by)) throw new ApiError('bad-request', '"by" is year, quarter, month, week or day.');
  if (req.lanes !== undefined && (!Array.isArray(req.lanes) || !req.lanes.every(isCode))) throw new ApiError('bad-request', '"lanes" are ISO 3166 two-letter codes.');
  for (const key of ['top', 'releases'] as const) {
    if (req[key] !== undefined && (!Number.isInteger(req[key]) || req[key]! < 0)) throw new ApiError('bad-request', `"${key}" must be a whole number ≥ 0.`);
  }
  return { ...req, ...search, countries: search.countries?.map((c) => c.toUpperCase()), lanes: req.lanes?.map((c) => c.toUpperCase()) };
}

const text = (v: unknown, name: string, max: number): string => {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new ApiError('bad-request', `"${name}" is text.`);
  if (v.length > max) throw new ApiError('bad-request', `"${name}" is longer than ${max} characters.`);
  return v;
};

/** Checks a briefing as the UI or the command line sends it; fills what it leaves out. */
export function validateBriefing(input: Partial<Briefing> & { title: string }, now: Date, id: string, created?: string): Briefing {
  if (!input || typeof input !== 'object') throw new ApiError('bad-request', 'Give the briefing to save.');
  const title = text(input.title, 'title', 200).trim();
  if (!title) throw new ApiError('bad-request', 'A briefing needs a title.');
  if (input.subject !== undefined && (!Array.isArray(input.subject) || !input.subject.every(isCode))) throw new ApiError('bad-request', '"subject" is a list of ISO 3166 two-letter codes.');
  if (input.date !== undefined && !isIsoDate(input.date)) throw new ApiError('bad-request', '"date" must be a date written YYYY-MM-DD.');
  if (input.language !== undefined && input.language !== 'en' && input.language !== 'fr') throw new ApiError('bad-request', '"language" is en or fr.');
  if (input.order !== undefined && input.order !== 'manual' && input.order !== 'date') throw new ApiError('bad-request', '"order" is manual or date.');
  const items = input.items ?? [];
  if (!Array.isArray(items) || items.length > 500) throw new ApiError('bad-request', '"items" is a list of at most 500 releases.');
  for (const item of items) {
    if (!item || typeof item.releaseId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(item.releaseId)) throw new ApiError('bad-request', 'Each item names a release by its id.');
    if (item.summary !== null && item.summary !== undefined) text(item.summary, 'summary', 5000);
  }
  return {
    id,
    title,
    subject: (input.subject ?? []).map((c) => c.toUpperCase()),
    preparedFor: text(input.preparedFor, 'preparedFor', 200),
    preparedBy: text(input.preparedBy, 'preparedBy', 200),
    date: input.date ?? now.toISOString().slice(0, 10),
    marking: text(input.marking, 'marking', 120),
    language: input.language ?? 'en',
    query: text(input.query, 'query', 1000),
    order: input.order ?? 'manual',
    items: [...new Map(items.map((i) => [i.releaseId, { releaseId: i.releaseId, summary: typeof i.summary === 'string' && i.summary.trim() ? i.summary : null }])).values()],
    created: created ?? now.toISOString(),
    updated: now.toISOString(),
  };
}
