import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allCountries } from '../enrich/countries.js';
import { readRelease } from '../ingest/read.js';
import { walkArchive } from '../ingest/walk.js';
import { sampleFolder } from '../paths.js';

/**
 * A generated archive for the benchmarks: deterministic (the same seed gives the same files),
 * releases in English and French of 300 to 1,500 words made of the samples' own sentences, about
 * 40 partner countries over 30 years, in the formats an archive holds (mostly saved HTML pages
 * with their page furniture and copied text, some Markdown, PDF and Word), some released in both
 * languages.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Source {
  sentences: { en: string[]; fr: string[] };
  titles: { en: string[]; fr: string[] };
}

async function sampleText(): Promise<Source> {
  const out: Source = { sentences: { en: [], fr: [] }, titles: { en: [], fr: [] } };
  for (const f of (await walkArchive([sampleFolder()])).filter((x) => /\.(txt|html|md)$/.test(x.path))) {
    try {
      const r = await readRelease(f.path, await readFile(f.path), f);
      if (r.language !== 'en' && r.language !== 'fr') continue;
      out.titles[r.language].push(r.title);
      for (const p of r.paragraphs) for (const s of p.split(/(?<=[.!?])\s+/)) if (s.length > 40 && s.length < 400 && !/[“”«»"]/.test(s)) out.sentences[r.language].push(s);
    } catch {
      // A sample that cannot be read adds nothing.
    }
  }
  return out;
}

const MONTHS = { en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'], fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] };
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The page a browser saves: navigation, a header, the release, a footer, scripts. */
function savedPage(lang: 'en' | 'fr', title: string, dateLine: string, paragraphs: string[], url: string): string {
  const nav = ['Home', 'News', 'Documentation', 'Departments', 'Contact', 'Media', 'Services'].map((n) => `<li><a href="/${n.toLowerCase()}">${n}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)} | The Federal Council</title><link rel="canonical" href="${url}"><meta property="og:url" content="${url}"><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script><style>body{font-family:sans-serif}</style></head><body><header><div class="logo">Swiss Confederation</div><nav><ul>${nav}</ul></nav><form class="search"><input name="q"></form></header><main><div class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a></div><article><h1>${esc(title)}</h1><p class="date">${esc(dateLine)}</p>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article><aside><h2>Related</h2><ul><li><a href="/a">Earlier releases</a></li><li><a href="/b">Subscribe</a></li></ul></aside></main><footer><p>Federal Chancellery · Contact · Legal framework</p><p>© Swiss Confederation</p></footer><script src="/js/app.js"></script></body></html>`;
}

export async function generateArchive(dir: string, count: number, seed = 42): Promise<{ files: number; bytes: number }> {
  const source = await sampleText();
  const countries = allCountries().filter((c) => !['CH', 'US'].includes(c.code)).slice(0, 40);
  const random = rng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const { makePdf, makeDocx } = await import('./bench-documents.js');
  let bytes = 0;
  type Previous = { day: number; country: number; lang: 'en' | 'fr' };
  let previous = null as Previous | null;
  for (let i = 0; i < count; i++) {
    // One release in five is the other language's version of the one before.
    const pair: Previous | null = previous && random() < 0.2 ? previous : null;
    const lang: 'en' | 'fr' = pair ? (pair.lang === 'en' ? 'fr' : 'en') : random() < 0.55 ? 'en' : 'fr';
    const day: number = pair?.day ?? Math.floor(random() * 30 * 365.25);
    const date = new Date(Date.UTC(1996, 0, 1) + day * 86_400_000);
    const ci: number = pair?.country ?? Math.floor(Math.pow(random(), 1.6) * countries.length);
    const country = countries[ci]!;
    const name = lang === 'en' ? country.en : country.fr;
    const words = 300 + Math.floor(random() * 1200);
    const paragraphs: string[] = [lang === 'en' ? `Switzerland and ${name} met today to discuss their cooperation on security and trade.` : `La Suisse et ${name} se sont rencontrés aujourd’hui pour discuter de leur coopération en matière de sécurité et de commerce.`];
    let total = 20;
    while (total < words) {
      const sentences = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(source.sentences[lang]));
      if (random() < 0.15) sentences.push(lang === 'en' ? `${countries[Math.floor(random() * countries.length)]!.en} also took part.` : `${countries[Math.floor(random() * countries.length)]!.fr} y a aussi participé.`);
      const p = sentences.join(' ');
      paragraphs.push(p);
      total += p.split(' ').length;
    }
    const title = `${pick(source.titles[lang]).replace(/\s*\(.*$/, '')} (${name})`;
    const dateText = lang === 'en' ? `${date.getUTCDate()} ${MONTHS.en[date.getUTCMonth()]} ${date.getUTCFullYear()}` : `${date.getUTCDate()} ${MONTHS.fr[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
    const iso = date.toISOString().slice(0, 10);
    const folder = join(dir, String(date.getUTCFullYear()), lang);
    await mkdir(folder, { recursive: true });
    const kind = random();
    const stem = join(folder, `${iso}-${i}`);
    let data: string | Uint8Array;
    let file: string;
    if (kind < 0.55) {
      file = `${stem}.html`;
      data = savedPage(lang, title, `Bern, ${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`, paragraphs, `https://www.admin.ch/gov/${lang}/start/documentation/media-releases.msg-id-${90000 + i}.html`);
    } else if (kind < 0.85) {
      file = `${stem}.txt`;
      data = `${title}\n\n  • ${dateText}\n\nBerne - ${paragraphs.join('\n\n')}\n`;
    } else if (kind < 0.95) {
      file = `${stem}.md`;
      data = `---\ntitle: "${title.replace(/"/g, "'")}"\ndate: ${iso}\nsource_url: https://www.admin.ch/msg-${i}\nlang: ${lang}\n---\n\n${paragraphs.join('\n\n')}\n`;
    } else if (kind < 0.98) {
      file = `${stem}.pdf`;
      // The PDF's standard fonts write Windows-1252 only: other letters lose their accents.
      const fits = (c: string): boolean => c.charCodeAt(0) <= 0xff || '’‘“”–—…€œŒ'.includes(c);
      const winAnsi = (t: string): string => [...t].map((c) => (fits(c) ? c : c.normalize('NFD').replace(/\p{M}/gu, ''))).map((c) => ([...c].every(fits) ? c : '?')).join('');
      data = await makePdf({ title: winAnsi(title), dateLine: `Berne, ${winAnsi(dateText)}`, paragraphs: paragraphs.slice(0, 8).map(winAnsi) });
    } else {
      file = `${stem}.docx`;
      data = await makeDocx({ title, dateLine: `Berne, ${dateText}`, paragraphs: paragraphs.slice(0, 8) });
    }
    await writeFile(file, data);
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    previous = { day, country: ci, lang };
  }
  return { files: count, bytes };
}
