import type { RefObject } from 'react';
import { useI18n } from './context.js';
import type { ViewState } from './url-state.js';

export function TopBar({ queryText, onQueryText, onSubmit, searchBox, view, failures, onToggleFolders, onToggleBriefings, briefingCount }: { queryText: string; onQueryText: (q: string) => void; onSubmit: () => void; searchBox: RefObject<HTMLInputElement | null>; view: ViewState['view']; failures: number; onToggleFolders: () => void; onToggleBriefings: () => void; briefingCount: number }) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="topbar">
      <div className="brand" aria-label="Liaison">
        <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
          <rect width="64" height="64" rx="14" fill="var(--brand)" />
          <path d="M18 16h8v26h20v7H18z" fill="#fff" />
          <circle cx="44" cy="22" r="6" fill="var(--accent)" />
        </svg>
        <div>
          <strong>Liaison</strong>
          <span className="tagline">{t.appTagline}</span>
        </div>
      </div>
      <form
        className="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <svg className="search-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input ref={searchBox} type="search" aria-label={t.searchLabel} placeholder={t.searchPlaceholder} value={queryText} onChange={(e) => onQueryText(e.target.value)} autoComplete="off" spellCheck={false} />
        <details className="syntax">
          <summary>{t.syntaxHelp}</summary>
          <p>{t.syntaxBody}</p>
        </details>
      </form>
      <nav className="top-actions">
        <button type="button" className={view === 'briefings' ? 'ghost active' : 'ghost'} onClick={onToggleBriefings}>
          {t.briefings}
          {briefingCount ? <span className="badge">{briefingCount}</span> : null}
        </button>
        <button type="button" className={view === 'folders' ? 'ghost active' : 'ghost'} onClick={onToggleFolders}>
          {t.folders}
          {failures > 0 ? <span className="badge warn">{failures}</span> : null}
        </button>
        <button type="button" className="ghost" lang={lang === 'en' ? 'fr' : 'en'} aria-label={t.uiLanguageLabel} onClick={() => setLang(lang === 'en' ? 'fr' : 'en')}>
          {t.uiLanguage}
        </button>
      </nav>
    </header>
  );
}
