import type { BriefingDocument } from '../api/types.js';
import { countryByCode } from '../enrich/countries.js';
import { BRIEFING_LABELS, formatDay, headerFields } from './labels.js';

/** Markdown's own characters in a release's words, escaped so they stay words. */
const md = (s: string): string => s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1').replace(/\n+/g, ' ');

function bold(text: string, ranges: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    out += `${md(text.slice(at, s))}**${md(text.slice(s, e))}**`;
    at = e;
  }
  return out + md(text.slice(at));
}

/** The briefing as Markdown: the same parts as the page, the query's words in bold. */
export function briefingMarkdown(doc: BriefingDocument): string {
  const b = doc.briefing;
  const l = BRIEFING_LABELS[b.language];
  const name = (c: string): string => countryByCode(c)?.[b.language] ?? c;
  const present = doc.entries.filter((e) => !e.missing);
  const lines: string[] = [];
  if (b.marking) lines.push(`**${md(b.marking)}**`, '');
  lines.push(`# ${md(b.title)}`, '');
  for (const [k, v] of headerFields(doc)) if (v) lines.push(`- **${k}:** ${md(v)}`);
  lines.push('', `## ${l.overview}`, '', `${l.releasesCount(present.length)}.`, '', `| ${l.country} | ${l.count} |`, '| --- | ---: |');
  for (const c of doc.countries.slice(0, 10)) lines.push(`| ${md(c.name)} | ${c.releases} |`);
  lines.push('', `| ${l.year} | ${l.count} |`, '| --- | ---: |');
  for (const y of doc.years.filter((y) => y.count)) lines.push(`| ${y.period} | ${y.count} |`);
  lines.push('', `## ${l.chronology}`, '', `| ${l.date} | ${l.country} | ${l.title} |`, '| --- | --- | --- |');
  for (const e of [...present].sort((x, y) => (x.published ?? '').localeCompare(y.published ?? ''))) lines.push(`| ${formatDay(e.published, b.language)} | ${md(e.countries.map(name).join(', ') || l.none)} | ${md(e.title)} |`);
  lines.push('', `## ${l.releases}`, '');
  doc.entries.forEach((e, i) => {
    if (e.missing) {
      lines.push(`### ${i + 1}. ${l.missing}`, '');
      return;
    }
    lines.push(`### ${i + 1}. ${bold(e.title, e.titleHighlights)}`, '', `*${[formatDay(e.published, b.language), l.languages[e.language] ?? e.language, e.publisher].filter(Boolean).map((s) => md(s!)).join(' · ')} · ${l.source} [${i + 1}]*`, '', `${bold(e.summary, e.summaryHighlights)}${e.summaryEdited ? ` *(${l.edited})*` : ''}`, '');
    if (e.quotes.length) {
      lines.push(`**${l.quotes}**`, '');
      for (const q of e.quotes) lines.push(`> “${md(q.text)}” — **${md(q.speaker)}**${q.role ? `, ${md(q.role)}` : ''}`, '');
    }
  });
  lines.push(`## ${l.sources}`, '');
  doc.entries.forEach((e, i) => lines.push(`${i + 1}. ${e.missing ? l.missing : `${md(e.title)} — ${md(e.source)}`}`));
  if (b.marking) lines.push('', `**${md(b.marking)}**`);
  return `${lines.join('\n')}\n`;
}
