import type { IndexProgress, IndexSummary } from '../../archive/api/types.js';
import { useConnection, useI18n } from './context.js';

export function IndexingBar({ progress, summary, documents, onShowProblems, onDismiss }: { progress: IndexProgress | null; summary: IndexSummary | null; documents: number; onShowProblems: () => void; onDismiss: () => void }) {
  const { api } = useConnection();
  const { t } = useI18n();
  if (progress) {
    const pct = progress.filesTotal ? Math.round((progress.filesDone / progress.filesTotal) * 100) : 0;
    const label = progress.phase === 'scanning' ? t.scanning : progress.phase === 'saving' || progress.phase === 'indexing' ? t.saving : t.filesDone(progress.filesDone, progress.filesTotal);
    return (
      <div className="banner indexing" role="status" aria-live="polite">
        <strong>{t.indexing}</strong>
        <div className="progress" role="progressbar" aria-label={t.indexing} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div style={{ width: `${progress.phase === 'reading' ? pct : progress.phase === 'scanning' ? 2 : 100}%` }} />
        </div>
        <span className="progress-label">{label}</span>
        {progress.phase === 'reading' && progress.filesPerSecond ? <span>{t.perSecond(progress.filesPerSecond)}</span> : null}
        {progress.phase === 'reading' && progress.etaSeconds !== null ? <span>{t.eta(progress.etaSeconds)}</span> : null}
        {progress.errors ? <span className="warn-text">{t.errorsSoFar(progress.errors)}</span> : null}
        {progress.currentFile ? (
          <span className="current-file" title={progress.currentFile}>
            {progress.currentFile.split(/[\\/]/).pop()}
          </span>
        ) : null}
        <button type="button" className="ghost" onClick={() => void api.cancelIndexing({})}>
          {t.cancel}
        </button>
      </div>
    );
  }
  if (summary) {
    return (
      <div className="banner done" role="status">
        <span>{t.indexedSummary(documents, summary.failed.length)}</span>
        {summary.failed.length ? (
          <button type="button" className="link" onClick={onShowProblems}>
            {t.showProblems}
          </button>
        ) : null}
        <button type="button" className="ghost close" aria-label={t.close} onClick={onDismiss}>
          ×
        </button>
      </div>
    );
  }
  return null;
}
