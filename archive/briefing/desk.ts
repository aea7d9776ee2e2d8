import { ApiError } from '../api/errors.js';
import type { Briefing, BriefingDocument, BriefingFormat, BriefingListEntry, SearchRequest } from '../api/types.js';
import { parseQuery } from '../search/query.js';
import type { ReleaseIndex } from '../search/release-index.js';
import { validateBriefing, validateSearch } from '../validate.js';
import { composeBriefing } from './compose.js';
import { briefingDocx } from './docx.js';
import { briefingPage } from './html.js';
import { briefingMarkdown } from './markdown.js';
import { ChromiumMissingError, htmlToPdf } from './pdf.js';
import { BriefingStore } from './store.js';

/** What the service does with briefings: keep them, fill them from the archive, and lay them out. */
export class BriefingDesk {
  constructor(
    private readonly store: BriefingStore,
    private readonly index: ReleaseIndex,
  ) {}

  list(): Promise<BriefingListEntry[]> {
    return this.store.list();
  }

  async get(id: unknown): Promise<Briefing> {
    const b = typeof id === 'string' && /^[a-z0-9-]{6,40}$/.test(id) ? await this.store.get(id) : null;
    if (!b) throw new ApiError('not-found', 'No briefing with that id: it may have been deleted.');
    return b;
  }

  async save(input: Partial<Briefing> & { title: string }): Promise<Briefing> {
    const old = input?.id ? await this.get(input.id) : null;
    return this.store.save(validateBriefing(input, new Date(), old?.id ?? BriefingStore.newId(), old?.created));
  }

  async delete(id: unknown): Promise<{ deleted: boolean }> {
    const b = await this.get(id);
    return { deleted: await this.store.delete(b.id) };
  }

  /** Adds releases by id, or every release of a search (a pair once, its first version, at most 200). */
  async add(id: unknown, releaseIds: unknown, search: SearchRequest | undefined): Promise<Briefing> {
    const b = await this.get(id);
    let ids = (Array.isArray(releaseIds) ? releaseIds : []).filter((r): r is string => typeof r === 'string' && !!this.index.get(r));
    if (search) {
      const req = validateSearch(search);
      ids = [...ids, ...this.index.forTimeline(req, parseQuery(req.query)).slice(0, 200).map((r) => r.id)];
    }
    if (!ids.length) throw new ApiError('bad-request', 'Name the releases to add, or a search that finds some.');
    const have = new Set(b.items.map((i) => i.releaseId));
    const items = [...b.items, ...ids.filter((r) => !have.has(r)).map((releaseId) => ({ releaseId, summary: null }))];
    return this.save({ ...b, items, query: b.query || search?.query || '' });
  }

  async compose(id: unknown): Promise<BriefingDocument> {
    const b = await this.get(id);
    return composeBriefing(b, (releaseId) => {
      const entry = this.index.get(releaseId);
      return entry && this.index.shown(entry);
    }, this.index.marksOf(parseQuery(b.query)));
  }

  async export(id: unknown, format: BriefingFormat, paper: 'a4' | 'letter' = 'a4'): Promise<{ fileName: string; mimeType: string; base64: string }> {
    if (!['pdf', 'docx', 'md', 'html'].includes(format)) throw new ApiError('bad-request', '"format" is pdf, docx, md or html.');
    if (paper !== 'a4' && paper !== 'letter') throw new ApiError('bad-request', '"paper" is a4 or letter.');
    const document = await this.compose(id);
    const stem = document.briefing.title.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'briefing';
    const mimeType = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8' }[format];
    return { fileName: `${stem}.${format}`, mimeType, base64: Buffer.from(await renderBriefing(document, format, paper)).toString('base64') };
  }
}

/** A composed briefing in one of its formats, as bytes. */

export async function renderBriefing(document: BriefingDocument, format: BriefingFormat, paper: 'a4' | 'letter'): Promise<Uint8Array> {
  switch (format) {
    case 'pdf':
      try {
        return await htmlToPdf(briefingPage(document, paper));
      } catch (err) {
        if (err instanceof ChromiumMissingError) throw new ApiError('unavailable', err.message);
        throw err;
      }
    case 'docx':
      return briefingDocx(document);
    case 'md':
      return new TextEncoder().encode(briefingMarkdown(document));
    case 'html':
      return new TextEncoder().encode(briefingPage(document, paper));
  }
}
