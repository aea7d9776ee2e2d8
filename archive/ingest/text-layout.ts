import { UPDATED_LINE, chooseReleaseDate, formatUpdated, parseDate } from '../enrich/dates.js';

/**
 * Reads the layout of a release as text: what a desk officer gets by copying a web page
 * (title on the first line, bullet lines with the date and `Mis à jour le:`, a dateline such as
 * `Berne - `, then paragraphs), and also plain text from PDFs and Word files.
 */
export interface TextLayout {
  title: string;
  paragraphs: string[];
  published: string | null;
  updated: string | null;
  place: string | null;
}

const BULLET = /^\s*[•·▪◦*\-–]\s*/;
/** A dateline at the start of the first paragraph: `Berne - `, `Bern, 15.03.2024 - `, `WASHINGTON —`. */
export const DATELINE = /^([A-ZÀ-Ý][\p{L}'’.\- ]{1,40}?)(?:\s*,\s*([^–—\-\n]{4,40}?))?\s+[-–—]\s*/u;

export function readTextLayout(text: string): TextLayout {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  let title = (lines[i] ?? '').trim();
  i++;
  // A title wrapped over two lines (PDF, narrow copy) continues until the first blank line,
  // as long as it stays short.
  while (i < lines.length && lines[i]!.trim() !== '' && !BULLET.test(lines[i]!) && title.length + lines[i]!.length < 200 && !parseDate(lines[i]!)) {
    title = `${title} ${lines[i]!.trim()}`;
    i++;
  }

  let published: string | null = null;
  let updated: string | null = null;
  let updatedDate: string | null = null;
  const blocks: string[] = [];
  let current: string[] = [];
  let inHeader = true;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (inHeader) {
      if (trimmed === '') continue;
      const bare = trimmed.replace(BULLET, '').trim();
      if (bare === '' || bare === '|' || bare === '-') continue;
      const updatedMatch = UPDATED_LINE.exec(bare);
      if (updatedMatch && updatedMatch.index === 0) {
        const found = parseDate(bare.slice(updatedMatch[0].length));
        if (found) {
          updated = formatUpdated(found);
          updatedDate = found.date;
        }
        continue;
      }
      if (bare.length < 60 && !DATELINE.test(bare)) {
        // A date line of the header holds little besides the date ("Berne, 15.03.2024", "09 Oct. 2019 -").
        const found = parseDate(bare);
        if (found && published === null && bare.length - found.length <= 20) {
          published = found.date;
          continue;
        }
      }
      inHeader = false;
    }
    if (trimmed === '') {
      if (current.length) blocks.push(current.join(' '));
      current = [];
    } else {
      current.push(trimmed);
    }
  }
  if (current.length) blocks.push(current.join(' '));

  const dateline = takeDateline(blocks.map((b) => b.replace(/\s+/g, ' ').trim()).filter((b) => b.length > 0));
  const paragraphs = dateline.paragraphs;
  return {
    title,
    paragraphs,
    published: chooseReleaseDate([
      { date: dateline.date, source: 'dateline' },
      { date: published, source: 'header' },
      { date: openingDate(paragraphs), source: 'opening' },
      { date: updatedDate, source: 'updated' },
    ]),
    updated,
    place: dateline.place,
  };
}

/** The first full date in the opening of the text (a release without a header or dateline often starts with it). */
export function openingDate(paragraphs: string[]): string | null {
  return parseDate(paragraphs.slice(0, 2).join(' ').slice(0, 400))?.date ?? null;
}

/** Takes a leading dateline (`Berne - `, `Bern, 15.03.2024 - `) off the first paragraph. */
export function takeDateline(paragraphs: string[]): { place: string | null; date: string | null; paragraphs: string[] } {
  const first = paragraphs[0];
  if (first === undefined) return { place: null, date: null, paragraphs };
  const m = DATELINE.exec(first);
  if (!m || m[1]!.trim().split(/\s+/).length > 4) return { place: null, date: null, paragraphs };
  const date = m[2] ? (parseDate(m[2])?.date ?? null) : null;
  if (m[2] && date === null) return { place: null, date: null, paragraphs };
  const rest = first.slice(m[0].length).trim();
  return { place: m[1]!.trim(), date, paragraphs: rest ? [rest, ...paragraphs.slice(1)] : paragraphs.slice(1) };
}
