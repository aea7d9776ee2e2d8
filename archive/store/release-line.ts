import type { PressRelease, SourceFormat, TextEncoding } from '../api/types.js';
import { countriesToText } from '../search/country-text.js';
import { NONE as EMPTY, type ReleaseShape } from '../search/indexed.js';
import type { LinkShape } from '../search/translations.js';

/**
 * One stored release as one line of releases.jsonl: a JSON array of its fields in a fixed order,
 * without what details.bin holds (text, evidence, quotes, summary) and without what is derived
 * again (a country's name, `home` and `about`). Its countries are a short text
 * (`DZ title,lead|LY agreement|US`) turned into objects only when someone reads them: opening an
 * archive of 50,000 releases then parses a few small strings per release, not a dozen objects.
 */

type Line = [
  no: number,
  id: string,
  path: string,
  format: SourceFormat,
  encoding: TextEncoding,
  title: string,
  published: string | null,
  updated: string | null,
  language: string,
  place: string | null,
  sourceUrl: string | null,
  host: string | null,
  originCountry: string | null,
  datelineCountry: string | null,
  translations: string[],
  size: number,
  mtimeMs: number,
  hash: string,
  countries: string,
  titleTerms: string,
  titleLength: number,
  length: number,
  storedAt: number,
  storedLength: number,
  named: string,
  textLength: number,
  paragraphs: number,
  features: string,
];

const FIELDS = 28;

const featuresToText = (f: Uint32Array): string => Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString('base64');

function featuresFromText(s: string): Uint32Array {
  const bytes = Buffer.from(s, 'base64');
  const out = new Uint32Array(bytes.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}

/** What a stored entry needs to be written as a line. */
export interface LineSource extends Omit<ReleaseShape, 'stored'> {
  no: number;
  release: PressRelease;
  /** The countries as text, when the release holds them so (see country-text.ts). */
  countryText?: string;
}

export function encodeLine(e: LineSource, stored: [number, number]): string {
  const r = e.release;
  const line: Line = [
    e.no, r.id, r.path, r.format, r.encoding, r.title, r.published, r.updated, r.language, r.place, r.sourceUrl,
    r.origin.host, r.origin.country, r.origin.datelineCountry, r.translations, r.size, r.mtimeMs, r.hash, e.countryText ?? countriesToText(r.countries),
    e.titleTerms, e.titleLength, e.length, stored[0], stored[1], e.link.named.join(' '), e.link.textLength, e.link.paragraphs, featuresToText(e.link.features),
  ];
  return JSON.stringify(line);
}

/** A line read back: the release with no countries (their text is given apart), and its shape. */
export interface DecodedLine {
  no: number;
  release: PressRelease;
  countries: string;
  shape: ReleaseShape;
}


/** A stored release's link shape: its features decoded from their text the first time linking reads them. */
class StoredLink implements LinkShape {
  private decoded: Uint32Array | null = null;
  constructor(
    readonly id: string,
    readonly published: string | null,
    readonly language: string,
    readonly origin: PressRelease['origin'],
    readonly named: string[],
    readonly textLength: number,
    readonly paragraphs: number,
    private readonly featureText: string,
  ) {}
  get features(): Uint32Array {
    return (this.decoded ??= featuresFromText(this.featureText));
  }
}

export function decodeLine(text: string): DecodedLine {
  const l = JSON.parse(text) as Line;
  if (!Array.isArray(l) || l.length !== FIELDS) throw new Error('a release line has the wrong shape');
  const release: PressRelease = {
    id: l[1], path: l[2], format: l[3], encoding: l[4], title: l[5], published: l[6], updated: l[7], language: l[8], place: l[9],
    paragraphs: EMPTY, text: '', countries: EMPTY, organisations: EMPTY, quotes: EMPTY, summary: '', sourceUrl: l[10],
    origin: { host: l[11], country: l[12], datelineCountry: l[13] }, translations: l[14], size: l[15], mtimeMs: l[16], hash: l[17],
  };
  const shape: ReleaseShape = {
    titleTerms: l[19], titleLength: l[20], length: l[21], stored: [l[22], l[23]],
    link: new StoredLink(l[1], l[6], l[8], release.origin, l[24] ? l[24].split(' ') : EMPTY, l[25], l[26], l[27]),
  };
  return { no: l[0], release, countries: l[18], shape };
}
