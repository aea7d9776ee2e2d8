import * as chrono from 'chrono-node';

/**
 * Dates as press releases write them: `09 Oct. 2019`, `27 juin 2007`, `9 octobre 2019`,
 * `19.03.2008`, `November 24, 2022`, `2022-05-24`, with or without a time. Parsing is done by
 * chrono-node (its English, British and French grammars); this module only decides which
 * of the dates a text holds is the release's own.
 */

export interface FoundDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM when the text gives a time. */
  time: string | null;
  index: number;
  length: number;
}

const parsers = [chrono.en.GB, chrono.fr, chrono.en, chrono.de];

/** Every full date (day, month and year all stated) in `text`, in reading order. */
export function findDates(text: string): FoundDate[] {
  const found = new Map<number, FoundDate>();
  for (const parser of parsers) {
    for (const result of parser.parse(text, new Date(2000, 0, 1), { forwardDate: false })) {
      const start = result.start;
      if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
      const year = start.get('year');
      const month = start.get('month');
      const day = start.get('day');
      if (year === null || month === null || day === null || year < 1900 || year > 2100) continue;
      const date = `${year}-${pad(month)}-${pad(day)}`;
      const hour = start.isCertain('hour') ? start.get('hour') : null;
      const minute = start.isCertain('minute') ? start.get('minute') : 0;
      const time = hour !== null ? `${pad(hour)}:${pad(minute ?? 0)}` : null;
      const existing = found.get(result.index);
      if (!existing || result.text.length > existing.length) {
        found.set(result.index, { date, time, index: result.index, length: result.text.length });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** The first full date in a short piece of text (a date line, a metadata value). */
export function parseDate(text: string): FoundDate | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(text);
  if (iso && validDate(+iso[1]!, +iso[2]!, +iso[3]!)) {
    return {
      date: `${iso[1]}-${iso[2]}-${iso[3]}`,
      time: iso[4] ? `${iso[4]}:${iso[5]}` : null,
      index: iso.index,
      length: iso[0].length,
    };
  }
  return findDates(text)[0] ?? null;
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `Mis à jour le: 09 Oct. 2019 18:15`, `Last updated: …`, `Dernière modification …` */
export const UPDATED_LINE = /(?:mis\s+[àa]\s+jour(?:\s+le)?|last\s+updated(?:\s+on)?|derni[èe]re\s+modification(?:\s+le)?|updated(?:\s+on)?|aktualisiert(?:\s+am)?|letzte\s+änderung)\s*:?\s*/i;

/** `updated` is a date-time (`YYYY-MM-DDTHH:MM`) when the release states one; a bare date is not enough. */
export function formatUpdated(found: FoundDate): string | null {
  return found.time ? `${found.date}T${found.time}` : null;
}

/** Where a candidate for the release's date was read, strongest first. */
export type DateSource = 'dateline' | 'header' | 'metadata' | 'opening' | 'updated';
const STRENGTH: DateSource[] = ['dateline', 'header', 'metadata', 'opening', 'updated'];
/** Earlier than this, or later than today, a date must come from the release's own dateline, header or metadata. */
const PLAUSIBLE_FROM = '1990-01-01';

/**
 * The release's date among the candidates a parser found: the dateline wins over any other date
 * on the page, then the header's date line, the metadata, the first date of the opening, the
 * update. A date before 1990 or after today counts only from the dateline, header or metadata.
 */
export function chooseReleaseDate(candidates: { date: string | null | undefined; source: DateSource }[], today: string = new Date().toISOString().slice(0, 10)): string | null {
  const ranked = candidates.filter((c): c is { date: string; source: DateSource } => !!c.date).sort((a, b) => STRENGTH.indexOf(a.source) - STRENGTH.indexOf(b.source));
  const plausible = (d: string): boolean => d >= PLAUSIBLE_FROM && d <= today;
  const strong = (s: DateSource): boolean => s === 'dateline' || s === 'header' || s === 'metadata';
  return ranked.find((c) => plausible(c.date))?.date ?? ranked.find((c) => strong(c.source))?.date ?? null;
}
