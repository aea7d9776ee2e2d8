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

export function features(r: PressRelease): Set<string> {
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

/** Who published a release, as far as it says: the site of its address, else the country of its address or dateline. */
function publisherOf(r: PressRelease): { site: string | null; country: string | null } {
  const labels = r.origin?.host?.split('.') ?? [];
  return { site: labels.length >= 2 ? labels.slice(-2).join('.') : null, country: r.origin?.country ?? r.origin?.datelineCountry ?? null };
}

/** Two releases of different publishers are never versions of each other. */
function samePublisher(a: PressRelease, b: PressRelease): boolean {
  const pa = publisherOf(a);
  const pb = publisherOf(b);
  if (pa.site && pb.site) return pa.site === pb.site;
  if (pa.country && pb.country) return pa.country === pb.country;
  return true;
}

/** A translation keeps the shape of its original: about as long (French runs longer), about as many paragraphs. */
function sameShape(a: PressRelease, b: PressRelease): boolean {
  const length = a.text.length / Math.max(1, b.text.length);
  const paragraphs = (a.text.split('\n\n').length) / Math.max(1, b.text.split('\n\n').length);
  return length > 0.5 && length < 2 && paragraphs > 0.4 && paragraphs < 2.5;
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

export function linkTranslations(releases: PressRelease[], threshold = 0.3): Map<string, string[]> {
  const dated = releases.filter((r) => r.published && r.language !== 'und');
  const byDay = new Map<number, PressRelease[]>();
  const dayOf = (r: PressRelease): number => Math.floor(Date.parse(`${r.published}T00:00:00Z`) / DAY);
  for (const r of dated) {
    const d = dayOf(r);
    const list = byDay.get(d) ?? [];
    list.push(r);
    byDay.set(d, list);
  }
  const cache = new Map<string, Set<string>>();
  const feat = (r: PressRelease): Set<string> => {
    let f = cache.get(r.id);
    if (!f) {
      f = features(r);
      cache.set(r.id, f);
    }
    return f;
  };
  // The countries a release names (all of them: what it is "about" depends on the archive's home countries, a translation does not).
  const countriesOf = (r: PressRelease): Set<string> => new Set(r.countries.filter((c) => c.evidence.length > 0).map((c) => c.code));

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
        const score = similarity(feat(r), feat(other)) + (ca.size || cb.size ? (0.2 * shared) / Math.max(ca.size, cb.size) : 0.1) - 0.08 * Math.abs(k - d);
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
