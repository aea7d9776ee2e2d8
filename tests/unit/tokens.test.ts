import { describe, expect, it } from 'vitest';
import { stem, termString, terms, termsOfRelease } from '../../archive/search/tokens.js';

describe('the terms that indexing and queries share', () => {
  it.each([
    ['défense', 'fr', 'defens'],
    ['défenses', 'fr', 'defens'],
    ['defense', 'en', 'defense'],
    ['countries', 'en', 'country'],
    ['boxes', 'en', 'box'],
    ['internationaux', 'fr', 'international'],
    ['internationale', 'fr', 'international'],
    ['jeux', 'fr', 'jeu'],
    ['Swiss', 'en', 'swiss'],
    ['status', 'en', 'status'],
    ['2019', 'fr', '2019'],
    // Each language's words keep to themselves: Corée is not core, Inde is not index.
    ['Corée', 'fr', 'coree'],
    ['core', 'en', 'core'],
    ['Inde', 'fr', 'inde'],
    ['index', 'fr', 'index'],
    ['index', 'en', 'index'],
    ['Chine', 'fr', 'chin'],
    ['china', 'en', 'china'],
  ])('%s in %s → %s', (word, language, term) => {
    expect(termString(word, language)).toBe(term);
  });

  it('gives a query word in both languages’ forms', () => {
    expect(terms('défenses')).toEqual({ en: ['defense'], fr: ['defens'] });
    expect(terms('Corée')).toEqual({ en: ['coree'], fr: ['coree'] });
  });

  it('folds case and accents, splits elisions and drops single letters', () => {
    expect(termString('L’OTAN et le Japon, d’accord.', 'fr')).toBe('otan et le japon accord');
    expect(termString('États-Unis', 'fr')).toBe('etat unis');
  });

  it('keeps a release’s title terms apart from its body terms, with a country term where it names a country', () => {
    const text = 'Coopération avec le Japon\n\nLa Suisse et le Japon.';
    const t = termsOfRelease({ title: 'Coopération avec le Japon', text, language: 'fr', countries: [{ code: 'JP', evidence: [{ text: 'Japon', start: 20 }, { text: 'Japon', start: 43 }] }, { code: 'CH', evidence: [{ text: 'Suisse', start: 30 }] }, { code: 'KR', evidence: [{ text: 'Séoul', start: 0 }] }] });
    expect(t).toEqual({ titleTerms: ' cooperation avec le japon @jp ', bodyTerms: ' la suiss et le japon @jp @ch ' });
  });

  it('leaves short words and numbers alone', () => {
    expect(stem('les', 'fr')).toBe('les');
    expect(stem('1990s', 'en')).toBe('1990s');
  });
});
