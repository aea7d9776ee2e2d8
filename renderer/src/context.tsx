import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CountryName } from '../../archive/api/types.js';
import type { Connection } from './api.js';
import { initialLanguage, strings, type Strings, type UiLanguage } from './i18n.js';

/**
 * What every component may need, given once at the top instead of handed down: the connection to
 * the archive (chosen once at start), the UI language with its strings, and the country names.
 */
const ConnectionContext = createContext<Connection | null>(null);

interface I18n {
  lang: UiLanguage;
  t: Strings;
  setLang(lang: UiLanguage): void;
  /** A country's name in the UI language (its code when unknown). */
  countryLabel(code: string): string;
  countryNames: Map<string, CountryName>;
}
const I18nContext = createContext<I18n | null>(null);

export function AppProviders({ connection, children }: { connection: Connection; children: ReactNode }) {
  const [lang, setLang] = useState<UiLanguage>(initialLanguage);
  const [countryNames, setCountryNames] = useState<Map<string, CountryName>>(new Map());
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('liaison-ui-language', lang);
  }, [lang]);
  useEffect(() => {
    void connection.api.countryNames({}).then((list) => setCountryNames(new Map(list.map((c) => [c.code, c]))));
  }, [connection]);
  const countryLabel = useCallback(
    (code: string): string => {
      const c = countryNames.get(code);
      return c ? (lang === 'fr' ? c.fr : c.en) : code;
    },
    [countryNames, lang],
  );
  const i18n = useMemo(() => ({ lang, t: strings[lang], setLang, countryLabel, countryNames }), [lang, countryLabel, countryNames]);
  return (
    <ConnectionContext.Provider value={connection}>
      <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
    </ConnectionContext.Provider>
  );
}

export function useConnection(): Connection {
  const c = useContext(ConnectionContext);
  if (!c) throw new Error('useConnection outside AppProviders');
  return c;
}

export function useI18n(): I18n {
  const c = useContext(I18nContext);
  if (!c) throw new Error('useI18n outside AppProviders');
  return c;
}
