import type { PressRelease } from '../api/types.js';
import { fold } from '../enrich/fold.js';

/**
 * Links the same release in two languages: from the same publisher, published within two days of
 * each other, in different languages, of the same shape (length, paragraphs), naming the same
 * partner countries, and sharing the numbers and proper names that translation leaves alone
 * (amounts, years, people, places). A wrong link hides a release under another, which is worse
 * than a missing one.
 */
const DAY = 86_400_000;

/**
 * What linking needs of a release, small enough to keep in memory for every release of the
 * archive: its publisher, date, language, the countries it names, its shape, and its features
 * (numbers and names) as sorted hashes.
 */
export interface LinkShape {
  id: string;
  published: string | null;
  language: string;
  origin: PressRelease['origin'];
  /** The countries it names (with evidence in its text). */
  named: string[];
  textLength: number;
  paragraphs: number;
  features: Uint32Array;
}

/** FNV-1a: features are compared by hash (a collision merely counts one extra shared feature). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function features(r: Pick<PressRelease, 'text'>): Set<string> {
  const out = new Set<string>();
  const text = r.text.slice(0, 6000);
  for (const m of text.matchAll(/\d[\d'’.,]*\d|\d/g)) {
    const n = m[0].replace(/[’'.,]/g, '');
    if (n.length >= 2) out.add(`#${n}`);
  }
  // Capitalised words that are not at a sentence start: names survive translation.
  for (const m of text.matchAll(/(?<=[\p{Ll},;:]\s+)(\p{Lu}[\p{L}-]{3,})/gu)) out.add(fold(m[1]!));
  return out;
}

export function linkShapeOf(r: PressRelease): LinkShape {
  return {
    id: r.id,
    published: r.published,
    language: r.language,
    origin: r.origin,
    named: r.countries.filter((c) => c.evidence.length > 0).map((c) => c.code),
    textLength: r.text.length,
    paragraphs: r.text.split('\n\n').length,
    features: Uint32Array.from(new Set([...features(r)].map(hash))).sort(),
  };
}

/** Who published a release, as far as it says: the site of its address, else the country of its address or dateline. */
function publisherOf(r: LinkShape): { site: string | null; country: string | null } {
  const labels = r.origin?.host?.split('.') ?? [];
  return { site: labels.length >= 2 ? labels.slice(-2).join('.') : null, country: r.origin?.country ?? r.origin?.datelineCountry ?? null };
}

/** Two releases of different publishers are never versions of each other. */
function samePublisher(a: LinkShape, b: LinkShape): boolean {
  const pa = publisherOf(a);
  const pb = publisherOf(b);
  if (pa.site && pb.site) return pa.site === pb.site;
  if (pa.country && pb.country) return pa.country === pb.country;
  return true;
}

/** A translation keeps the shape of its original: about as long (French runs longer), about as many paragraphs. */
function sameShape(a: LinkShape, b: LinkShape): boolean {
  const length = a.textLength / Math.max(1, b.textLength);
  const paragraphs = a.paragraphs / Math.max(1, b.paragraphs);
  return length > 0.5 && length < 2 && paragraphs > 0.4 && paragraphs < 2.5;
}

/** Shared features over the smaller set, for two sorted arrays of hashes. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / Math.min(a.length, b.length);
}

export function linkTranslations(releases: (PressRelease | LinkShape)[], threshold = 0.3): Map<string, string[]> {
  const shapes = releases.map((r) => ('features' in r ? r : linkShapeOf(r)));
  const dated = shapes.filter((r) => r.published && r.language !== 'und');
  const byDay = new Map<number, LinkShape[]>();
  const dayOf = (r: LinkShape): number => Math.floor(Date.parse(`${r.published}T00:00:00Z`) / DAY);
  for (const r of dated) {
    const d = dayOf(r);
    const list = byDay.get(d) ?? [];
    list.push(r);
    byDay.set(d, list);
  }
  // The countries a release names (all of them: what it is "about" depends on the archive's home countries, a translation does not).
  const countriesOf = (r: LinkShape): Set<string> => new Set(r.named);

  const best = new Map<string, { id: string; score: number }[]>();
  for (const r of dated) {
    const d = dayOf(r);
    for (let k = d - 2; k <= d + 2; k++) {
      for (const other of byDay.get(k) ?? []) {
        if (other.id <= r.id || other.language === r.language || !samePublisher(r, other) || !sameShape(r, other)) continue;
        const ca = countriesOf(r);
        const cb = countriesOf(other);
        // The countries named must agree where both name some (detection may miss one in a short text).
        const shared = [...ca].filter((c) => cb.has(c)).length;
        if (ca.size && cb.size && shared === 0) continue;
        // The versions of a release come out the same day, as a rule: each day apart costs.
        const score = similarity(r.features, other.features) + (ca.size || cb.size ? (0.2 * shared) / Math.max(ca.size, cb.size) : 0.1) - 0.08 * Math.abs(k - d);
        if (score < threshold) continue;
        for (const [x, y] of [[r, other], [other, r]] as const) {
          const list = best.get(x.id) ?? [];
          list.push({ id: y.id, score });
          best.set(x.id, list);
        }
      }
    }
  }
  // Each release keeps its best match per language, and only when that match agrees.
  const top = new Map<string, Map<string, { id: string; score: number }>>();
  const languageOf = new Map(dated.map((r) => [r.id, r.language]));
  for (const [id, list] of best) {
    const perLanguage = new Map<string, { id: string; score: number }>();
    for (const c of list) {
      const lang = languageOf.get(c.id)!;
      const cur = perLanguage.get(lang);
      if (!cur || c.score > cur.score) perLanguage.set(lang, c);
    }
    top.set(id, perLanguage);
  }
  const links = new Map<string, string[]>();
  for (const [id, perLanguage] of top) {
    for (const [, c] of perLanguage) {
      const back = top.get(c.id)?.get(languageOf.get(id)!);
      if (back?.id === id) links.set(id, [...(links.get(id) ?? []), c.id]);
    }
  }
  return links;
}
