import type { ParsedQueryInfo } from '../api/types.js';
import type { ParsedQuery } from './query.js';

/** What a search answer tells the UI about how its query was read. */
export function queryInfo(parsed: ParsedQuery, expansions: ParsedQueryInfo['expansions'], suggestions: ParsedQueryInfo['suggestions'] = []): ParsedQueryInfo {
  const clauses = parsed.required.flat();
  return {
    terms: clauses.filter((c) => c.kind === 'term').map((c) => c.raw),
    phrases: clauses.filter((c) => c.kind === 'phrase').map((c) => c.raw),
    excluded: parsed.excluded.map((c) => c.raw),
    anyOf: parsed.required.filter((g) => g.length > 1).map((g) => g.map((c) => c.raw)),
    prefixes: clauses.filter((c) => c.kind === 'prefix').map((c) => c.raw),
    titleTerms: clauses.filter((c) => c.field === 'title').map((c) => c.raw),
    expansions,
    notices: parsed.notices,
    suggestions,
  };
}
