import { useState } from 'react';
import type { ArchiveStatus } from '../../archive/api/types.js';
import { useConnection, useI18n } from './context.js';
import { FormError } from './FormError.js';
import type { ViewState } from './url-state.js';

/** The team archive's host, for labels. */
export const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Connecting to a team archive (its address and a personal token), and what the connection is. */
export function TeamArchive({ status, onChanged }: { status: ArchiveStatus; onChanged: () => void }) {
  const { api } = useConnection();
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const team = status.team ?? null;
  const act = (work: Promise<unknown>): void => {
    setBusy(true);
    setError(null);
    void work.then(
      () => {
        setToken('');
        onChanged();
      },
      (e: Error) => setError(e.message),
    ).finally(() => setBusy(false));
  };
  return (
    <section className="team-archive" aria-labelledby="team-archive-title">
      <h2 id="team-archive-title">{t.teamArchive}</h2>
      <p className="muted">{t.teamIntro}</p>
      {team ? (
        <div className="row">
          <span className={team.error ? 'team-state warn' : 'team-state'} role="status">
            {team.error ? `${t.teamUnreachable(hostOf(team.url))} — ${team.error}` : t.teamConnected(hostOf(team.url), team.documents)}
          </span>
          <button type="button" className="ghost" disabled={busy} onClick={() => act(api.disconnectTeam({}))}>
            {t.teamDisconnect}
          </button>
        </div>
      ) : (
        <form
          className="team-form"
          onSubmit={(e) => {
            e.preventDefault();
            act(api.connectTeam({ url, token }));
          }}
        >
          <label>
            <span>{t.teamAddress}</span>
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://liaison.example.org" autoComplete="off" spellCheck={false} required />
          </label>
          <label>
            <span>{t.teamToken}</span>
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder="lia_…" autoComplete="off" spellCheck={false} required />
          </label>
          <button type="submit" disabled={busy || !url.trim() || !token.trim()}>
            {busy ? t.teamConnecting : t.teamConnect}
          </button>
        </form>
      )}
      <FormError message={error} />
    </section>
  );
}

/** Which archive answers, when a team archive is connected: this computer's or the team's. */
export function SourceSwitch({ status, source, onChange }: { status: ArchiveStatus | null; source: ViewState['source']; onChange: (source: ViewState['source']) => void }) {
  const { t } = useI18n();
  const team = status?.team;
  if (!team) return null;
  return (
    <div className="source-switch" role="radiogroup" aria-label={t.sourceLabel} title="A">
      <button type="button" role="radio" aria-checked={source === 'local'} className={source === 'local' ? 'seg on' : 'seg'} onClick={() => onChange('local')}>
        {t.sourceLocal} <span className="facet-count">{status.documents.toLocaleString()}</span>
      </button>
      <button type="button" role="radio" aria-checked={source === 'team'} className={source === 'team' ? 'seg on' : 'seg'} onClick={() => onChange('team')} title={team.error ?? team.url}>
        {t.sourceTeam} <span className="facet-count">{team.error ? `⚠ ${hostOf(team.url)}` : hostOf(team.url)}</span>
      </button>
    </div>
  );
}
