import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../archive/enrich/quotes.js';

describe('people quoted, with their roles', () => {
  it.each([
    ['« Nous renforçons notre coopération avec nos partenaires », a déclaré Viola Amherd, conseillère fédérale.', 'Viola Amherd', 'conseillère fédérale'],
    ['« Cette coopération est essentielle pour notre sécurité », a souligné M. Jean Dupont, directeur de la politique de sécurité.', 'Jean Dupont', 'directeur de la politique de sécurité'],
    ['“We are deepening our partnership with Japan,” said Jane Hartley, Ambassador to the United Kingdom.', 'Jane Hartley', 'Ambassador to the United Kingdom'],
    ['“This agreement protects our workers and our industries,” President Biden said.', 'Biden', 'President'],
    ['“This agreement protects our workers and our industries,” said Secretary Antony Blinken.', 'Antony Blinken', 'Secretary'],
    ['Minister Ueli Maurer said: "Switzerland will keep its financial centre clean and competitive for years."', 'Ueli Maurer', 'Minister'],
    ['Selon Ignazio Cassis, chef du DFAE, « la Suisse restera un partenaire fiable pour ses voisins européens ».', 'Ignazio Cassis', 'chef du DFAE'],
  ])('%s', (paragraph, speaker, role) => {
    const quotes = findQuotes([paragraph]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ speaker, role });
    expect(quotes[0]!.text.length).toBeGreaterThan(25);
  });

  it('gives a quote attributed to a pronoun to the person quoted just before', () => {
    const quotes = findQuotes([
      '“We will stand with Ukraine for as long as it takes and beyond,” said Jens Stoltenberg, NATO Secretary General.',
      '“Our support makes a real difference on the battlefield every day,” he added.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Jens Stoltenberg', 'Jens Stoltenberg']);
  });

  it('does not invent a speaker for a quoted phrase without attribution', () => {
    expect(findQuotes(['Le programme « Partenariat pour la paix et la sécurité internationale » a été lancé en 1996.'])).toEqual([]);
  });
});

describe('no speaker from a common noun', () => {
  it('« selon les autorités » names nobody', () => {
    expect(findQuotes(['Selon les autorités compétentes, « la situation reste tendue dans toute la région ».'])).toEqual([]);
  });
});
