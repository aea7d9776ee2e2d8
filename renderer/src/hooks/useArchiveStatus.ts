import { useCallback, useEffect, useState } from 'react';
import type { ArchiveStatus, IndexProgress, IndexSummary } from '../../../archive/api/types.js';
import { useConnection } from '../context.js';

/** The archive's status, the indexing run under way and the last run's summary, kept current by the engine's events. */
export function useArchiveStatus() {
  const { api, subscribe } = useConnection();
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [progress, setProgress] = useState<IndexProgress | null>(null);
  const [lastSummary, setLastSummary] = useState<IndexSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const s = await api.status({});
      setStatus(s);
      if (s.indexing) setProgress(s.indexing);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    return subscribe((event) => {
      if (event.type === 'progress') setProgress(event.progress.phase === 'done' || event.progress.phase === 'cancelled' ? null : event.progress);
      if (event.type === 'indexed') {
        setLastSummary(event.summary);
        setProgress(null);
      }
      if (event.type === 'status') {
        setStatus(event.status);
        if (!event.status.indexing) setProgress(null);
      }
    });
  }, [subscribe, refresh]);

  return { status, progress, lastSummary, dismissSummary: () => setLastSummary(null), refresh, error };
}
