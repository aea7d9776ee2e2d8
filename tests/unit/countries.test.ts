import { describe, expect, it } from 'vitest';
import { detectCountries, withReleaseContext } from '../../archive/enrich/countries.js';
import { findOrganisations } from '../../archive/enrich/organisations.js';
import { releaseOrigin } from '../../archive/enrich/origin.js';
import { applyHome, detectHomeCountries } from '../../archive/search/home.js';

/** The countries a made-up release names: its first line is the title. */
function read(text: string, origin = releaseOrigin(null, null)) {
  const title = text.split('\n\n')[0]!;
  return withReleaseContext(detectCountries(text, { titleLength: title.length, organisations: findOrganisations(text) }), origin, []);
}
const codes = (text: string): string[] => read(text).map((c) => c.code).sort();
const about = (text: string): string[] => read(text).filter((c) => c.about).map((c) => c.code).sort();

describe('words that are not countries', () => {
  it.each([
    ['American Indian', 'Statement on tribal lands\n\nThe Department met American Indian and Alaska Native leaders to discuss tribal sovereignty.'],
    ['Indian tribes', 'Tribal summit\n\nThe President met leaders of Indian tribes and of Indian Country at the White House.'],
    ['Indians (Native Americans)', 'Heritage month\n\nWe honour the contributions of American Indians to the history of the United States.'],
    ['Indian Ocean', 'Maritime security\n\nShips patrol the Indian Ocean to keep sea lanes open for trade.'],
    ['New Mexican', 'Disaster declaration\n\nThe President declared a disaster to help New Mexican families recover from the wildfires.'],
    ['New Mexico', 'Wildfires\n\nFederal aid will reach New Mexico and Arizona this week.'],
    ['Georgia, the US state', 'The President returns to Georgia\n\nThe President visited Atlanta, Georgia, and met the Governor of Georgia.'],
    ['people named Chad and Jordan', 'Nominations\n\nThe President nominated Chad Wolf and Jordan Fabian; Jim Jordan also spoke.'],
    ['Indiens d’Amérique', 'Patrimoine\n\nLes Indiens d’Amérique ont célébré leur héritage culturel lors d’une cérémonie.'],
    ['océan Indien', 'Sécurité maritime\n\nLa marine patrouille dans l’océan Indien pour protéger les routes commerciales.'],
    ['État de Géorgie', 'Visite\n\nLe gouverneur de l’État de Géorgie a reçu une délégation à Atlanta.'],
  ])('%s → no country tag', (_name, text) => {
    expect(codes(text).filter((c) => ['IN', 'MX', 'GE', 'TD', 'JO'].includes(c))).toEqual([]);
  });
});

describe('the country of Georgia and others, named in their own ways', () => {
  it.each([
    ['the country of Georgia', 'Biological labs\n\nRussia accused a lab in the country of Georgia of working on weapons.', 'GE'],
    ['President … of Georgia', 'Readout\n\nThe Secretary met the President of Georgia, Salome Zourabichvili, in Washington.', 'GE'],
    ['the Georgian people', 'Statement on elections\n\nWe stand with the Georgian people and their democratic choice.', 'GE'],
    ['Tbilisi', 'Visit\n\nThe delegation travelled to Tbilisi to meet officials.', 'GE'],
    ['Ukraine, Georgia and Moldova', 'Support for partners\n\nThe United States supports Ukraine, Georgia and Moldova.', 'GE'],
    ['Géorgie (French)', 'Visite en Géorgie\n\nLa conseillère fédérale s’est rendue en Géorgie pour rencontrer le gouvernement.', 'GE'],
    ['the Kingdom of Jordan', 'Readout\n\nThe President spoke with the King of Jordan about regional security.', 'JO'],
    ['the Republic of Chad', 'Humanitarian aid\n\nAid reaches refugees in the Republic of Chad this month.', 'TD'],
    ['India by name', 'Quad meeting\n\nThe Prime Minister of India joined the leaders of Japan and Australia.', 'IN'],
    ['l’Inde (French)', 'Visite en Inde\n\nLe conseiller fédéral s’est rendu en Inde pour des entretiens.', 'IN'],
    ['United States-Canada', 'The United States-Canada Partnership\n\nA partnership of neighbours.', 'CA'],
  ])('%s → %s', (_name, text, code) => {
    expect(codes(text)).toContain(code);
  });
});

describe('about or mentioned', () => {
  it.each([
    ['named in the title', 'Switzerland and Japan sign an agreement\n\nThe two countries signed it today.', ['JP']],
    ['in the lead, named again', 'Federal Council decision\n\nThe Federal Council approved support for Ukraine today.\n\nThe aid to Ukraine will reach schools.', ['UA']],
    ['a passing mention in the lead is not enough', 'Security policy commission\n\nThe war in Ukraine changed security in Europe.\n\nThe commission will report in 2024.', []],
    ['a list of G7 members in the lead is a list', 'G7 communiqué\n\nLeaders of Canada, France, Germany, Italy, Japan, the United Kingdom and the United States met.\n\nThey discussed Japan and Germany.', []],
    ['a capital in the lead is a venue', 'Paralympic recruits\n\nTwo athletes qualified for the Tokyo games.\n\nThey will train this winter.', []],
    ['a party to an agreement in the opening', 'Cooperation programme\n\nSwitzerland and Latvia have signed a bilateral agreement on waste.', ['LV']],
    ['a transcript’s venue line is not its lead', 'Remarks before a bilateral meeting\n\nGrand Prince Hotel Hiroshima, Japan 2:46 P.M. JST\n\nTHE PRESIDENT: Good to see you.', []],
  ])('%s', (_name, text, expected) => {
    // Switzerland and the United States are home countries here, never "about".
    const countries = read(text);
    applyHome(countries, releaseOrigin(null, null), new Set(['CH', 'US']));
    expect(countries.filter((c) => c.about).map((c) => c.code).sort()).toEqual(expected);
  });

  it('gives the reasons, and the dateline of a visit is one', () => {
    const countries = read('Working visit\n\nThe State Secretary met her counterpart today.', releaseOrigin(null, 'Tokyo'));
    expect(countries).toEqual([expect.objectContaining({ code: 'JP', about: true, aboutBecause: ['dateline'], evidence: [] })]);
    expect(about('Japan and NATO\n\nJapan joins the exercise; Japan sends observers.')).toEqual(['JP']);
    expect(read('Japan and NATO\n\nJapan joins the exercise.')[0]!.aboutBecause).toEqual(expect.arrayContaining(['title', 'lead']));
  });

  it('keeps a publisher’s own country out of its releases’ subjects, and finds the archive’s homes', () => {
    const origin = releaseOrigin('https://www.admin.ch/gov/fr/accueil.html', 'Berne');
    expect(origin).toEqual({ host: 'www.admin.ch', country: 'CH', datelineCountry: 'CH' });
    const swiss = read('La Suisse et le Japon signent un accord\n\nLa Suisse et le Japon ont signé.', origin);
    expect(swiss.find((c) => c.code === 'CH')).toMatchObject({ home: true, about: false, aboutBecause: expect.arrayContaining(['title']) });
    expect(swiss.find((c) => c.code === 'JP')).toMatchObject({ home: false, about: true });
    const origins = [...Array(6)].map(() => releaseOrigin('https://www.whitehouse.gov/briefings/', null)).concat([releaseOrigin(null, 'Bern'), releaseOrigin(null, 'Berne'), releaseOrigin(null, 'Bern'), releaseOrigin(null, 'Tokyo')]);
    expect(detectHomeCountries(origins)).toEqual(['US', 'CH']);
  });
});
