import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../archive/enrich/dates.js';
import { readTextLayout } from '../../archive/ingest/text-layout.js';

describe('dates as releases write them', () => {
  it.each([
    ['09 Oct. 2019', '2019-10-09', null],
    ['09 Oct. 2019 18:15', '2019-10-09', '18:15'],
    ['27 juin 2007', '2007-06-27', null],
    ['9 octobre 2019', '2019-10-09', null],
    ['1er juin 2008', '2008-06-01', null],
    ['19.03.2008', '2008-03-19', null],
    ['November 24, 2022', '2022-11-24', null],
    ['March 27, 2006 09:36', '2006-03-27', '09:36'],
    ['2022-05-24', '2022-05-24', null],
    ['2026-04-06 13:37:58-04:00', '2026-04-06', '13:37'],
    ['11 Jul. 2008', '2008-07-11', null],
    ['09 avr. 2008 08:07', '2008-04-09', '08:07'],
  ])('%s', (text, date, time) => {
    const found = parseDate(text);
    expect(found?.date).toBe(date);
    expect(found?.time).toBe(time);
  });

  it('ignores dates that lack a day or a year', () => {
    expect(parseDate('en mars 2019')).toBeNull();
    expect(parseDate('on 12 March')).toBeNull();
  });

  it('takes the release date from the header, not a date mentioned in the text', () => {
    const layout = readTextLayout(
      'Titre\n\n  • 10 mai 2002 -\n  • |\n  • Mis à jour le: 10 mai 2002 12:36\n\nBerne - Un séminaire se tiendra les 15 et 16 mai 2002 à Macolin, après celui du 3 janvier 2001.\n',
    );
    expect(layout).toMatchObject({ title: 'Titre', published: '2002-05-10', updated: '2002-05-10T12:36', place: 'Berne' });
    expect(layout.paragraphs[0]).toMatch(/^Un séminaire/);
  });

  it('reads a dateline with a date when no header gives one', () => {
    const layout = readTextLayout('Accord signé\n\nBerne, 15.03.2024 - Le Conseil fédéral a décidé le 1er avril 2023 de …\n');
    expect(layout.published).toBe('2024-03-15');
    expect(layout.place).toBe('Berne');
  });

  it('lists dates in reading order', () => {
    expect(findDates('Du 3 janvier 2001 au 19.03.2008').map((d) => d.date)).toEqual(['2001-01-03', '2008-03-19']);
  });
});
