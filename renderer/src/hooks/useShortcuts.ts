import { useEffect, type RefObject } from 'react';

export interface Shortcuts {
  /** `/` or Ctrl/Cmd+F. */
  focusSearch?: () => void;
  /** Esc: close what is open, or go back. Returns whether it did something. */
  escape?: () => boolean;
  up?: () => void;
  down?: () => void;
  enter?: () => void;
  /** Single letters (t, r), when the focus is not in a field. */
  letters?: Record<string, () => void>;
}

/**
 * The window's keyboard shortcuts. Arrows and Enter act on the list only when the focus is not in
 * another field (the search box counts as the list's own).
 */
export function useShortcuts(shortcuts: Shortcuts, searchBox: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // A control that used the key (the timeline's F, arrows) has the last word.
      if (e.defaultPrevented) return;
      const target = e.target as HTMLElement;
      const typing = target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
      if ((e.key === '/' && !typing) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f')) {
        e.preventDefault();
        shortcuts.focusSearch?.();
        return;
      }
      if (e.key === 'Escape') {
        if (shortcuts.escape?.()) e.preventDefault();
        else if (typing) {
          // Leaving the search box keeps the query (a search field would clear itself on Esc).
          e.preventDefault();
          target.blur();
        }
        return;
      }
      const letter = !typing && !e.ctrlKey && !e.metaKey && !e.altKey ? shortcuts.letters?.[e.key.toLowerCase()] : undefined;
      if (letter) {
        e.preventDefault();
        letter();
        return;
      }
      if (typing && target !== searchBox.current) return;
      const action = e.key === 'ArrowDown' ? shortcuts.down : e.key === 'ArrowUp' ? shortcuts.up : e.key === 'Enter' ? shortcuts.enter : undefined;
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts, searchBox]);
}
