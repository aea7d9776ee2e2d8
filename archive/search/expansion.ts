import { countryForTerm } from '../enrich/countries.js';
import type { Clause, ParsedQuery } from './query.js';
import { terms as termsOf } from './tokens.js';

/** Clauses a query word brings with it (a country's names in the other language), and what it added. */
export type Expander = (clause: Clause) => { clauses: Clause[]; added: string[] } | null;

/** A parsed query with its expansions applied: what matching and highlighting both work from. */
export interface ExpandedQuery {
  /** Every group must match; a group matches when any of its clauses does. */
  groups: Clause[][];
  excluded: Clause[];
  expansions: { term: string; added: string[] }[];
  /** The terms and prefixes to mark in snippets and in the reader. */
  highlightTerms: Set<string>;
  prefixes: string[];
}

export function expandQuery(parsed: ParsedQuery, expand: Expander | null): ExpandedQuery {
  const expansions: { term: string; added: string[] }[] = [];
  const highlightTerms = new Set<string>();
  const prefixes: string[] = [];
  const groups = parsed.required.map((group) => {
    const out: Clause[] = [];
    for (const clause of group) {
      out.push(clause);
      const x = expand?.(clause);
      if (x && x.added.length) {
        out.push(...x.clauses);
        expansions.push({ term: clause.raw, added: x.added });
      }
    }
    return out;
  });
  for (const clause of groups.flat()) {
    if (clause.kind === 'prefix') prefixes.push(clause.terms[0]!);
    else for (const t of clause.terms) highlightTerms.add(t);
  }
  return { groups, excluded: parsed.excluded, expansions, highlightTerms, prefixes };
}

/** A country named in a query also matches its names and adjectives in the other language. */
export const countryExpander: Expander = (clause) => {
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
