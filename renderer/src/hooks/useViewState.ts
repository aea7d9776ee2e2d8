import { useCallback, useEffect, useState } from 'react';
import { readState, writeState, type ViewState } from '../url-state.js';

/**
 * The view lives in the URL: every change is a history entry (or replaces the current one while
 * typing), and Back and Forward restore it.
 */
export function useViewState(): { state: ViewState; navigate: (patch: Partial<ViewState>, replace?: boolean) => void; restored: number } {
  const [state, setState] = useState<ViewState>(() => readState(window.location.search));
  /** Counts Back/Forward moves, for what must follow them (the text in the search box). */
  const [restored, setRestored] = useState(0);
  const navigate = useCallback((patch: Partial<ViewState>, replace = false) => {
    setState((prev) => {
      const next = { ...prev, ...patch };
      const url = `${window.location.pathname}${writeState(next)}`;
      if (replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      return next;
    });
  }, []);
  useEffect(() => {
    const onPop = (): void => {
      setState(readState(window.location.search));
      setRestored((n) => n + 1);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return { state, navigate, restored };
}
