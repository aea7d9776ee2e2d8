import { useI18n } from './context.js';
import type { ViewState } from './url-state.js';

/** The filters in force, each removable in one click. */
export function Chips({ state, onChange }: { state: ViewState; onChange: (p: Partial<ViewState>) => void }) {
  const { t, countryLabel } = useI18n();
  const chips: { key: string; label: string; remove: Partial<ViewState> }[] = [];
  for (const c of state.countries) chips.push({ key: `c-${c}`, label: state.mentioned ? t.mentionsCountry(countryLabel(c)) : t.aboutCountryChip(countryLabel(c)), remove: { countries: state.countries.filter((x) => x !== c) } });
  if (state.from || state.to) chips.push({ key: 'dates', label: `${state.from || '…'} – ${state.to || '…'}`, remove: { from: '', to: '' } });
  for (const l of state.languages) chips.push({ key: `l-${l}`, label: t.languageNames[l] ?? l, remove: { languages: state.languages.filter((x) => x !== l) } });
  if (!chips.length) return null;
  return (
    <div className="chips">
      {chips.map((c) => (
        <button key={c.key} type="button" className="chip" aria-label={t.removeFilter(c.label)} onClick={() => onChange(c.remove)}>
          {c.label} <span aria-hidden="true">×</span>
        </button>
      ))}
      {chips.length > 1 ? (
        <button type="button" className="link" onClick={() => onChange({ countries: [], mentioned: false, from: '', to: '', languages: [] })}>
          {t.clearFilters}
        </button>
      ) : null}
    </div>
  );
}
