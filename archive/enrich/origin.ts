import type { ReleaseOrigin } from '../api/types.js';
import { countryByCode, countryOfCity } from './country-names.js';

/**
 * Where a release comes from, read from the release itself: the country of its address (a
 * government's domain, or a country's own top-level domain) and of its dateline's city. A
 * publisher's own country is not a partner of its releases.
 */
const GOVERNMENT_DOMAINS: Record<string, string> = {
  'admin.ch': 'CH',
  'whitehouse.gov': 'US',
  'state.gov': 'US',
  'defense.gov': 'US',
  'gov.uk': 'GB',
  'gouv.fr': 'FR',
  'canada.ca': 'CA',
  'gc.ca': 'CA',
  'bund.de': 'DE',
  'auswaertiges-amt.de': 'DE',
  'go.jp': 'JP',
  'gov.au': 'AU',
  'govt.nz': 'NZ',
  'gov.ua': 'UA',
};
/** Country codes used as generic domains: they say nothing of a publisher's country. */
const GENERIC_CCTLDS = new Set(['io', 'co', 'tv', 'me', 'ai', 'fm', 'ly', 'gg', 'so', 'to', 'ws', 'cc', 'app', 'eu']);

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host || null;
  } catch {
    return null;
  }
}

export function countryOfHost(host: string | null): string | null {
  if (!host) return null;
  for (const [domain, code] of Object.entries(GOVERNMENT_DOMAINS)) if (host === domain || host.endsWith(`.${domain}`)) return code;
  const tld = host.split('.').pop() ?? '';
  if (tld === 'gov' || tld === 'mil') return 'US';
  if (tld.length === 2 && !GENERIC_CCTLDS.has(tld)) {
    const code = tld === 'uk' ? 'GB' : tld.toUpperCase();
    return countryByCode(code) ? code : null;
  }
  return null;
}

export function releaseOrigin(sourceUrl: string | null, place: string | null): ReleaseOrigin {
  const host = hostOf(sourceUrl);
  return { host, country: countryOfHost(host), datelineCountry: countryOfCity(place) };
}
