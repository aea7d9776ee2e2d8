import type { PartnerCountry, ReleaseOrigin } from '../api/types.js';

/**
 * The archive's home countries: the publishers' own countries (Switzerland in Swiss federal
 * releases, the United States in White House ones). A release is never about its publisher's
 * country: that is not a partnership with oneself. They are found from the releases themselves
 * (the country of their address or of their dateline) unless the desk officer sets them.
 */

/** A country that publishes at least this share of the releases is a home country. */
const HOME_SHARE = 0.15;

export function detectHomeCountries(origins: Iterable<ReleaseOrigin>): string[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const o of origins) {
    total++;
    const code = o.country ?? o.datelineCountry;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts.entries()].filter(([, n]) => n >= 3 && n >= total * HOME_SHARE).sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

/**
 * Which countries are home for a release: its publisher is the country of its address, else the
 * home country of its dateline; a release that says neither is from one of the homes.
 */
export function homeTest(origin: ReleaseOrigin, home: ReadonlySet<string>): (code: string) => boolean {
  const dateline = origin.datelineCountry;
  const publisher = origin.country ?? (dateline && home.has(dateline) ? dateline : null);
  return publisher === null ? (code) => home.has(code) : (code) => code === publisher;
}

/** Sets `home` and `about` on a release's countries (see homeTest). */
export function applyHome(countries: PartnerCountry[], origin: ReleaseOrigin, home: ReadonlySet<string>): void {
  const isHome = homeTest(origin, home);
  for (const c of countries) {
    c.home = isHome(c.code);
    c.about = !c.home && c.aboutBecause.length > 0;
  }
}
