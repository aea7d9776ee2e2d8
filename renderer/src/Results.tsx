import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { SearchHit } from '../../archive/api/types.js';
import { Highlighted } from './Highlighted.js';
import { useI18n } from './context.js';
import { formatDate } from './i18n.js';

/** The hit list, virtualised: only the rows on screen are in the page, so 20,000 hits scroll smoothly. */
export function Results({ hits, total, selected, openId, onSelect, onOpen, onNearEnd, onAdd }: { hits: SearchHit[]; total: number; selected: number; openId: string | null; onSelect: (i: number) => void; onOpen: (id: string) => void; onNearEnd: () => void; onAdd?: (id: string) => void }) {
  const { t, lang, countryLabel } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: hits.length, getScrollElement: () => scroller.current, estimateSize: () => 128, overscan: 6, getItemKey: (i) => hits[i]?.id ?? i });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1);
  useEffect(() => {
    if (last && last.index >= hits.length - 10 && hits.length < total) onNearEnd();
  }, [last, hits.length, total, onNearEnd]);
  // Follow the keyboard selection only when it moves (not when more hits arrive while scrolling).
  const lastSelected = useRef(selected);
  useEffect(() => {
    if (selected === lastSelected.current) return;
    lastSelected.current = selected;
    if (selected >= 0 && selected < hits.length) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, hits.length, virtualizer]);

  return (
    <div className="results" ref={scroller} role="listbox" aria-label={t.results(total)} aria-activedescendant={hits[selected] ? `hit-${hits[selected]!.id}` : undefined} tabIndex={-1}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const hit = hits[item.index]!;
          return (
            <article
              key={hit.id}
              id={`hit-${hit.id}`}
              role="option"
              aria-selected={item.index === selected}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={`hit${item.index === selected ? ' selected' : ''}${hit.id === openId ? ' open' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              onClick={() => {
                onSelect(item.index);
                onOpen(hit.id);
              }}
            >
              <h3>
                <a
                  href={`?doc=${hit.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                  }}
                  tabIndex={-1}
                >
                  {hit.title || '—'}
                </a>
              </h3>
              <div className="hit-meta">
                <span>{hit.published ? formatDate(hit.published, lang) : t.noDate}</span>
                <span className="lang-tag">{hit.language.toUpperCase()}</span>
                {hit.translations.map((x) => (
                  <span key={x.id} className="lang-tag pair" title={x.title}>
                    + {x.language.toUpperCase()}
                  </span>
                ))}
                {onAdd ? (
                  <button
                    type="button"
                    className="ghost add-hit"
                    aria-label={t.addTo(hit.title)}
                    title={t.addToNew}
                    onClick={(e) => {
                      e.stopPropagation();
                      onAdd(hit.id);
                    }}
                  >
                    + {t.addOne}
                  </button>
                ) : null}
                <span className="hit-countries">
                  {hit.aboutCountries.slice(0, 4).map((c) => (
                    <span key={c} className="country about" title={t.aboutCountry}>
                      {countryLabel(c)}
                    </span>
                  ))}
                  {hit.countries.filter((c) => !hit.aboutCountries.includes(c)).slice(0, 3).map((c) => (
                    <span key={c} className="country">
                      {countryLabel(c)}
                    </span>
                  ))}
                </span>
              </div>
              <p className="snippet">
                <Highlighted text={hit.snippet.text} ranges={hit.snippet.highlights} />
              </p>
            </article>
          );
        })}
      </div>
    </div>
  );
}
