import { describe, expect, it } from 'vitest';
import { stem, termString, terms, termsOfRelease } from '../../archive/search/tokens.js';

describe('the terms that indexing and queries share', () => {
  it.each([
    ['défense', 'defens'],
    ['defense', 'defens'],
    ['Défenses', 'defens'],
    ['countries', 'country'],
    ['internationaux', 'international'],
    ['international', 'international'],
    ['Swiss', 'swiss'],
    ['status', 'status'],
    ['2019', '2019'],
  ])('%s → %s', (word, term) => {
    expect(terms(word)).toEqual([term]);
  });

  it('folds case and accents, splits elisions and drops single letters', () => {
    expect(termString('L’OTAN et le Japon, d’accord.')).toBe('otan et le japon accord');
    expect(termString('États-Unis')).toBe('etat unis');
  });

  it('keeps a release’s title terms apart from its body terms, each padded with spaces', () => {
    const t = termsOfRelease({ title: 'Coopération avec le Japon', text: 'Coopération avec le Japon\n\nLa Suisse et le Japon.' });
    expect(t).toEqual({ titleTerms: ' cooperation avec le japon ', bodyTerms: ' la suiss et le japon ' });
  });

  it('leaves short words and numbers alone', () => {
    expect(stem('les')).toBe('les');
    expect(stem('1990s')).toBe('1990s');
  });
});
