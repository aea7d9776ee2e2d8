import type { BriefingDocument } from '../api/types.js';
import { countryByCode } from '../enrich/countries.js';

/** The words of a printed briefing, in its own language (not the interface's). */
export const BRIEFING_LABELS = {
  en: {
    briefing: 'Briefing',
    subject: 'Subject',
    period: 'Period covered',
    preparedFor: 'Prepared for',
    preparedBy: 'Prepared by',
    date: 'Date',
    overview: 'Overview',
    releasesCount: (n: number) => (n === 1 ? '1 release' : `${n} releases`),
    byCountry: 'Releases by partner country',
    byYear: 'Releases by year',
    timeline: 'Timeline of the releases',
    chronology: 'Chronology',
    releases: 'The releases',
    language: 'Language',
    publisher: 'Publisher',
    source: 'Source',
    summary: 'Summary',
    edited: 'summary edited by hand',
    quotes: 'Key quotes',
    sources: 'Sources',
    missing: 'This release is no longer in the archive.',
    country: 'Country',
    year: 'Year',
    title: 'Title',
    count: 'Releases',
    page: 'page',
    of: 'of',
    languages: { en: 'English', fr: 'French', de: 'German', it: 'Italian' } as Record<string, string>,
    none: '—',
  },
  fr: {
    briefing: 'Note d’information',
    subject: 'Sujet',
    period: 'Période couverte',
    preparedFor: 'À l’intention de',
    preparedBy: 'Établie par',
    date: 'Date',
    overview: 'Vue d’ensemble',
    releasesCount: (n: number) => (n <= 1 ? `${n} communiqué` : `${n} communiqués`),
    byCountry: 'Communiqués par pays partenaire',
    byYear: 'Communiqués par année',
    timeline: 'Chronologie des communiqués',
    chronology: 'Chronologie',
    releases: 'Les communiqués',
    language: 'Langue',
    publisher: 'Éditeur',
    source: 'Source',
    summary: 'Résumé',
    edited: 'résumé modifié à la main',
    quotes: 'Citations clés',
    sources: 'Sources',
    missing: 'Ce communiqué ne figure plus dans les archives.',
    country: 'Pays',
    year: 'Année',
    title: 'Titre',
    count: 'Communiqués',
    page: 'page',
    of: 'sur',
    languages: { en: 'anglais', fr: 'français', de: 'allemand', it: 'italien' } as Record<string, string>,
    none: '—',
  },
};

export type BriefingLabels = (typeof BRIEFING_LABELS)['en'];

/** The header's lines (label and value; empty values are left out by every format). */
export function headerFields(doc: BriefingDocument): [string, string][] {
  const b = doc.briefing;
  const l = BRIEFING_LABELS[b.language];
  return [
    [l.subject, b.subject.map((c) => countryByCode(c)?.[b.language] ?? c).join(', ')],
    [l.period, doc.period ? `${formatDay(doc.period.from, b.language)} – ${formatDay(doc.period.to, b.language)}` : ''],
    [l.preparedFor, b.preparedFor],
    [l.preparedBy, b.preparedBy],
    [l.date, formatDay(b.date, b.language)],
  ];
}

export function formatDay(iso: string | null, language: 'en' | 'fr'): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString(language === 'fr' ? 'fr-CH' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
