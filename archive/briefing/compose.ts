import type { Briefing, BriefingDocument, BriefingEntry, PressRelease } from '../api/types.js';
import { countryByCode } from '../enrich/countries.js';
import { briefingSummary } from '../enrich/summary.js';
import { highlightRanges, type Marks } from '../search/highlights.js';
import { buildTimeline } from '../search/timeline.js';
import { terms } from '../search/tokens.js';
import { paragraphsOf } from '../local-archive.js';

/** How many quotes a release brings to a briefing: the key ones, not every line. */
const KEY_QUOTES = 3;

/** The query's words to mark in a briefing's own text, the names of the countries it names included. */
function textMarks(marks: Marks): Marks {
  const words = new Set(marks.terms);
  for (const code of marks.countries) {
    for (const form of countryByCode(code)?.queryForms ?? []) {
      const t = terms(form);
      if (t.en.length === 1) words.add(t.en[0]!);
      if (t.fr.length === 1) words.add(t.fr[0]!);
    }
  }
  return { terms: words, prefixes: marks.prefixes, countries: new Set() };
}

/** Where a release comes from, in a reader's words: its site, else its country. */
function publisherOf(r: PressRelease): string | null {
  if (r.origin.host) return r.origin.host.replace(/^www\./, '');
  const code = r.origin.country ?? r.origin.datelineCountry;
  return code ? (countryByCode(code)?.en ?? code) : null;
}

/**
 * A briefing worked out for reading: its releases in order, each with its summary (the one the
 * desk officer wrote, or three to five of its own sentences that cover it and the briefing's
 * query), its key quotes with their speakers, and its source; an overview of countries and years.
 */
export function composeBriefing(briefing: Briefing, releaseOf: (id: string) => PressRelease | undefined, marks: Marks): BriefingDocument {
  const mark = textMarks(marks);
  const hits = (text: string): number => highlightRanges({ text, title: '', language: 'en', countries: [] }, mark).length + highlightRanges({ text, title: '', language: 'fr', countries: [] }, mark).length;
  const entries: BriefingEntry[] = briefing.items.map((item) => {
    const r = releaseOf(item.releaseId);
    if (!r) return { id: item.releaseId, title: '', published: null, language: '', publisher: null, source: '', countries: [], summary: item.summary ?? '', summaryEdited: item.summary !== null, quotes: [], titleHighlights: [], summaryHighlights: [], missing: true };
    const summary = item.summary ?? briefingSummary(r.title, paragraphsOf(r).paragraphs, r.language, hits);
    const spot = (text: string): [number, number][] => highlightRanges({ text, title: '', language: r.language, countries: [] }, mark);
    return {
      id: r.id,
      title: r.title,
      published: r.published,
      language: r.language,
      publisher: publisherOf(r),
      source: r.sourceUrl ?? r.path,
      countries: r.countries.filter((c) => c.about).map((c) => c.code),
      summary,
      summaryEdited: item.summary !== null,
      quotes: r.quotes.slice(0, KEY_QUOTES),
      titleHighlights: spot(r.title),
      summaryHighlights: spot(summary),
      missing: false,
    };
  });
  if (briefing.order === 'date') entries.sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999'));

  const present = entries.filter((e) => !e.missing);
  const dates = present.map((e) => e.published).filter((d): d is string => !!d).sort();
  const perCountry = new Map<string, number>();
  for (const e of present) for (const c of e.countries) perCountry.set(c, (perCountry.get(c) ?? 0) + 1);
  const subject = briefing.subject.length ? briefing.subject : [...perCountry.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c]) => c);
  const countries = [...perCountry.entries()]
    .sort((a, b) => Number(subject.includes(b[0])) - Number(subject.includes(a[0])) || b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, releases]) => ({ code, name: countryByCode(code)?.[briefing.language] ?? code, releases }));
  const timeline = buildTimeline(
    present.filter((e) => e.published).map((e) => ({ id: e.id, title: e.title, published: e.published!, language: e.language, countries: e.countries, versions: [] })),
    [],
    { by: 'year', top: 6, releases: 0, lanes: subject.length ? [...subject, ...countries.map((c) => c.code).filter((c) => !subject.includes(c))].slice(0, 6) : undefined },
  );
  const years = new Map<string, number>();
  for (const d of dates) years.set(d.slice(0, 4), (years.get(d.slice(0, 4)) ?? 0) + 1);
  return {
    briefing: { ...briefing, subject },
    period: dates.length ? { from: dates[0]!, to: dates.at(-1)! } : null,
    countries,
    years: (timeline.lanes[0]?.buckets.map((b) => b.period) ?? [...years.keys()]).map((period) => ({ period, count: years.get(period) ?? 0 })),
    lanes: timeline.lanes,
    entries,
  };
}
