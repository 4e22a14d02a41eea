import { memo, useSyncExternalStore } from 'react'
import type { HighlightStore } from './highlight-store'
import type { CompareModel } from './passages'
import type { ColumnLayout, Range, ScrollTops, SideLayout } from './use-column-layout'

function unionRange(keys: readonly string[], side: SideLayout): Range | null {
  let range: Range | null = null
  for (const key of keys) {
    const r = side.ranges.get(key)
    if (!r) continue
    range = range ? { top: Math.min(range.top, r.top), bottom: Math.max(range.bottom, r.bottom) } : { ...r }
  }
  return range
}

export type ConnectorShape = { id: string; kind: string; d: string }

/**
 * A band per link between the columns' inner edges, from the left passage's lines to the right
 * passage's, in gutter coordinates. Only links with at least one end in view are drawn; the rest would
 * be clipped anyway.
 */
export function connectorShapes(
  model: CompareModel,
  layout: ColumnLayout,
  scroll: ScrollTops,
): ConnectorShape[] {
  const w = layout.gutterWidth
  const h = layout.gutterHeight
  if (w <= 0 || h <= 0) return []
  const mid = w / 2
  const shapes: ConnectorShape[] = []
  for (const link of model.links) {
    const keys = model.passagesOfLink.get(link.id)
    if (!keys) continue
    const l = unionRange(keys.left, layout.left)
    const r = unionRange(keys.right, layout.right)
    if (!l || !r) continue
    const lt = l.top - scroll.left + layout.left.offset
    const lb = l.bottom - scroll.left + layout.left.offset
    const rt = r.top - scroll.right + layout.right.offset
    const rb = r.bottom - scroll.right + layout.right.offset
    const leftInView = lb > 0 && lt < h
    const rightInView = rb > 0 && rt < h
    if (!leftInView && !rightInView) continue
    const f = (n: number) => n.toFixed(1)
    shapes.push({
      id: link.id,
      kind: link.kind,
      d:
        `M0 ${f(lt)}C${f(mid)} ${f(lt)} ${f(mid)} ${f(rt)} ${f(w)} ${f(rt)}` +
        `L${f(w)} ${f(rb)}C${f(mid)} ${f(rb)} ${f(mid)} ${f(lb)} 0 ${f(lb)}Z`,
    })
  }
  return shapes
}

/**
 * The connectors: one SVG for all links. Highlighting reads the store, so hovering re-renders this
 * small list of paths, not the articles.
 */
export const Connectors = memo(function Connectors({
  shapes,
  store,
}: {
  shapes: readonly ConnectorShape[]
  store: HighlightStore
}) {
  const active = useSyncExternalStore(store.subscribe, store.activeLinkIds, store.activeLinkIds)
  const selected = useSyncExternalStore(store.subscribe, store.selected, store.selected)
  // Lit connectors last, so they are drawn on top of the others.
  const ordered = [...shapes].sort((a, b) => Number(active.has(a.id)) - Number(active.has(b.id)))
  return (
    <>
      {ordered.map((s) => (
        <path
          key={s.id}
          d={s.d}
          className="cmp-connector"
          data-kind={s.kind}
          data-link-id={s.id}
          data-active={active.has(s.id) ? '' : undefined}
          data-selected={selected === s.id ? '' : undefined}
        />
      ))}
    </>
  )
})
