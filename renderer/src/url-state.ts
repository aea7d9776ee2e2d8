import type { SortOrder } from '../../archive/api/types.js';

/** Everything a desk officer would want back after a reload or with Back: it lives in the URL. */
export interface ViewState {
  q: string;
  countries: string[];
  /** The country filter takes every release that mentions a country, not only those about it. */
  mentioned: boolean;
  from: string;
  to: string;
  languages: string[];
  sort: SortOrder;
  doc: string | null;
  view: 'search' | 'timeline' | 'folders' | 'briefings';
  /** The briefing open in the briefings view. */
  briefing: string | null;
  /** The timeline's lanes as the desk officer set them (empty: the top countries of the search). */
  lanes: string[];
  /** Lanes shown as a share of all releases of each period. */
  share: string[];
  /** The timeline's visible window, YYYY-MM-DD..YYYY-MM-DD (empty: everything). */
  window: string;
  /** Which archive answers: this computer's, or the team archive it is connected to. */
  source: 'local' | 'team';
}

export function readState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const sort = p.get('sort');
  return {
    q: p.get('q') ?? '',
    countries: p.getAll('country').filter((c) => /^[A-Z]{2}$/.test(c)),
    mentioned: p.get('mentioned') === '1',
    from: /^\d{4}-\d{2}-\d{2}$/.test(p.get('from') ?? '') ? p.get('from')! : '',
    to: /^\d{4}-\d{2}-\d{2}$/.test(p.get('to') ?? '') ? p.get('to')! : '',
    languages: p.getAll('lang').filter((l) => /^[a-z]{2,3}$/.test(l)),
    sort: sort === 'date' || sort === '-date' ? sort : 'relevance',
    doc: p.get('doc'),
    view: (['folders', 'timeline', 'briefings'] as const).find((v) => v === p.get('view')) ?? 'search',
    briefing: /^[a-z0-9-]{6,40}$/.test(p.get('briefing') ?? '') ? p.get('briefing') : null,
    lanes: p.getAll('lane').filter((c) => /^[A-Z]{2}$/.test(c)),
    share: p.getAll('share').filter((c) => /^[A-Z]{2}$/.test(c)),
    window: /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(p.get('tl') ?? '') ? p.get('tl')! : '',
    source: p.get('src') === 'team' ? 'team' : 'local',
  };
}

export function writeState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const c of state.countries) p.append('country', c);
  if (state.mentioned) p.set('mentioned', '1');
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  for (const l of state.languages) p.append('lang', l);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.doc) p.set('doc', state.doc);
  if (state.view !== 'search') p.set('view', state.view);
  if (state.briefing) p.set('briefing', state.briefing);
  for (const c of state.lanes) p.append('lane', c);
  for (const c of state.share) p.append('share', c);
  if (state.window) p.set('tl', state.window);
  if (state.source === 'team') p.set('src', 'team');
  const s = p.toString();
  return s ? `?${s}` : '';
}
