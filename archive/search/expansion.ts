import { countriesForTerm } from '../enrich/countries.js';
import type { Clause, ParsedQuery } from './query.js';
import { countryTerm } from './tokens.js';

/** Clauses a query word brings with it (a country's names in the other language), and what it added. */
export type Expander = (clause: Clause) => { clauses: Clause[]; added: string[] } | null;

/** A parsed query with its expansions applied: what matching and highlighting both work from. */
export interface ExpandedQuery {
  /** Every group must match; a group matches when any of its clauses does. */
  groups: Clause[][];
  excluded: Clause[];
  expansions: { term: string; added: string[] }[];
  /** The terms, prefixes and countries to mark in snippets and in the reader. */
  highlightTerms: Set<string>;
  prefixes: string[];
  countries: Set<string>;
}

export function expandQuery(parsed: ParsedQuery, expand: Expander | null): ExpandedQuery {
  const expansions: { term: string; added: string[] }[] = [];
  const expandOne = (clause: Clause): Clause[] => {
    const x = expand?.(clause);
    if (!x) return [clause];
    if (x.added.length) expansions.push({ term: clause.raw, added: x.added });
    return x.clauses;
  };
  const groups = parsed.required.map((group) => group.flatMap(expandOne));
  const excluded = parsed.excluded.flatMap((c) => expand?.(c)?.clauses ?? [c]);
  const highlightTerms = new Set<string>();
  const prefixes: string[] = [];
  const countries = new Set<string>();
  for (const clause of groups.flat()) {
    if (clause.countries) for (const c of clause.countries) countries.add(c);
    else if (clause.kind === 'prefix') prefixes.push(clause.terms[0]!);
    else for (const t of [...clause.terms, ...clause.termsFr]) highlightTerms.add(t);
  }
  return { groups, excluded, expansions, highlightTerms, prefixes, countries };
}

/**
 * A country named in a query matches that country only: where a release names it as a country,
 * by any of its names, adjectives and capital, in either language (Japan ⇄ Japon ⇄ japonais ⇄
 * Tokyo), and not a word that is something else (chine, the porcelain). A word two states share
 * (Korea) matches either.
 */
export const countryExpander: Expander = (clause) => {
  if (clause.kind === 'prefix' || clause.countries) return null;
  const named = countriesForTerm(clause.raw);
  if (named.length === 0) return null;
  const codes = named.map((c) => c.code);
  const added = [...new Set(named.flatMap((c) => c.queryForms))].filter((f) => f.toLowerCase() !== clause.raw.toLowerCase()).slice(0, 12);
  // One clause per country, so that the group matches either.
  const clauses = codes.map((code): Clause => ({ ...clause, kind: 'term', countries: [code], terms: [countryTerm(code)], termsFr: [countryTerm(code)] }));
  return { clauses, added };
};
