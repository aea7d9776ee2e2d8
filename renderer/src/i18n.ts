import { en, type Strings } from './strings-en.js';
import { fr } from './strings-fr.js';

export type UiLanguage = 'en' | 'fr';

export type { Strings };

export const strings: Record<UiLanguage, Strings> = { en, fr };

export function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem('liaison-ui-language');
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function formatDate(iso: string | null, lang: UiLanguage): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  const text = date.toLocaleDateString(lang === 'fr' ? 'fr-CH' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return iso.length > 10 ? `${text} ${iso.slice(11, 16)}` : text;
}
