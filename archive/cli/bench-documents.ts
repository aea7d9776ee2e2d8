/** Releases laid out as PDF (pdf-lib, a development tool) and Word files: for the benchmarks' archive and the tests. */
import { Document as DocxDocument, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface ReleaseText {
  title: string;
  dateLine: string;
  paragraphs: string[];
}

/** A PDF with a real text layer, laid out as a release: big title, date line, wrapped paragraphs. */
export async function makePdf(release: ReleaseText): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  let y = 780;
  const margin = 56;
  const width = 595 - margin * 2;
  const write = (text: string, size: number, f = font, gapAfter = size * 0.9): void => {
    const words = text.split(/\s+/);
    let line = '';
    const flush = (): void => {
      if (y < 60) {
        page = pdf.addPage([595, 842]);
        y = 780;
      }
      page.drawText(line, { x: margin, y, size, font: f });
      y -= size * 1.35;
      line = '';
    };
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (f.widthOfTextAtSize(next, size) > width && line) {
        flush();
        line = w;
      } else line = next;
    }
    if (line) flush();
    y -= gapAfter;
  };
  write(release.title, 16, bold);
  write(release.dateLine, 10);
  for (const p of release.paragraphs) write(p, 11);
  return pdf.save();
}

/** A Word file with a Heading 1 title, the date line and the paragraphs. */
export async function makeDocx(release: ReleaseText): Promise<Uint8Array> {
  const doc = new DocxDocument({
    sections: [
      {
        children: [
          new Paragraph({ text: release.title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: release.dateLine }),
          ...release.paragraphs.map((p) => new Paragraph({ text: p })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
