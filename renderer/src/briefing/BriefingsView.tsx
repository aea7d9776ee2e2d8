import { useState } from 'react';
import { useConnection, useI18n } from '../context.js';
import { formatDate } from '../i18n.js';
import { BriefingEditor } from './BriefingEditor.js';
import type { Briefings } from './useBriefings.js';

/** The briefings kept in the archive: a list to open, make or delete, or the one open. */
export function BriefingsView({ briefings, open, onOpen, onOpenRelease }: { briefings: Briefings; open: string | null; onOpen: (id: string | null) => void; onOpenRelease: (id: string) => void }) {
  const { api } = useConnection();
  const { t, lang } = useI18n();
  const [title, setTitle] = useState('');
  if (open) return <BriefingEditor key={open} id={open} onClose={() => (onOpen(null), void briefings.refresh())} onOpenRelease={onOpenRelease} />;
  return (
    <main className="folders-view briefings-view">
      <h1>{t.briefings}</h1>
      <p>{t.briefingsIntro}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) void briefings.create(title.trim()).then((b) => (setTitle(''), onOpen(b.id)));
        }}
      >
        <input type="text" aria-label={t.briefingTitle} placeholder={t.newBriefingPlaceholder} value={title} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit" disabled={!title.trim()}>
          {t.newBriefing}
        </button>
      </form>
      {briefings.list.length === 0 ? (
        <p className="muted">{t.noBriefings}</p>
      ) : (
        <ul className="folder-list">
          {briefings.list.map((b) => (
            <li key={b.id}>
              <button type="button" className="link" onClick={() => (briefings.setCurrent(b.id), onOpen(b.id))}>
                {b.title}
              </button>
              <span className="muted small">
                {t.releasesInBriefing(b.releases)} · {formatDate(b.updated.slice(0, 10), lang)}
                {briefings.current?.id === b.id ? ` · ${t.currentBriefing}` : ''}
              </span>
              <button type="button" className="ghost" aria-label={t.deleteBriefing(b.title)} onClick={() => window.confirm(t.confirmDelete(b.title)) && void api.deleteBriefing({ id: b.id }).then(() => briefings.refresh())}>
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/** Where releases go: the current briefing, chosen here; the button adds to it. */
export function AddToBriefing({ briefings, label, onAdd }: { briefings: Briefings; label: string; onAdd: () => void }) {
  const { t } = useI18n();
  return (
    <span className="add-to-briefing">
      <button type="button" className="ghost" onClick={onAdd} title={briefings.current ? t.addTo(briefings.current.title) : t.addToNew}>
        + {label}
      </button>
      {briefings.list.length > 1 ? (
        <select aria-label={t.targetBriefing} value={briefings.current?.id ?? ''} onChange={(e) => briefings.setCurrent(e.target.value || null)}>
          {briefings.list.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      ) : null}
    </span>
  );
}
