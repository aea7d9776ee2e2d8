import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BriefingDocument, BriefingEntry } from '../api/types.js';
import { countryByCode } from '../enrich/countries.js';
import { appRoot } from '../paths.js';
import { BRIEFING_LABELS, formatDay, headerFields, type BriefingLabels } from './labels.js';

/**
 * A briefing as HTML: the fragment the app shows and prints, or a whole page (with the same
 * stylesheet, assets/briefing.css) that Chromium turns into the PDF. Every word from a release is
 * escaped; nothing links out (the document must not lead anyone onto the network).
 */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function marked(text: string, ranges: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    out += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(text.slice(at));
}

const countryName = (code: string, lang: 'en' | 'fr'): string => countryByCode(code)?.[lang] ?? code;

/** The lanes of the chosen releases by year, as a small SVG (counts written on the bars). */
function timelineSvg(doc: BriefingDocument, l: BriefingLabels): string {
  const lanes = doc.lanes.filter((lane) => lane.total > 0);
  if (!lanes.length || !lanes[0]!.buckets.length) return '';
  const periods = lanes[0]!.buckets.map((b) => b.period);
  const labelW = 150;
  const width = 640;
  const laneH = 24;
  const col = (width - labelW) / periods.length;
  const max = Math.max(1, ...lanes.flatMap((lane) => lane.buckets.map((b) => b.count)));
  const height = 22 + lanes.length * laneH + 4;
  let svg = `<svg class="bd-timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(l.timeline)}" font-family="DejaVu Sans, system-ui, sans-serif">`;
  const every = Math.ceil(periods.length / 12);
  periods.forEach((p, i) => {
    if (i % every === 0) svg += `<text x="${(labelW + i * col + 2).toFixed(1)}" y="14" font-size="10" fill="#555">${escapeHtml(p)}</text>`;
  });
  lanes.forEach((lane, k) => {
    const y = 22 + k * laneH;
    svg += `<text x="0" y="${y + 16}" font-size="11" fill="#111">${escapeHtml(countryName(lane.country, doc.briefing.language))}</text>`;
    svg += `<line x1="${labelW}" x2="${width}" y1="${y + laneH - 2}" y2="${y + laneH - 2}" stroke="#ccc" stroke-width="0.6"/>`;
    lane.buckets.forEach((b, i) => {
      if (!b.count) return;
      const h = Math.max(3, (b.count / max) * (laneH - 6));
      svg += `<rect x="${(labelW + i * col + 1).toFixed(1)}" y="${(y + laneH - 2 - h).toFixed(1)}" width="${Math.max(1.5, col - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="#1f4e79"><title>${escapeHtml(`${b.period}: ${b.count}`)}</title></rect>`;
    });
  });
  return `${svg}</svg>`;
}

function entryHtml(e: BriefingEntry, n: number, doc: BriefingDocument, l: BriefingLabels): string {
  const lang = doc.briefing.language;
  if (e.missing) return `<article class="bd-entry"><h3><span class="bd-n">${n}.</span> ${l.missing}</h3></article>`;
  const meta = [formatDay(e.published, lang), l.languages[e.language] ?? e.language, e.publisher, e.countries.map((c) => countryName(c, lang)).join(', ')].filter(Boolean).map((s) => escapeHtml(s!));
  const quotes = e.quotes.length
    ? `<div class="bd-quotes"><h4>${l.quotes}</h4>${e.quotes.map((q) => `<blockquote><p>“${escapeHtml(q.text.length > 400 ? `${q.text.slice(0, 400)}…` : q.text)}”</p><footer>— <strong>${escapeHtml(q.speaker)}</strong>${q.role ? `, ${escapeHtml(q.role)}` : ''}</footer></blockquote>`).join('')}</div>`
    : '';
  return `<article class="bd-entry" id="entry-${escapeHtml(e.id)}"><h3><span class="bd-n">${n}.</span> ${marked(e.title, e.titleHighlights)}</h3><p class="bd-entry-meta">${meta.join(' · ')} · ${l.source} [${n}]</p><p class="bd-summary">${marked(e.summary, e.summaryHighlights)}${e.summaryEdited ? ` <span class="bd-edited">(${l.edited})</span>` : ''}</p>${quotes}</article>`;
}

/** The document itself: header, overview, chronology, releases, sources. */
export function briefingFragment(doc: BriefingDocument): string {
  const b = doc.briefing;
  const l = BRIEFING_LABELS[b.language];
  const present = doc.entries.filter((e) => !e.missing);
  const row = (label: string, value: string): string => (value ? `<div><dt>${label}</dt><dd>${escapeHtml(value)}</dd></div>` : '');
  const period = doc.period ? `${formatDay(doc.period.from, b.language)} – ${formatDay(doc.period.to, b.language)}` : '';
  return [
    `<article class="briefing-document" lang="${b.language}">`,
    b.marking ? `<div class="bd-marking">${escapeHtml(b.marking)}</div>` : '',
    `<header class="bd-header"><div class="bd-kind">${l.briefing}</div><h1>${escapeHtml(b.title)}</h1><dl class="bd-meta">`,
    ...headerFields(doc).map(([label, value]) => row(label, value)),
    `</dl></header>`,
    `<section class="bd-overview"><h2>${l.overview}</h2><p>${l.releasesCount(present.length)}${period ? `, ${escapeHtml(period)}` : ''}.</p>`,
    `<div class="bd-overview-grid"><table class="bd-counts"><caption>${l.byCountry}</caption><thead><tr><th>${l.country}</th><th>${l.count}</th></tr></thead><tbody>${doc.countries
      .slice(0, 10)
      .map((c) => `<tr><td>${escapeHtml(c.name)}</td><td>${c.releases}</td></tr>`)
      .join('')}</tbody></table>`,
    `<table class="bd-counts"><caption>${l.byYear}</caption><thead><tr><th>${l.year}</th><th>${l.count}</th></tr></thead><tbody>${doc.years
      .filter((y) => y.count > 0)
      .map((y) => `<tr><td>${y.period}</td><td>${y.count}</td></tr>`)
      .join('')}</tbody></table></div>`,
    `<figure><figcaption>${l.timeline}</figcaption>${timelineSvg(doc, l)}</figure></section>`,
    `<section class="bd-chronology"><h2>${l.chronology}</h2><table><thead><tr><th>${l.date}</th><th>${l.country}</th><th>${l.title}</th></tr></thead><tbody>${[...present]
      .sort((x, y) => (x.published ?? '').localeCompare(y.published ?? ''))
      .map((e) => `<tr><td>${escapeHtml(formatDay(e.published, b.language))}</td><td>${escapeHtml(e.countries.map((c) => countryName(c, b.language)).join(', ') || l.none)}</td><td>${escapeHtml(e.title)}</td></tr>`)
      .join('')}</tbody></table></section>`,
    `<section class="bd-releases"><h2>${l.releases}</h2>${doc.entries.map((e, i) => entryHtml(e, i + 1, doc, l)).join('')}</section>`,
    `<section class="bd-sources"><h2>${l.sources}</h2><ol>${doc.entries.map((e) => `<li>${e.missing ? l.missing : `${escapeHtml(e.title)} — <span class="bd-source">${escapeHtml(e.source)}</span>`}</li>`).join('')}</ol></section>`,
    `</article>`,
  ].join('');
}

let stylesheet: string | null = null;
function briefingCss(): string {
  stylesheet ??= readFileSync(join(appRoot(), 'assets', 'briefing.css'), 'utf8');
  return stylesheet;
}

/** What the page's margins print: the marking at the top and bottom, "page N of M". */
export function pageVariables(doc: BriefingDocument): string {
  const l = BRIEFING_LABELS[doc.briefing.language];
  const css = (s: string): string => `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;
  return `--bd-marking: ${css(doc.briefing.marking)}; --bd-page: ${css(l.page)}; --bd-of: ${css(l.of)};`;
}

/** A whole page: what Chromium prints to PDF and what `--out briefing.html` writes. */
export function briefingPage(doc: BriefingDocument, paper: 'a4' | 'letter' = 'a4'): string {
  return `<!doctype html><html lang="${doc.briefing.language}" style="${escapeHtml(pageVariables(doc))}"><head><meta charset="utf-8"><title>${escapeHtml(doc.briefing.title)}</title><style>@page { size: ${paper === 'letter' ? 'letter' : 'A4'}; }\n${briefingCss()}</style></head><body class="briefing-page">${briefingFragment(doc)}</body></html>`;
}
