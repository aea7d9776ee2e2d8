import { useCallback, useEffect, useState } from 'react';
import type { Briefing, BriefingListEntry, SearchRequest } from '../../../archive/api/types.js';
import { useConnection, useI18n } from '../context.js';

const CURRENT = 'liaison-current-briefing';

/**
 * The briefings kept in the archive, and the one releases are added to (the last one opened or
 * made, remembered in this browser): adding to none makes a new one.
 */
export function useBriefings() {
  const { api } = useConnection();
  const { t, lang } = useI18n();
  const [list, setList] = useState<BriefingListEntry[]>([]);
  const [current, setCurrentId] = useState<string | null>(() => localStorage.getItem(CURRENT));
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const l = await api.listBriefings({});
    setList(l);
    if (current && !l.some((b) => b.id === current)) setCurrentId(null);
  }, [api, current]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const setCurrent = useCallback((id: string | null) => {
    setCurrentId(id);
    if (id) localStorage.setItem(CURRENT, id);
    else localStorage.removeItem(CURRENT);
  }, []);

  const create = useCallback(
    async (title: string, query = ''): Promise<Briefing> => {
      const b = await api.saveBriefing({ briefing: { title, query, language: lang } });
      setCurrent(b.id);
      await refresh();
      return b;
    },
    [api, lang, refresh, setCurrent],
  );

  /** Adds releases (by id, or all of a search) to the current briefing, making one if there is none. */
  const add = useCallback(
    async (what: { releaseIds?: string[]; search?: SearchRequest }): Promise<Briefing> => {
      const id = current && list.some((b) => b.id === current) ? current : (await create(t.newBriefingTitle(new Date().toLocaleDateString(lang === 'fr' ? 'fr-CH' : 'en-GB')), what.search?.query ?? '')).id;
      const before = list.find((b) => b.id === id)?.releases ?? 0;
      const b = await api.addToBriefing({ id, ...what });
      setNotice(t.addedToBriefing(b.items.length - before, b.title));
      window.setTimeout(() => setNotice(null), 4000);
      await refresh();
      return b;
    },
    [api, current, list, create, refresh, t, lang],
  );

  return { list, current: list.find((b) => b.id === current) ?? null, setCurrent, create, add, refresh, notice };
}

export type Briefings = ReturnType<typeof useBriefings>;
