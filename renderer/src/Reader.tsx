import { useEffect, useMemo, useRef, useState } from 'react';
import type { ShellBridge } from '../../archive/api/bridge.js';
import type { PartnerCountry, ReleaseView } from '../../archive/api/types.js';
import { useConnection, useI18n } from './context.js';
import { Highlighted } from './Highlighted.js';
import { formatDate } from './i18n.js';

/** One release, read in full; `team` (the team archive's host) when it comes from the team archive (it then has no file here to show). */
export function Reader({ shell, id, query, team = null, onClose, onOpen, onAdd }: { shell: ShellBridge | null; id: string; query: string; team?: string | null; onClose: () => void; onOpen: (id: string) => void; onAdd?: (id: string) => void }) {
  const { api } = useConnection();
  const { t, lang, countryLabel } = useI18n();
  const [release, setRelease] = useState<ReleaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [hit, setHit] = useState(0);
  const [copied, setCopied] = useState(false);
  const [openCountry, setOpenCountry] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    api
      .getRelease({ id, query, ...(team ? { source: 'team' as const } : {}) })
      .then((r) => {
        if (!live) return;
        setRelease(r);
        setHit(0);
      })
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [api, id, query, team]);

  useEffect(() => {
    panel.current?.focus();
  }, [release]);

  // Each paragraph with its offset in release.text, to place the highlights paragraph by paragraph.
  const layout = useMemo(() => (release ? release.paragraphs.map((text, i) => ({ text, start: release.paragraphStarts[i] ?? 0 })) : []), [release]);
  const bodyHighlights = useMemo(() => (release ? release.highlights.filter(([s]) => s >= release.title.length) : []), [release]);

  const goTo = (i: number): void => {
    if (!bodyHighlights.length) return;
    const n = (i + bodyHighlights.length) % bodyHighlights.length;
    setHit(n);
    document.getElementById(`mark-${n}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement;
      if (target.tagName === 'INPUT') return;
      if (e.key === 'n' || e.key === 'F3') {
        e.preventDefault();
        goTo(e.shiftKey ? hit - 1 : hit + 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (error) {
    return (
      <aside className="reader" aria-label={t.close}>
        <div className="error-state" role="alert">
          <p>{error}</p>
          <button type="button" onClick={onClose}>
            {t.close}
          </button>
        </div>
      </aside>
    );
  }
  if (!release) return <aside className="reader loading" aria-busy="true" />;

  const citation = `${release.title}. ${release.published ? formatDate(release.published, lang) : t.noDate}. ${release.sourceUrl ?? release.path}`;
  let markIndex = 0;
  const country = (c: PartnerCountry) => (
    <li key={c.code}>
      <button type="button" className={c.about ? 'country about' : c.home ? 'country home' : 'country'} aria-expanded={openCountry === c.code} onClick={() => setOpenCountry(openCountry === c.code ? null : c.code)}>
        {countryLabel(c.code)} <small>{c.about ? t.primary : c.home ? t.homeCountry : t.mentioned}</small>
      </button>
      {openCountry === c.code ? (
        <div className="evidence">
          {c.aboutBecause.length ? (
            <div>
              {c.home ? t.homeBecause : t.aboutBecause}: {c.aboutBecause.map((r) => t.aboutReasons[r]).join(', ')}
              {c.aboutBecause.includes('dateline') && release.place ? ` (${release.place})` : ''}
            </div>
          ) : null}
          {c.evidence.length ? (
            <div>
              {t.evidence}: {[...new Set(c.evidence.map((e) => e.text))].join(', ')} ({c.evidence.length}×)
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );

  return (
    <aside className="reader" ref={panel} tabIndex={-1} aria-labelledby="reader-title">
      <div className="reader-toolbar">
        <button type="button" className="ghost" onClick={onClose} aria-label={t.close} title="Esc">
          ← {t.close}
        </button>
        <div className="hit-nav">
          <button type="button" className="ghost" onClick={() => goTo(hit - 1)} disabled={!bodyHighlights.length} aria-label={t.prevHit} title="Shift+N">
            ↑
          </button>
          <span>{t.hitOf(bodyHighlights.length ? hit + 1 : 0, bodyHighlights.length)}</span>
          <button type="button" className="ghost" onClick={() => goTo(hit + 1)} disabled={!bodyHighlights.length} aria-label={t.nextHit} title="N">
            ↓
          </button>
        </div>
        <div className="reader-actions">
          {team ? <span className="source-label">{t.teamRelease(team)}</span> : null}
          {onAdd ? (
            <button type="button" className="ghost" onClick={() => onAdd(id)}>
              + {t.addOne}
            </button>
          ) : null}
          <button
            type="button"
            className="ghost"
            onClick={() => {
              void navigator.clipboard?.writeText(citation).then(() => {
                setCopied(true);
                window.setTimeout(() => setCopied(false), 1800);
              });
            }}
          >
            {copied ? t.copied : t.copyCitation}
          </button>
          {shell && !team ? (
            <>
              <button type="button" className="ghost" onClick={() => void shell.openRelease(release.id)}>
                {t.openOriginal}
              </button>
              <button type="button" className="ghost" onClick={() => void shell.revealRelease(release.id)}>
                {t.revealFile}
              </button>
            </>
          ) : null}
        </div>
      </div>
      <article className="release" lang={release.language}>
        <h1 id="reader-title">
          <Highlighted text={release.title} ranges={release.highlights.filter(([s]) => s < release.title.length)} />
        </h1>
        <dl className="release-meta">
          <div>
            <dt>{t.published}</dt>
            <dd>{release.published ? formatDate(release.published, lang) : t.noDate}{release.place ? ` · ${release.place}` : ''}</dd>
          </div>
          {release.updated && release.updated !== release.published ? (
            <div>
              <dt>{t.updated}</dt>
              <dd>{formatDate(release.updated, lang)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t.language}</dt>
            <dd>{t.languageNames[release.language] ?? release.language}</dd>
          </div>
          <div>
            <dt>{t.source}</dt>
            <dd className="path" title={release.path}>
              {release.path}
            </dd>
          </div>
        </dl>
        {release.translations.length ? (
          <div className="translations">
            {release.translations.map((o) => (
              <button key={o.id} type="button" className="link" onClick={() => onOpen(o.id)}>
                {t.otherLanguage(t.languageNames[o.language] ?? o.language)}: {o.title}
              </button>
            ))}
          </div>
        ) : null}
        {release.countries.length ? (
          <section className="release-countries">
            <h2>{t.countriesInRelease}</h2>
            <ul>{[...release.countries].sort((a, b) => Number(b.about) - Number(a.about) || Number(a.home) - Number(b.home)).map(country)}</ul>
          </section>
        ) : null}
        {release.summary ? (
          <section className="release-summary">
            <h2>{t.summary}</h2>
            <p>{release.summary}</p>
          </section>
        ) : null}
        <div className="release-body">
          {layout.map((p, i) => {
            const ranges = bodyHighlights.filter(([s, e]) => s >= p.start && e <= p.start + p.text.length);
            const first = markIndex;
            markIndex += ranges.length;
            return (
              <p key={i}>
                <Highlighted text={p.text} ranges={ranges} offset={p.start} markIds={(k) => `mark-${first + k}`} />
              </p>
            );
          })}
        </div>
        {release.quotes.length ? (
          <section className="release-quotes">
            <h2>{t.quoted}</h2>
            {release.quotes.map((q, i) => (
              <blockquote key={i}>
                <p>{q.text.length > 320 ? `${q.text.slice(0, 320)}…` : q.text}</p>
                <footer>
                  — <strong>{q.speaker}</strong>
                  {q.role ? `, ${q.role}` : ''}
                </footer>
              </blockquote>
            ))}
          </section>
        ) : null}
      </article>
    </aside>
  );
}
