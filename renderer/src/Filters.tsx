import { useMemo, useState } from 'react';
import type { Facets } from '../../archive/api/types.js';
import { useI18n } from './context.js';
import type { ViewState } from './url-state.js';

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export function Filters({ state, facets, onChange }: { state: ViewState; facets: Facets | null; onChange: (patch: Partial<ViewState>) => void }) {
  const { t, lang, countryLabel, countryNames } = useI18n();
  const [find, setFind] = useState('');
  const [showAll, setShowAll] = useState(false);
  const countries = useMemo(() => {
    const counts = (state.mentioned ? facets?.countriesMentioned : facets?.countries) ?? {};
    const codes = new Set([...Object.keys(counts), ...state.countries]);
    const needle = find.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    const names = (code: string): string => {
      const c = countryNames.get(code);
      return `${code} ${c?.en ?? ''} ${c?.fr ?? ''}`.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    };
    return [...codes]
      .filter((code) => !needle || names(code).includes(needle))
      .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || countryLabel(a).localeCompare(countryLabel(b), lang));
  }, [facets, state.countries, state.mentioned, find, countryNames, countryLabel, lang]);
  const shown = showAll || find ? countries : countries.slice(0, 12);

  const toggle = (list: string[], value: string): string[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const presets: { label: string; from: string; to: string }[] = [
    { label: t.anyTime, from: '', to: '' },
    { label: t.last12Months, from: isoDaysAgo(365), to: '' },
    { label: t.last5Years, from: isoDaysAgo(5 * 365), to: '' },
    { label: t.since2020, from: '2020-01-01', to: '' },
    { label: t.before2010, from: '', to: '2009-12-31' },
  ];
  // Every year between the first and the last, those without releases too: the bars share one axis.
  const counted = Object.keys(facets?.years ?? {}).map(Number).filter((y) => y > 0);
  const years: [string, number][] = counted.length ? Array.from({ length: Math.max(...counted) - Math.min(...counted) + 1 }, (_, i) => String(Math.min(...counted) + i)).map((y) => [y, facets?.years[y] ?? 0]) : [];
  const maxYear = Math.max(1, ...years.map(([, n]) => n));

  return (
    <aside className="filters" aria-label={t.filters}>
      <section>
        <h2>{t.partnerCountries}</h2>
        <div className="segmented" role="radiogroup" aria-label={t.countryFilterMeans}>
          <button type="button" role="radio" aria-checked={!state.mentioned} className={state.mentioned ? '' : 'on'} onClick={() => onChange({ mentioned: false })} title={t.aboutHint}>
            {t.about}
          </button>
          <button type="button" role="radio" aria-checked={state.mentioned} className={state.mentioned ? 'on' : ''} onClick={() => onChange({ mentioned: true })} title={t.mentionedHint}>
            {t.mentionedSwitch}
          </button>
        </div>
        <input type="search" className="find-country" placeholder={t.findCountry} aria-label={t.findCountry} value={find} onChange={(e) => setFind(e.target.value)} />
        <ul className="facet-list">
          {shown.map((code) => (
            <li key={code}>
              <label>
                <input type="checkbox" checked={state.countries.includes(code)} onChange={() => onChange({ countries: toggle(state.countries, code) })} />
                <span className="cc" aria-hidden="true">
                  {code}
                </span>
                <span className="facet-name">{countryLabel(code)}</span>
                <span className="facet-count" aria-label={t.aboutAndMentioned(facets?.countries[code] ?? 0, facets?.countriesMentioned[code] ?? 0)}>
                  {state.mentioned ? (facets?.countriesMentioned[code] ?? 0) : (facets?.countries[code] ?? 0)}
                  <span className="facet-other" aria-hidden="true">
                    {' '}/ {state.mentioned ? (facets?.countries[code] ?? 0) : (facets?.countriesMentioned[code] ?? 0)}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {!find && countries.length > 12 ? (
          <button type="button" className="link" onClick={() => setShowAll(!showAll)}>
            {showAll ? '−' : `+ ${countries.length - 12}`}
          </button>
        ) : null}
      </section>
      <section>
        <h2>{t.dates}</h2>
        {years.length > 1 ? (
          <div className="year-bars" aria-hidden="true">
            {years.map(([y, n]) => (
              <button key={y} type="button" tabIndex={-1} title={`${y}: ${n}`} style={{ height: n ? `${Math.max(8, (n / maxYear) * 100)}%` : '2px' }} onClick={() => onChange({ from: `${y}-01-01`, to: `${y}-12-31` })} />
            ))}
          </div>
        ) : null}
        <div className="date-inputs">
          <label>
            <span>{t.from}</span>
            <input type="date" value={state.from} max={state.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
          </label>
          <label>
            <span>{t.to}</span>
            <input type="date" value={state.to} min={state.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
          </label>
        </div>
        <div className="presets">
          {presets.map((p) => (
            <button key={p.label} type="button" className={state.from === p.from && state.to === p.to ? 'preset active' : 'preset'} onClick={() => onChange({ from: p.from, to: p.to })}>
              {p.label}
            </button>
          ))}
        </div>
      </section>
      <section>
        <h2>{t.language}</h2>
        <ul className="facet-list">
          {Object.entries(facets?.languages ?? {})
            .sort((a, b) => b[1] - a[1])
            .map(([code, n]) => (
              <li key={code}>
                <label>
                  <input type="checkbox" checked={state.languages.includes(code)} onChange={() => onChange({ languages: toggle(state.languages, code) })} />
                  <span className="facet-name">{t.languageNames[code] ?? code}</span>
                  <span className="facet-count">{n}</span>
                </label>
              </li>
            ))}
        </ul>
      </section>
    </aside>
  );
}
