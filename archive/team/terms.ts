import { sequenceOf } from '../search/indexed.js';
import type { Clause } from '../search/query.js';
import type { ExpandedQuery } from '../search/expansion.js';
import type { ReleaseTerms } from '../search/tokens.js';

/**
 * The desktop's terms in PostgreSQL's full-text types. A release's terms become a `tsvector`
 * with their positions (the title's weighted A), a query's clauses a `tsquery`: a word in either
 * language's stem, `title:` as weight A, a prefix as `:*`, a phrase as `<->`, a country as its
 * `cc_xx` term. PostgreSQL's own English and French configurations stem differently from the
 * desktop (and would find other releases for the same query): the terms are made once, by the
 * engine, for both. Positions past 16,383 (PostgreSQL's limit) count as 16,383.
 */

/** A term as a lexeme: the desktop's country terms (`@jp`) as `cc_jp`. */
export function lexeme(term: string): string {
  return `'${lexemeName(term).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A term as PostgreSQL stores the lexeme (unquoted). */
export function lexemeName(term: string): string {
  return term.startsWith('@') ? `cc_${term.slice(1)}` : term;
}

/** A lexeme back as the desktop's term. */
export function termOfLexeme(name: string): string {
  return name.startsWith('cc_') && name.length === 5 ? `@${name.slice(3)}` : name;
}

const MAX_POSITION = 16383;

export function tsvectorOf(terms: ReleaseTerms): string {
  const { sequence, titleLength } = sequenceOf(terms);
  const at = new Map<string, string[]>();
  sequence.forEach((term, i) => {
    if (!term) return;
    const pos = Math.min(MAX_POSITION, i + 1);
    const list = at.get(term) ?? [];
    if (list.length < 256) list.push(i < titleLength ? `${pos}A` : String(pos));
    at.set(term, list);
  });
  return [...at].map(([term, positions]) => `${lexeme(term)}:${positions.join(',')}`).join(' ');
}

function clauseQuery(c: Clause): string {
  const weight = c.field === 'title' ? ':A' : '';
  if (c.kind === 'prefix') return `${lexeme(c.terms[0]!)}:*${c.field === 'title' ? 'A' : ''}`;
  if (c.kind === 'phrase') {
    const forms = c.terms.map((t, i) => {
      const fr = c.termsFr[i] ?? t;
      return fr === t ? `${lexeme(t)}${weight}` : `(${lexeme(t)}${weight} | ${lexeme(fr)}${weight})`;
    });
    return `(${forms.join(' <-> ')})`;
  }
  const en = c.terms[0]!;
  const fr = c.termsFr[0] ?? en;
  return en === fr ? `${lexeme(en)}${weight}` : `(${lexeme(en)}${weight} | ${lexeme(fr)}${weight})`;
}

/** The whole query as one `tsquery`, or null when it has nothing to match (then every release matches). */
export function tsqueryOf(query: ExpandedQuery): { query: string | null; excluded: string | null } {
  const groups = query.groups.filter((g) => g.length).map((g) => `(${g.map(clauseQuery).join(' | ')})`);
  const excluded = query.excluded.length ? query.excluded.map(clauseQuery).join(' | ') : null;
  return { query: groups.length ? groups.join(' & ') : null, excluded };
}

/** What the team archive keeps of a release's terms: the vector, its lexemes (for rarity), its length and title terms (for scoring). */
export function termsRow(terms: ReleaseTerms): { vector: string; lexemes: string[]; length: number; titleTerms: string } {
  const { sequence } = sequenceOf(terms);
  const lexemes = [...new Set(sequence.filter(Boolean))].map(lexemeName);
  return { vector: tsvectorOf(terms), lexemes, length: sequence.length, titleTerms: terms.titleTerms };
}
