import { useEffect, useState } from 'react';
import type { ArchiveStatus, FileFailure } from '../../archive/api/types.js';
import { FormError } from './FormError.js';
import { TeamArchive } from './TeamArchive.js';
import { useConnection, useI18n } from './context.js';

function AddFolder({ onChanged }: { onChanged: () => void }) {
  const { api, shell } = useConnection();
  const { t } = useI18n();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (p: string): Promise<void> => {
    setError(null);
    try {
      await api.addFolder({ path: p });
      setPath('');
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form
      className="add-folder"
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) void add(path.trim());
      }}
    >
      <label>
        <span>{t.addFolderPrompt}</span>
        <div className="row">
          <input type="text" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/…/Releases" aria-describedby="add-folder-hint" spellCheck={false} />
          {shell ? (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void shell.pickFolder().then((p) => {
                  if (p) void add(p);
                })
              }
            >
              {t.browse}
            </button>
          ) : null}
          <button type="submit" disabled={!path.trim()}>
            {t.add}
          </button>
        </div>
      </label>
      <small id="add-folder-hint">{t.addFolderHint}</small>
      <FormError message={error} />
    </form>
  );
}

export function FirstRun({ demoAvailable, onChanged }: { demoAvailable: boolean; onChanged: () => void }) {
  const { api } = useConnection();
  const { t } = useI18n();
  return (
    <main className="first-run">
      <div className="welcome">
        <h1>{t.welcomeTitle}</h1>
        <p>{t.welcomeBody}</p>
        <AddFolder onChanged={onChanged} />
        {demoAvailable ? (
          <div className="demo">
            <button type="button" className="secondary" onClick={() => void api.openDemo({}).then(onChanged)}>
              {t.openDemo}
            </button>
            <small>{t.demoHint}</small>
          </div>
        ) : null}
      </div>
    </main>
  );
}

/** The archive's home countries: found from the releases, or set here. */
function HomeCountries({ status, onChanged }: { status: ArchiveStatus; onChanged: () => void }) {
  const { api } = useConnection();
  const { t, countryLabel, countryNames } = useI18n();
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const codes = status.homeCountries.codes;
  const save = (next: string[] | null): void => {
    setError(null);
    void api.setHomeCountries({ codes: next }).then(onChanged, (e: Error) => setError(e.message));
  };
  return (
    <section className="home-countries">
      <h2>{t.homeCountries}</h2>
      <p className="muted">{status.homeCountries.set ? t.homeCountriesSet : t.homeCountriesFound}</p>
      <div className="chips">
        {codes.length === 0 ? <span className="muted">{t.none}</span> : null}
        {codes.map((c) => (
          <button key={c} type="button" className="chip" aria-label={t.removeFilter(countryLabel(c))} onClick={() => save(codes.filter((x) => x !== c))}>
            {countryLabel(c)} <span aria-hidden="true">×</span>
          </button>
        ))}
      </div>
      <div className="row">
        <select aria-label={t.addHomeCountry} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">{t.addHomeCountry}…</option>
          {[...countryNames.values()]
            .filter((c) => !codes.includes(c.code))
            .sort((a, b) => countryLabel(a.code).localeCompare(countryLabel(b.code)))
            .map((c) => (
              <option key={c.code} value={c.code}>
                {countryLabel(c.code)}
              </option>
            ))}
        </select>
        <button type="button" className="secondary" disabled={!adding} onClick={() => (save([...codes, adding]), setAdding(''))}>
          {t.add}
        </button>
        {status.homeCountries.set ? (
          <button type="button" className="ghost" onClick={() => save(null)}>
            {t.findHomeCountries}
          </button>
        ) : null}
      </div>
      <FormError message={error} />
    </section>
  );
}

export function FoldersView({ status, onChanged, onBack }: { status: ArchiveStatus | null; onChanged: () => void; onBack: () => void }) {
  const { api } = useConnection();
  const { t } = useI18n();
  const [failures, setFailures] = useState<FileFailure[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.failures({}).then(setFailures);
  }, [api, status]);
  return (
    <main className="folders-view">
      <button type="button" className="ghost" onClick={onBack}>
        ← {t.backToSearch}
      </button>
      <h1>{t.folders}</h1>
      <p>{t.foldersIntro}</p>
      {status ? <p className="muted">{t.documents(status.documents)}</p> : null}
      <ul className="folder-list">
        {status?.folders.map((f) => (
          <li key={f}>
            <code>{f}</code>
            <button type="button" className="ghost" onClick={() => void api.removeFolder({ path: f }).then(onChanged, (e: Error) => setError(e.message))}>
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
      <AddFolder onChanged={onChanged} />
      <div className="row">
        <button type="button" onClick={() => void api.reindex({}).then(onChanged, (e: Error) => setError(e.message))}>
          {t.reindex}
        </button>
      </div>
      <FormError message={error} />
      {status ? <HomeCountries status={status} onChanged={onChanged} /> : null}
      {status ? <TeamArchive status={status} onChanged={onChanged} /> : null}
      <h2>{t.unreadable}</h2>
      {failures.length === 0 ? (
        <p className="muted">{t.noProblems}</p>
      ) : (
        <table className="failures">
          <tbody>
            {failures.map((f) => (
              <tr key={f.path}>
                <td className="path">{f.path}</td>
                <td>
                  <code>{f.code}</code>
                </td>
                <td>{f.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
