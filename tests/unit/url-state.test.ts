import { describe, expect, it } from 'vitest';
import { readState, writeState, type ViewState } from '../../renderer/src/url-state.js';

const base: ViewState = { q: '', countries: [], mentioned: false, from: '', to: '', languages: [], sort: 'relevance', doc: null, view: 'search', briefing: null, lanes: [], share: [], window: '', source: 'local' };

describe('the view kept in the URL', () => {
  it('writes nothing for the default view', () => {
    expect(writeState(base)).toBe('');
  });

  it('round-trips every part of the view', () => {
    const state: ViewState = { q: 'Japon "cyber défense"', countries: ['JP', 'KR'], mentioned: true, from: '2019-01-01', to: '2020-12-31', languages: ['fr'], sort: '-date', doc: 'abc123', view: 'timeline', briefing: 'b-0123456789ab', lanes: ['UA', 'GE'], share: ['GE'], window: '2014-01-01..2024-12-31', source: 'team' };
    expect(readState(writeState(state))).toEqual(state);
  });

  it('drops what is malformed instead of failing', () => {
    expect(readState('?country=japan&country=JP&from=yesterday&to=2020-02-30x&lang=FRENCH&sort=random&view=admin')).toEqual({ ...base, countries: ['JP'] });
  });
});
