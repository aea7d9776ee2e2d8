import { AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { BriefingDocument } from '../api/types.js';
import { countryByCode } from '../enrich/countries.js';
import { BRIEFING_LABELS, formatDay, headerFields } from './labels.js';

/**
 * The briefing as a Word document an officer can edit further (with the `docx` library): the same
 * parts and headings as the page, the marking in every page's header and footer, "page N of M".
 */
function runs(text: string, ranges: [number, number][], options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    if (s > at) out.push(new TextRun({ text: text.slice(at, s), ...options }));
    out.push(new TextRun({ text: text.slice(s, e), ...options, highlight: 'yellow' }));
    at = e;
  }
  if (at < text.length) out.push(new TextRun({ text: text.slice(at), ...options }));
  return out;
}

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false): TableCell => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

export async function briefingDocx(doc: BriefingDocument): Promise<Uint8Array> {
  const b = doc.briefing;
  const l = BRIEFING_LABELS[b.language];
  const name = (c: string): string => countryByCode(c)?.[b.language] ?? c;
  const present = doc.entries.filter((e) => !e.missing);
  const marking = (): Paragraph => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.marking, bold: true, size: 16 })] });
  const body: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: l.briefing.toUpperCase(), bold: true, color: '1F4E79', size: 16 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, text: b.title }),
  ];
  for (const [k, v] of headerFields(doc)) if (v) body.push(new Paragraph({ children: [new TextRun({ text: `${k}: `, color: '555555' }), new TextRun({ text: v, bold: true })] }));
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: l.overview }), new Paragraph({ text: `${l.releasesCount(present.length)}.` }));
  body.push(table([l.country, l.count], doc.countries.slice(0, 10).map((c) => [c.name, String(c.releases)])));
  body.push(new Paragraph({ text: '' }), table([l.year, l.count], doc.years.filter((y) => y.count).map((y) => [y.period, String(y.count)])));
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: l.chronology }));
  body.push(table([l.date, l.country, l.title], [...present].sort((x, y) => (x.published ?? '').localeCompare(y.published ?? '')).map((e) => [formatDay(e.published, b.language), e.countries.map(name).join(', ') || l.none, e.title])));
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: l.releases }));
  doc.entries.forEach((e, i) => {
    if (e.missing) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: `${i + 1}. ${l.missing}` }));
      return;
    }
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: `${i + 1}. ` }), ...runs(e.title, e.titleHighlights)] }));
    body.push(new Paragraph({ children: [new TextRun({ text: `${[formatDay(e.published, b.language), l.languages[e.language] ?? e.language, e.publisher].filter(Boolean).join(' · ')} · ${l.source} [${i + 1}]`, size: 16, color: '555555' })] }));
    body.push(new Paragraph({ children: [...runs(e.summary, e.summaryHighlights), ...(e.summaryEdited ? [new TextRun({ text: ` (${l.edited})`, italics: true, size: 16, color: '8A5A00' })] : [])] }));
    if (e.quotes.length) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: l.quotes }));
      for (const q of e.quotes) body.push(new Paragraph({ indent: { left: 400 }, border: { left: { style: BorderStyle.SINGLE, size: 8, color: 'C9D3E0', space: 6 } }, children: [new TextRun({ text: `“${q.text}” `, italics: true }), new TextRun({ text: `— ${q.speaker}`, bold: true }), new TextRun({ text: q.role ? `, ${q.role}` : '' })] }));
    }
  });
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: l.sources }));
  doc.entries.forEach((e, i) => body.push(new Paragraph({ children: [new TextRun({ text: `${i + 1}. ${e.missing ? l.missing : `${e.title} — ${e.source}`}`, size: 16 })] })));
  const document = new Document({
    title: b.title,
    creator: b.preparedBy || 'Liaison',
    sections: [
      {
        headers: { default: new Header({ children: b.marking ? [marking()] : [] }) },
        footers: {
          default: new Footer({
            children: [
              ...(b.marking ? [marking()] : []),
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: [`${l.page} `, PageNumber.CURRENT, ` ${l.of} `, PageNumber.TOTAL_PAGES], size: 16 })] }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
