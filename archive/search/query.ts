import { fold } from '../enrich/fold.js';
import { terms as termsOf } from './tokens.js';

/**
 * The query language, parsed by a pure function:
 *   words           all must match
 *   "exact phrase"  the words in this order
 *   -word -"phrase" must not match
 *   a OR b          either
 *   prefix*         any word starting so
 *   title:word      in the title only (also title:"phrase", title:prefix*)
 * A malformed query is read leniently and says what it did in `notices`; it never throws.
 */

export type ClauseKind = 'term' | 'phrase' | 'prefix';

export interface Clause {
  kind: ClauseKind;
  field: 'all' | 'title';
  /** What the user typed for this clause. */
  raw: string;
  /** Normalised terms as English stems them (a phrase has several; a prefix has its folded start). */
  terms: string[];
  /** The same as French stems them (the same as `terms` for most words). */
  termsFr: string[];
  /** Set when the clause names a country: it matches where a release names that country (any of these). */
  countries?: string[];
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its clauses does (OR). */
  required: Clause[][];
  excluded: Clause[];
  notices: string[];
}

interface Lexeme {
  text: string;
  quoted: boolean;
  negated: boolean;
  field: 'all' | 'title';
  unclosed?: boolean;
}

function lex(input: string, notices: string[]): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/.test(input[i]!)) i++;
    if (i >= n) break;
    let negated = false;
    let field: 'all' | 'title' = 'all';
    if (input[i] === '-' || input[i] === '−') {
      negated = true;
      i++;
      if (i >= n || /\s/.test(input[i]!)) {
        notices.push('A lone “-” was ignored: write -word or -"phrase" to exclude.');
        continue;
      }
    }
    if (/^title:/i.test(input.slice(i, i + 6))) {
      field = 'title';
      i += 6;
      if (i >= n || /\s/.test(input[i]!)) {
        notices.push('“title:” needs a word or "phrase" right after it; it was ignored.');
        continue;
      }
    }
    const quote = input[i];
    if (quote === '"' || quote === '“' || quote === '«') {
      const close = quote === '"' ? '"' : quote === '“' ? '”' : '»';
      const end = input.indexOf(close, i + 1);
      if (end < 0) {
        notices.push('A quote was not closed; the phrase was read to the end of the query.');
        out.push({ text: input.slice(i + 1), quoted: true, negated, field, unclosed: true });
        break;
      }
      out.push({ text: input.slice(i + 1, end), quoted: true, negated, field });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < n && !/\s/.test(input[j]!) && input[j] !== '"') j++;
    out.push({ text: input.slice(i, j), quoted: false, negated, field });
    i = j;
  }
  return out;
}

function toClause(l: Lexeme, notices: string[]): Clause | null {
  const raw = l.text.trim();
  if (!l.quoted && raw.endsWith('*')) {
    const stemPart = raw.replace(/\*+$/, '');
    const prefix = foldPrefix(stemPart);
    if (prefix.length < 2) {
      notices.push(`“${raw}” needs at least two letters before the *; it was ignored.`);
      return null;
    }
    // The prefix is matched on folded words; stemming would cut it differently.
    return { kind: 'prefix', field: l.field, raw, terms: [prefix], termsFr: [prefix] };
  }
  const t = termsOf(raw);
  if (t.en.length === 0) {
    if (raw.length > 0) notices.push(`“${raw}” has no letters or digits to search for; it was ignored.`);
    else if (l.quoted) notices.push('An empty phrase "" was ignored.');
    return null;
  }
  return { kind: t.en.length === 1 ? 'term' : 'phrase', field: l.field, raw, terms: t.en, termsFr: t.fr };
}

function foldPrefix(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

export function parseQuery(input: string): ParsedQuery {
  const notices: string[] = [];
  const lexemes = lex(input ?? '', notices);
  const required: Clause[][] = [];
  const excluded: Clause[] = [];
  let pendingOr = false;
  for (let k = 0; k < lexemes.length; k++) {
    const l = lexemes[k]!;
    if (!l.quoted && !l.negated && l.field === 'all' && (l.text === 'OR' || l.text === '|')) {
      if (required.length === 0 || pendingOr) notices.push('“OR” needs a word on each side; it was ignored.');
      else pendingOr = true;
      continue;
    }
    const clause = toClause(l, notices);
    if (!clause) continue;
    if (l.negated) {
      excluded.push(clause);
      if (pendingOr) notices.push('“OR” before an exclusion was ignored.');
      pendingOr = false;
      continue;
    }
    if (pendingOr) required[required.length - 1]!.push(clause);
    else required.push([clause]);
    pendingOr = false;
  }
  if (pendingOr) notices.push('“OR” at the end of the query was ignored.');
  if (required.length === 0 && excluded.length > 0) notices.push('Only exclusions: showing every release without them.');
  return { required, excluded, notices };
}
