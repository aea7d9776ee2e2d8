import { escapeRegExp } from './fold.js';

/**
 * International organisations a desk officer follows, by their English and French names and
 * acronyms. They are not countries: their spans are kept out of country detection
 * ("Organization of American States" is not the United States).
 */
const ORGANISATIONS: { name: string; names: string[]; acronyms: string[] }[] = [
  { name: 'NATO', names: ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', "Organisation du Traité de l'Atlantique Nord", 'Alliance atlantique', 'Atlantic Alliance'], acronyms: ['NATO', 'OTAN'] },
  { name: 'EU', names: ['European Union', 'Union européenne', 'European Commission', 'Commission européenne', 'European Council', 'Conseil européen'], acronyms: ['EU', 'UE'] },
  { name: 'UN', names: ['United Nations', 'Nations Unies', 'Nations unies', 'Security Council', 'Conseil de sécurité'], acronyms: ['UN', 'ONU'] },
  { name: 'OSCE', names: ['Organization for Security and Co-operation in Europe', 'Organisation pour la sécurité et la coopération en Europe'], acronyms: ['OSCE'] },
  { name: 'Council of Europe', names: ['Council of Europe', "Conseil de l'Europe"], acronyms: [] },
  { name: 'WTO', names: ['World Trade Organization', 'Organisation mondiale du commerce'], acronyms: ['WTO', 'OMC'] },
  { name: 'IMF', names: ['International Monetary Fund', 'Fonds monétaire international'], acronyms: ['IMF', 'FMI'] },
  { name: 'World Bank', names: ['World Bank', 'Banque mondiale'], acronyms: [] },
  { name: 'OECD', names: ['Organisation for Economic Co-operation and Development', 'Organization for Economic Cooperation and Development', 'Organisation de coopération et de développement économiques'], acronyms: ['OECD', 'OCDE'] },
  { name: 'EFTA', names: ['European Free Trade Association', 'Association européenne de libre-échange'], acronyms: ['EFTA', 'AELE'] },
  { name: 'ASEAN', names: ['Association of Southeast Asian Nations'], acronyms: ['ASEAN', 'ANASE'] },
  { name: 'African Union', names: ['African Union', 'Union africaine'], acronyms: ['AU', 'UA'] },
  { name: 'OAS', names: ['Organization of American States', 'Organisation des États américains'], acronyms: ['OAS', 'OEA'] },
  { name: 'G7', names: ['Group of Seven'], acronyms: ['G7', 'G8'] },
  { name: 'G20', names: ['Group of Twenty'], acronyms: ['G20'] },
  { name: 'ICRC', names: ['International Committee of the Red Cross', 'Comité international de la Croix-Rouge'], acronyms: ['ICRC', 'CICR'] },
  { name: 'WHO', names: ['World Health Organization', 'Organisation mondiale de la santé'], acronyms: ['OMS'] },
  { name: 'IAEA', names: ['International Atomic Energy Agency', "Agence internationale de l'énergie atomique"], acronyms: ['IAEA', 'AIEA'] },
  { name: 'UNHCR', names: ['UN Refugee Agency', 'Haut Commissariat des Nations unies pour les réfugiés'], acronyms: ['UNHCR', 'HCR'] },
  { name: 'UNESCO', names: [], acronyms: ['UNESCO'] },
  { name: 'OPCW', names: ['Organisation for the Prohibition of Chemical Weapons', "Organisation pour l'interdiction des armes chimiques"], acronyms: ['OPCW', 'OIAC'] },
  { name: 'Interpol', names: [], acronyms: ['Interpol', 'INTERPOL'] },
  { name: 'Europol', names: [], acronyms: ['Europol'] },
  { name: 'FATF', names: ['Financial Action Task Force', "Groupe d'action financière"], acronyms: ['FATF', 'GAFI'] },
  { name: 'Partnership for Peace', names: ['Partnership for Peace', 'Partenariat pour la paix'], acronyms: [] },
];

export interface OrganisationMention {
  name: string;
  start: number;
  end: number;
}

const byName = new Map<string, string>();
const parts: string[] = [];
for (const org of ORGANISATIONS) {
  for (const n of org.names) {
    byName.set(n.toLowerCase().replace(/’/g, "'"), org.name);
    parts.push(escapeRegExp(n).replace(/'/g, "['’]"));
  }
}
const namePattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
const acronymToName = new Map<string, string>();
for (const org of ORGANISATIONS) for (const a of org.acronyms) acronymToName.set(a, org.name);
// Acronyms are matched case-sensitively: "UN" is the United Nations, "un" is a French article.
const acronymPattern = new RegExp(`(?<![\\p{L}\\p{N}\\-])(?:${[...acronymToName.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

export function findOrganisations(text: string): OrganisationMention[] {
  const found: OrganisationMention[] = [];
  for (const m of text.matchAll(namePattern)) {
    const name = byName.get(m[0].toLowerCase().replace(/’/g, "'"));
    if (name) found.push({ name, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(acronymPattern)) {
    const name = acronymToName.get(m[0]);
    if (name) found.push({ name, start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

export function organisationNames(mentions: OrganisationMention[]): string[] {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}
