import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, type Clause } from '../../archive/search/query.js';

/** A clause in short: its kind and terms, with the French stems after a bar where they differ. */
const show = (c: Clause): string => `${c.field === 'title' ? 'title:' : ''}${c.kind}:${c.terms.join('+')}${c.termsFr.join('+') !== c.terms.join('+') ? `|${c.termsFr.join('+')}` : ''}`;
const shape = (q: string): { req: string[][]; not: string[]; notices: number } => {
  const p = parseQuery(q);
  return { req: p.required.map((g) => g.map(show)), not: p.excluded.map(show), notices: p.notices.length };
};

describe('the query language', () => {
  it.each([
    ['Japan cyber', { req: [['term:japan'], ['term:cyber']], not: [], notices: 0 }],
    ['cyberdéfense Japon', { req: [['term:cyberdefense|cyberdefens'], ['term:japon']], not: [], notices: 0 }],
    ['"cyber defence" NATO', { req: [['phrase:cyber+defence|cyber+defenc'], ['term:nato']], not: [], notices: 0 }],
    ['sanctions -Russia', { req: [['term:sanction']], not: ['term:russia'], notices: 0 }],
    ['Ukraine -"humanitarian aid"', { req: [['term:ukraine|ukrain']], not: ['phrase:humanitarian+aid'], notices: 0 }],
    ['Japan OR Korea', { req: [['term:japan', 'term:korea']], not: [], notices: 0 }],
    ['Japan OR Korea OR China defence', { req: [['term:japan', 'term:korea', 'term:china'], ['term:defence|defenc']], not: [], notices: 0 }],
    ['cyber*', { req: [['prefix:cyber']], not: [], notices: 0 }],
    ['title:Ukraine aid', { req: [['title:term:ukraine|ukrain'], ['term:aid']], not: [], notices: 0 }],
    ['title:"State Partnership"', { req: [['title:phrase:state+partnership|stat+partnership']], not: [], notices: 0 }],
    ['États-Unis', { req: [['phrase:etat+unis']], not: [], notices: 0 }],
    ['Etats-Unis', { req: [['phrase:etat+unis']], not: [], notices: 0 }],
    ['«défense nationale»', { req: [['phrase:defense+nationale|defens+national']], not: [], notices: 0 }],
    // Malformed, read leniently with a notice:
    ['"cyber defence', { req: [['phrase:cyber+defence|cyber+defenc']], not: [], notices: 1 }],
    ['Japan -', { req: [['term:japan']], not: [], notices: 1 }],
    ['OR Japan', { req: [['term:japan']], not: [], notices: 1 }],
    ['Japan OR', { req: [['term:japan']], not: [], notices: 1 }],
    ['a*', { req: [], not: [], notices: 1 }],
    ['""', { req: [], not: [], notices: 1 }],
    ['title:', { req: [], not: [], notices: 1 }],
    ['-Russia', { req: [], not: ['term:russia'], notices: 1 }],
    ['', { req: [], not: [], notices: 0 }],
  ])('%s', (query, expected) => {
    expect(shape(query)).toEqual(expected);
  });

  it('never throws, whatever is typed (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const parsed = parseQuery(s);
        for (const group of parsed.required) expect(group.length).toBeGreaterThan(0);
        for (const c of [...parsed.required.flat(), ...parsed.excluded]) expect(c.terms.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads query syntax characters mixed with words without throwing (property)', () => {
    const pieces = ['"', '-', 'OR', '*', 'title:', '«', '»', 'Japon', 'défense', ' ', ' ', '(', ')'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        expect(() => parseQuery(parts.join(''))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
