import type { AboutReason, PartnerCountry, ReleaseOrigin } from '../api/types.js';
import { applyHome } from './home.js';
import { countryByCode } from '../enrich/country-names.js';

/**
 * A release's countries as a short text, the way the index keeps stored releases in memory and on
 * disk: each code with the reasons it is a subject (`DZ title,lead|LY agreement|US`). A country's
 * name, `home` and `about` are derived again (applyHome), its evidence lies with the text.
 */

/** The countries of a release as a short text: each code with the reasons it is a subject. */
export function countriesToText(countries: readonly PartnerCountry[]): string {
  return countries.map((c) => (c.aboutBecause.length ? `${c.code} ${c.aboutBecause.join(',')}` : c.code)).join('|');
}

/** The countries back from their text, with no evidence, `home` and `about` as the archive's home countries say (see applyHome). */
export function countriesFromText(text: string, origin: ReleaseOrigin, home: ReadonlySet<string>): PartnerCountry[] {
  if (!text) return [];
  const countries = text.split('|').map((piece): PartnerCountry => {
    const space = piece.indexOf(' ');
    const code = space < 0 ? piece : piece.slice(0, space);
    const aboutBecause = (space < 0 ? [] : piece.slice(space + 1).split(',')) as AboutReason[];
    return { code, name: countryByCode(code)?.en ?? code, about: false, aboutBecause, home: false, evidence: [] };
  });
  applyHome(countries, origin, home);
  return countries;
}

/** Each country's code and whether its text gives a reason it is a subject, without making objects. */
export function forEachCountry(text: string, each: (code: string, hasReasons: boolean) => void): void {
  if (!text) return;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('|', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    const hasReasons = space >= 0 && space < end;
    each(text.slice(start, hasReasons ? space : end), hasReasons);
    start = end + 1;
  }
}

/** The numbers of the countries a release names, and of those it is about, read from their text. */
export function idsFromText(text: string, isHome: (code: string) => boolean, id: (code: string) => number): { mentioned: Uint16Array; about: Uint16Array } {
  const mentioned: number[] = [];
  const about: number[] = [];
  forEachCountry(text, (code, hasReasons) => {
    const n = id(code);
    mentioned.push(n);
    if (hasReasons && !isHome(code)) about.push(n);
  });
  return { mentioned: Uint16Array.from(mentioned), about: Uint16Array.from(about) };
}
