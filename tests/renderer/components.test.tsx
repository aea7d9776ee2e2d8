// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveApi } from '../../archive/api/contract.js';
import type { ReleaseView, SearchHit, SearchRequest } from '../../archive/api/types.js';
import type { Connection } from '../../renderer/src/api.js';
import { App } from '../../renderer/src/App.js';
import { AppProviders } from '../../renderer/src/context.js';
import { emptyQuery, fakeArchive, fakeStatus } from '../support/fake-archive.js';

const hit = (id: string, title: string, patch: Partial<SearchHit> = {}): SearchHit => ({
  id,
  path: `/archive/${id}.txt`,
  title,
  published: '2019-10-09',
  updated: null,
  language: 'fr',
  countries: ['JP'],
  aboutCountries: ['JP'],
  score: 1,
  snippet: { text: 'La coopération en cyberdéfense avec le Japon.', highlights: [[39, 44]] },
  translations: [],
  ...patch,
});

const seed: ReleaseView = {
  id: 'seed',
  path: '/archive/seed.txt',
  format: 'txt',
  encoding: 'utf-8',
  title: 'L’OTAN et le Japon',
  published: '2019-10-09',
  updated: null,
  language: 'fr',
  place: null,
  paragraphs: ['Le Japon participe.', 'Une deuxième phrase sur le Japon.'],
  paragraphStarts: [20, 41],
  text: 'L’OTAN et le Japon\n\nLe Japon participe.\n\nUne deuxième phrase sur le Japon.',
  countries: [{ code: 'JP', name: 'Japan', about: true, aboutBecause: ['title'], home: false, evidence: [{ text: 'Japon', start: 13, end: 18 }] }],
  origin: { host: null, country: null, datelineCountry: null },
  organisations: ['NATO'],
  quotes: [{ speaker: 'Christian Liflander', role: 'chef de section', text: 'Une citation assez longue pour être gardée.' }],
  summary: 'Le Japon participe.',
  sourceUrl: null,
  translations: [{ id: 'seed-en', language: 'en', title: 'NATO and Japan' }],
  size: 1,
  mtimeMs: 1,
  hash: 'h',
  highlights: [],
};
// Every “Japon” of the text, as the engine would mark it.
seed.highlights = [...seed.text.matchAll(/Japon/g)].map((m): [number, number] => [m.index, m.index + 5]);

function mount(answers: Partial<ArchiveApi>) {
  const api = fakeArchive({ status: async () => fakeStatus({ documents: 3, folders: ['/archive'], languages: ['en', 'fr'] }), countryNames: async () => [{ code: 'JP', en: 'Japan', fr: 'Japon', flag: '' }, { code: 'KR', en: 'South Korea', fr: 'Corée du Sud', flag: '' }], ...answers });
  const connection: Connection = { api, subscribe: () => () => undefined, shell: null, desktop: false };
  render(
    <AppProviders connection={connection}>
      <App />
    </AppProviders>,
  );
  return api;
}

// happy-dom lays nothing out: give every element a size, so the virtual list has rows to show.
const sized = { width: 800, height: 600, top: 0, left: 0, right: 800, bottom: 600, x: 0, y: 0, toJSON: () => ({}) };
HTMLElement.prototype.getBoundingClientRect = () => sized as DOMRect;
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  localStorage.setItem('liaison-ui-language', 'en');
});
afterEach(cleanup);

describe('the search view with a fake archive', () => {
  it('lists the hits with their dates, languages and countries, and the count', async () => {
    mount({ search: async () => ({ total: 2, versions: 3, hits: [hit('a', 'NATO and Japan'), hit('b', 'Swiss visit', { language: 'en', aboutCountries: [], countries: ['KR'] })], facets: { countries: { JP: 1, KR: 1 }, countriesMentioned: { JP: 1, KR: 1 }, languages: { fr: 1, en: 1 }, years: { '2019': 2 } }, query: emptyQuery, tookMs: 1 }) });
    await waitFor(() => expect(screen.getByText('2 releases')).toBeTruthy());
    expect(screen.getByText('(3 with translations)')).toBeTruthy();
    const titles = [...document.querySelectorAll('.hit h3')].map((h) => h.textContent);
    expect(titles).toEqual(['NATO and Japan', 'Swiss visit']);
    expect(document.querySelector('.hit .snippet mark')?.textContent).toBe('Japon');
  });

  it('shows country facets with their counts, and a click filters the search and goes into the URL', async () => {
    const api = mount({ search: async (req: SearchRequest) => ({ total: req.countries?.length ? 1 : 2, versions: 2, hits: [], facets: { countries: { JP: 1, KR: 1 }, countriesMentioned: { JP: 3, KR: 1 }, languages: { fr: 2 }, years: {} }, query: emptyQuery, tookMs: 1 }) });
    await waitFor(() => expect(document.querySelectorAll('.facet-list')[0]!.querySelectorAll('li').length).toBe(2));
    const japan = [...document.querySelectorAll('.facet-list label')].find((l) => l.textContent?.includes('Japan'))!;
    // Releases about Japan first, then those that mention it.
    expect(japan.querySelector('.facet-count')?.textContent).toBe('1 / 3');
    expect(japan.querySelector('.facet-count')?.getAttribute('aria-label')).toBe('1 about it, 3 mention it');
    await act(async () => fireEvent.click(japan.querySelector('input')!));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'search' && (c.request as SearchRequest).countries?.includes('JP') && !(c.request as SearchRequest).mentioned)).toBe(true));
    expect(new URLSearchParams(window.location.search).getAll('country')).toEqual(['JP']);
    expect(screen.getByRole('button', { name: 'Remove filter About Japan' })).toBeTruthy();
    // The switch widens the filter to every mention, and says so.
    await act(async () => fireEvent.click(screen.getByRole('radio', { name: 'Mentioned' })));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'search' && (c.request as SearchRequest).mentioned === true)).toBe(true));
    expect(new URLSearchParams(window.location.search).get('mentioned')).toBe('1');
    expect(screen.getByRole('button', { name: 'Remove filter Mentions Japan' })).toBeTruthy();
  });

  it('says so when nothing matches, and offers to clear the filters', async () => {
    window.history.replaceState(null, '', '/?q=nothing&country=JP');
    mount({});
    await waitFor(() => expect(screen.getByText('No release matches “nothing”.')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Clear all filters' })));
    expect(new URLSearchParams(window.location.search).getAll('country')).toEqual([]);
  });

  it('opens a release in the reader with its highlights, its quotes and its other language', async () => {
    window.history.replaceState(null, '', '/?q=Japon&doc=seed');
    const api = mount({ getRelease: async () => seed });
    await waitFor(() => expect(document.querySelector('#reader-title')?.textContent).toBe('L’OTAN et le Japon'));
    expect([...document.querySelectorAll('.release-body mark')].map((m) => m.textContent)).toEqual(['Japon', 'Japon']);
    expect(screen.getByText('hit 1 of 2')).toBeTruthy();
    expect(screen.getByText(/Christian Liflander/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Read in English: NATO and Japan/ })).toBeTruthy();
    // The reader asks for the release once: its translations' titles come with it.
    expect(api.calls.filter((c) => c.method === 'getRelease').length).toBe(1);
  });
});
