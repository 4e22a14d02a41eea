import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, useState } from 'react'
import type { StoryRow } from './story-rows'
import { StoryRowView } from './story-row-view'

/** Rough heights until rows are measured: a story header, then cards of about two to four lines. */
const HEADER_ESTIMATE = 110
const CARD_ESTIMATE = 190

function estimateRow(row: StoryRow | undefined): number {
  if (!row) return CARD_ESTIMATE
  return (row.first ? HEADER_ESTIMATE : 0) + row.articles.length * CARD_ESTIMATE
}

/** The list's distance from the top of the document (the window virtualizer's scroll margin). */
function useDocumentTop(element: HTMLElement | null): number {
  const [top, setTop] = useState(0)
  useLayoutEffect(() => {
    if (!element) return
    // Anything above the list (the search form, the status line) may change height; the body's size
    // changes with it, and the observer also fires once right away.
    const observer = new ResizeObserver(() => setTop(element.getBoundingClientRect().top + window.scrollY))
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [element])
  return top
}

/**
 * Only the rows near the viewport are in the document, so 10,000 articles cost what 30 do. Rows are
 * measured after rendering (cards differ in height). Loaded lazily: small libraries never download it.
 */
export function VirtualStoryList({ rows }: { rows: readonly StoryRow[] }) {
  const [list, setList] = useState<HTMLDivElement | null>(null)
  const scrollMargin = useDocumentTop(list)
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (i) => estimateRow(rows[i]),
    getItemKey: (i) => rows[i]?.key ?? i,
    // One row beyond each edge: enough for keyboard focus to move on, without rendering cards nobody sees.
    overscan: 1,
    scrollMargin,
    // Without a window (prerendering) render the first screenful rather than nothing.
    initialRect: { width: 1024, height: 1200 },
  })
  return (
    <div
      ref={setList}
      className="story-list story-list-virtual"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index]
        if (!row) return null
        return (
          <section
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            className={row.first ? 'story' : 'story story-continued'}
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            <StoryRowView row={row} />
          </section>
        )
      })}
    </div>
  )
}
