// Writes the demo archive in assets/demo: fictional releases, written for Liaison, in English and
// French, in every format the engine reads. Run: node --import tsx scripts/make-demo.ts
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePdf } from '../tests/support/make-documents.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'demo');

const FICTION_EN = 'Fictional release written for the Liaison demo archive: the events, people and quotes are invented.';
const FICTION_FR = 'Communiqué fictif rédigé pour les archives de démonstration de Liaison : événements, personnes et citations sont inventés.';

interface Partner { en: string; fr: string; adjEn: string; adjFr: string; capital: string }
const partners: Partner[] = [
  { en: 'Japan', fr: 'le Japon', adjEn: 'Japanese', adjFr: 'japonais', capital: 'Tokyo' },
  { en: 'Canada', fr: 'le Canada', adjEn: 'Canadian', adjFr: 'canadien', capital: 'Ottawa' },
  { en: 'Norway', fr: 'la Norvège', adjEn: 'Norwegian', adjFr: 'norvégien', capital: 'Oslo' },
  { en: 'Ghana', fr: 'le Ghana', adjEn: 'Ghanaian', adjFr: 'ghanéen', capital: 'Accra' },
  { en: 'Chile', fr: 'le Chili', adjEn: 'Chilean', adjFr: 'chilien', capital: 'Santiago de Chile' },
  { en: 'South Korea', fr: 'la Corée du Sud', adjEn: 'South Korean', adjFr: 'sud-coréen', capital: 'Seoul' },
  { en: 'Estonia', fr: 'l’Estonie', adjEn: 'Estonian', adjFr: 'estonien', capital: 'Tallinn' },
  { en: 'Morocco', fr: 'le Maroc', adjEn: 'Moroccan', adjFr: 'marocain', capital: 'Rabat' },
  { en: 'India', fr: 'l’Inde', adjEn: 'Indian', adjFr: 'indien', capital: 'New Delhi' },
  { en: 'Australia', fr: 'l’Australie', adjEn: 'Australian', adjFr: 'australien', capital: 'Canberra' },
  { en: 'Brazil', fr: 'le Brésil', adjEn: 'Brazilian', adjFr: 'brésilien', capital: 'Brasília' },
  { en: 'Poland', fr: 'la Pologne', adjEn: 'Polish', adjFr: 'polonais', capital: 'Warsaw' },
  { en: 'Kenya', fr: 'le Kenya', adjEn: 'Kenyan', adjFr: 'kényan', capital: 'Nairobi' },
  { en: 'Ukraine', fr: 'l’Ukraine', adjEn: 'Ukrainian', adjFr: 'ukrainien', capital: 'Kyiv' },
];

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

interface Topic {
  titleEn: (p: Partner) => string;
  titleFr: (p: Partner) => string;
  bodyEn: (p: Partner, year: number) => string[];
  bodyFr: (p: Partner, year: number) => string[];
}
const topics: Topic[] = [
  {
    titleEn: (p) => `Cyber defence talks with ${p.en} deepen information sharing`,
    titleFr: (p) => `Cyberdéfense : les entretiens avec ${p.fr} renforcent l’échange d’informations`,
    bodyEn: (p, y) => [
      `This week, the Ministry's cyber defence team and ${p.adjEn} officials held staff talks in ${p.capital} on current cyber threats and on exercises planned for ${y + 1}.`,
      `“Threats in cyberspace do not stop at borders, and neither should our cooperation,” said Helena Marsh, Director of Cyber Policy at the Ministry.`,
      `Both delegations agreed to connect their incident response teams and to hold a joint tabletop exercise before the end of ${y}.`,
    ],
    bodyFr: (p, y) => [
      `Cette semaine, l’équipe de cyberdéfense du ministère et des responsables ${p.adjFr}s ont tenu des entretiens à ${p.capital} sur les cybermenaces actuelles et sur les exercices prévus en ${y + 1}.`,
      `« Les menaces dans le cyberespace ne s’arrêtent pas aux frontières, et notre coopération non plus », a déclaré Hélène Marchal, directrice de la politique cyber au ministère.`,
      `Les deux délégations sont convenues de relier leurs équipes de réponse aux incidents et d’organiser un exercice conjoint avant la fin de ${y}.`,
    ],
  },
  {
    titleEn: (p) => `Maritime security: joint patrol exercise with ${p.en}`,
    titleFr: (p) => `Sécurité maritime : exercice de patrouille conjoint avec ${cap(p.fr)}`,
    bodyEn: (p, y) => [
      `Two patrol vessels took part in a five-day exercise with the ${p.adjEn} navy, focused on search and rescue and on protecting shipping lanes.`,
      `“Safe seas are the lifeline of our economies,” said Commander Tomas Ruel, who led the exercise. The ${y} edition involved more than 400 sailors.`,
    ],
    bodyFr: (p, y) => [
      `Deux patrouilleurs ont participé à un exercice de cinq jours avec la marine ${p.adjFr}e, consacré à la recherche et au sauvetage ainsi qu’à la protection des routes maritimes.`,
      `« Des mers sûres sont vitales pour nos économies », a déclaré le commandant Tomas Ruel, qui dirigeait l’exercice. L’édition ${y} a réuni plus de 400 marins.`,
    ],
  },
  {
    titleEn: (p) => `Humanitarian demining: new support for ${p.en}`,
    titleFr: (p) => `Déminage humanitaire : nouveau soutien à ${p.fr.replace(/^le /, '').replace(/^la /, 'la ')}`,
    bodyEn: (p, y) => [
      `The Ministry will fund a three-year programme of humanitarian demining and victim assistance, in partnership with ${p.adjEn} authorities, starting in ${y}.`,
      `The programme trains local teams and supports the clearance of farmland so that families can return home safely.`,
    ],
    bodyFr: (p, y) => [
      `Le ministère financera un programme de trois ans de déminage humanitaire et d’assistance aux victimes, en partenariat avec les autorités ${p.adjFr}es, à partir de ${y}.`,
      `Le programme forme des équipes locales et soutient le déminage de terres agricoles afin que les familles puissent rentrer chez elles en sécurité.`,
    ],
  },
  {
    titleEn: (p) => `Climate and security dialogue opens with ${p.en}`,
    titleFr: (p) => `Ouverture d’un dialogue climat et sécurité avec ${p.fr.replace(/^le /, 'le ')}`,
    bodyEn: (p) => [
      `A first round of the climate and security dialogue took place with ${p.en}, on the effects of droughts and floods on stability and on disaster relief.`,
      `“Climate change is already a security question for our partners,” said Ambassador Clara Venn, head of the delegation.`,
    ],
    bodyFr: (p) => [
      `Un premier cycle du dialogue climat et sécurité s’est tenu avec ${p.fr}, sur les effets des sécheresses et des inondations sur la stabilité et sur l’aide en cas de catastrophe.`,
      `« Le changement climatique est déjà une question de sécurité pour nos partenaires », a déclaré l’ambassadrice Clara Venn, cheffe de la délégation.`,
    ],
  },
];

const months = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Oct.', 'Nov.', 'Dec.'];
const moisFr = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function main(): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  let n = 0;
  const formats = ['txt', 'html', 'md', 'pdf'] as const;
  for (let i = 0; i < partners.length; i++) {
    const p = partners[i]!;
    for (let k = 0; k < 3; k++) {
      const topic = topics[(i + k) % topics.length]!;
      const year = 2012 + ((i * 3 + k * 5) % 14);
      const month = (i * 5 + k * 3) % 12;
      const day = 1 + ((i * 7 + k * 11) % 27);
      const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      for (const lang of ['en', 'fr'] as const) {
        // About one release in three exists in one language only.
        if ((i + k) % 3 === 2 && lang === 'fr' && k !== 1) continue;
        const title = lang === 'en' ? topic.titleEn(p) : topic.titleFr(p);
        const body = [...(lang === 'en' ? topic.bodyEn(p, year) : topic.bodyFr(p, year)), lang === 'en' ? FICTION_EN : FICTION_FR];
        const format = formats[(n + (lang === 'fr' ? 1 : 0)) % formats.length]!;
        const dir = join(root, String(year), lang);
        mkdirSync(dir, { recursive: true });
        const base = join(dir, `${iso}-${p.en.toLowerCase().replace(/\s+/g, '-')}-${k}`);
        const dateLine = lang === 'en' ? `${String(day).padStart(2, '0')} ${months[month]} ${year}` : `${day} ${moisFr[month]} ${year}`;
        const place = lang === 'en' ? 'Valmont City' : 'Valmont';
        if (format === 'txt') {
          writeFileSync(`${base}.txt`, `${title}\n\n  • ${dateLine} -\n  • |\n  • ${lang === 'en' ? 'Last updated' : 'Mis à jour le'}: ${dateLine} 16:30\n\n${place} - ${body.join('\n\n')}\n`);
        } else if (format === 'html') {
          writeFileSync(
            `${base}.html`,
            `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)} | Ministry of Foreign Affairs (fictional)</title><style>body{font-family:sans-serif}</style></head>\n<body><header><nav><a href="/">${lang === 'en' ? 'Home' : 'Accueil'}</a> | <a href="/news">${lang === 'en' ? 'News' : 'Actualités'}</a></nav></header>\n<main><article><h1>${escapeHtml(title)}</h1>\n<p class="meta">${place}, ${iso.split('-').reverse().join('.')} - ${escapeHtml(body[0]!)}</p>\n${body.slice(1).map((b) => `<p>${escapeHtml(b)}</p>`).join('\n')}\n</article></main>\n<footer><p>${lang === 'en' ? 'Last updated' : 'Dernière modification'} ${iso.split('-').reverse().join('.')}</p></footer><script>var fictional = true;</script></body></html>\n`,
          );
        } else if (format === 'md') {
          writeFileSync(`${base}.md`, `---\ntitle: "${title.replace(/"/g, '\\"')}"\ndate: '${iso}'\nlang: ${lang}\ntags: [demo, fictional]\n---\n\n${body.join('\n\n')}\n`);
        } else {
          writeFileSync(`${base}.pdf`, await makePdf({ title, dateLine: `${place}, ${iso.split('-').reverse().join('.')} -`, paragraphs: body }));
        }
        n++;
      }
    }
  }

  console.log(`wrote ${n} fictional releases to ${root}`);
}

await main();
