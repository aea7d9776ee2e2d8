import { useEffect, useRef, useState } from 'react';
import type { Briefing, BriefingDocument, BriefingFormat } from '../../../archive/api/types.js';
import { FormError } from '../FormError.js';
import { useConnection, useI18n } from '../context.js';
import { formatDate } from '../i18n.js';

/** Saves a file the engine made (base64) through the browser's download. */
function saveFile(file: { fileName: string; mimeType: string; base64: string }): void {
  const a = document.createElement('a');
  a.href = `data:${file.mimeType};base64,${file.base64}`;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * One briefing: its header (title, subject, period, for, by, date, marking, language), its
 * releases in order with their summaries (editable, and kept as edited), and the document as it
 * prints, beside them. Changes are saved as they are made.
 */
export function BriefingEditor({ id, onClose, onOpenRelease }: { id: string; onClose: () => void; onOpenRelease: (id: string) => void }) {
  const { api, shell } = useConnection();
  const { t, lang, countryLabel } = useI18n();
  const [draft, setDraft] = useState<Briefing | null>(null);
  const [doc, setDoc] = useState<{ document: BriefingDocument; html: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paper, setPaper] = useState<'a4' | 'letter'>('a4');
  const saved = useRef<string>('');

  useEffect(() => {
    void api.getBriefing({ id }).then((b) => {
      saved.current = JSON.stringify(b);
      setDraft(b);
    }, (e: Error) => setError(e.message));
  }, [api, id]);
  // Saved a moment after the last change, then laid out again.
  useEffect(() => {
    if (!draft) return;
    const timer = window.setTimeout(async () => {
      try {
        if (JSON.stringify(draft) !== saved.current) {
          const b = await api.saveBriefing({ briefing: draft });
          saved.current = JSON.stringify(b);
        }
        setDoc(await api.briefingDocument({ id }));
        setError(null);
      } catch (e) {
        setError((e as Error).message);
      }
    }, 350);
    return () => window.clearTimeout(timer);
  }, [api, id, draft]);
  // The page's margins print the marking and "page N of M" in the briefing's own language.
  useEffect(() => {
    if (!doc) return;
    const root = document.documentElement.style;
    const css = (s: string): string => `"${s.replace(/["\\]/g, '\\$&')}"`;
    root.setProperty('--bd-marking', css(doc.document.briefing.marking));
    root.setProperty('--bd-page', css('page'));
    root.setProperty('--bd-of', css(doc.document.briefing.language === 'fr' ? 'sur' : 'of'));
    return () => ['--bd-marking', '--bd-page', '--bd-of'].forEach((v) => root.removeProperty(v));
  }, [doc]);

  if (error && !draft) return <div className="error-state" role="alert">{error}</div>;
  if (!draft) return <p className="muted">{t.loading}</p>;
  const set = (patch: Partial<Briefing>): void => setDraft({ ...draft, ...patch });
  const entries = new Map((doc?.document.entries ?? []).map((e) => [e.id, e]));
  const move = (i: number, by: number): void => {
    const items = [...draft.items];
    const [item] = items.splice(i, 1);
    items.splice(i + by, 0, item!);
    set({ items, order: 'manual' });
  };
  const exportAs = async (format: BriefingFormat): Promise<void> => {
    setBusy(format);
    try {
      saveFile(await api.exportBriefing({ id, format, paper }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const ordered = draft.order === 'date' ? [...draft.items].sort((a, b) => (entries.get(a.releaseId)?.published ?? '9').localeCompare(entries.get(b.releaseId)?.published ?? '9')) : draft.items;

  return (
    <div className="briefing-editor">
      <div className="briefing-side">
        <div className="row">
          <button type="button" className="ghost" onClick={onClose}>
            ← {t.allBriefings}
          </button>
        </div>
        <form className="briefing-form" onSubmit={(e) => e.preventDefault()}>
          <label>
            <span>{t.briefingTitle}</span>
            <input type="text" value={draft.title} onChange={(e) => set({ title: e.target.value })} />
          </label>
          <label>
            <span>{t.marking}</span>
            <input type="text" value={draft.marking} placeholder="UNCLASSIFIED" onChange={(e) => set({ marking: e.target.value })} />
          </label>
          <div className="two">
            <label>
              <span>{t.preparedFor}</span>
              <input type="text" value={draft.preparedFor} onChange={(e) => set({ preparedFor: e.target.value })} />
            </label>
            <label>
              <span>{t.preparedBy}</span>
              <input type="text" value={draft.preparedBy} onChange={(e) => set({ preparedBy: e.target.value })} />
            </label>
          </div>
          <div className="two">
            <label>
              <span>{t.briefingDate}</span>
              <input type="date" value={draft.date} onChange={(e) => e.target.value && set({ date: e.target.value })} />
            </label>
            <label>
              <span>{t.briefingLanguage}</span>
              <select value={draft.language} onChange={(e) => set({ language: e.target.value as 'en' | 'fr' })}>
                <option value="en">English</option>
                <option value="fr">Français</option>
              </select>
            </label>
          </div>
          <label>
            <span>{t.briefingQuery}</span>
            <input type="text" value={draft.query} onChange={(e) => set({ query: e.target.value })} />
          </label>
          <p className="muted small">
            {t.subject}: {(doc?.document.briefing.subject ?? draft.subject).map(countryLabel).join(', ') || '—'}
            {doc?.document.period ? ` · ${formatDate(doc.document.period.from, lang)} – ${formatDate(doc.document.period.to, lang)}` : ''}
          </p>
        </form>
        <div className="briefing-items-head">
          <h2>{t.releasesInBriefing(draft.items.length)}</h2>
          <div className="segmented" role="radiogroup" aria-label={t.order}>
            <button type="button" role="radio" aria-checked={draft.order === 'manual'} className={draft.order === 'manual' ? 'on' : ''} onClick={() => set({ order: 'manual' })}>
              {t.orderManual}
            </button>
            <button type="button" role="radio" aria-checked={draft.order === 'date'} className={draft.order === 'date' ? 'on' : ''} onClick={() => set({ order: 'date', items: ordered })}>
              {t.orderDate}
            </button>
          </div>
        </div>
        {draft.items.length === 0 ? <p className="muted">{t.emptyBriefing}</p> : null}
        <ol className="briefing-items">
          {ordered.map((item, i) => {
            const e = entries.get(item.releaseId);
            return (
              <li key={item.releaseId}>
                <div className="item-head">
                  <button type="button" className="link item-title" onClick={() => onOpenRelease(item.releaseId)}>
                    {e?.missing ? t.missingRelease : (e?.title ?? '…')}
                  </button>
                  <span className="muted small">{e?.published ? formatDate(e.published, lang) : ''}</span>
                </div>
                <div className="item-actions">
                  <button type="button" className="ghost" aria-label={t.moveUp(e?.title ?? '')} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="ghost" aria-label={t.moveDown(e?.title ?? '')} disabled={i === ordered.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="ghost" onClick={() => (setEditing(item.releaseId), setText(e?.summary ?? ''))}>
                    {t.editSummary}
                  </button>
                  {item.summary !== null ? <span className="badge">{t.edited}</span> : null}
                  <button type="button" className="ghost" aria-label={t.removeFromBriefing(e?.title ?? '')} onClick={() => set({ items: draft.items.filter((x) => x.releaseId !== item.releaseId) })}>
                    ×
                  </button>
                </div>
                {editing === item.releaseId ? (
                  <div className="summary-edit">
                    <textarea aria-label={t.summaryOf(e?.title ?? '')} rows={6} value={text} onChange={(ev) => setText(ev.target.value)} />
                    <div className="row">
                      <button type="button" onClick={() => (set({ items: draft.items.map((x) => (x.releaseId === item.releaseId ? { ...x, summary: text } : x)) }), setEditing(null))}>
                        {t.saveSummary}
                      </button>
                      <button type="button" className="ghost" onClick={() => (set({ items: draft.items.map((x) => (x.releaseId === item.releaseId ? { ...x, summary: null } : x)) }), setEditing(null))}>
                        {t.liaisonSummary}
                      </button>
                      <button type="button" className="ghost" onClick={() => setEditing(null)}>
                        {t.cancel}
                      </button>
                    </div>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      </div>
      <div className="briefing-main">
        <div className="briefing-toolbar">
          <button type="button" onClick={() => (shell ? void shell.print() : window.print())}>
            {t.print}
          </button>
          <select aria-label={t.paper} value={paper} onChange={(e) => setPaper(e.target.value as 'a4' | 'letter')}>
            <option value="a4">A4</option>
            <option value="letter">Letter</option>
          </select>
          {shell ? (
            <button type="button" className="secondary" onClick={() => void shell.savePdf(paper, `${draft.title || 'briefing'}.pdf`)}>
              {t.savePdf}
            </button>
          ) : (
            <button type="button" className="secondary" disabled={!!busy} onClick={() => void exportAs('pdf')}>
              {busy === 'pdf' ? t.making : t.downloadPdf}
            </button>
          )}
          <button type="button" className="secondary" disabled={!!busy} onClick={() => void exportAs('docx')}>
            Word
          </button>
          <button type="button" className="secondary" disabled={!!busy} onClick={() => void exportAs('md')}>
            Markdown
          </button>
        </div>
        <FormError message={error} />
        {/* The document is HTML the engine made, every word of a release escaped in it. */}
        <div className="briefing-preview" dangerouslySetInnerHTML={{ __html: doc?.html ?? '' }} />
      </div>
    </div>
  );
}
