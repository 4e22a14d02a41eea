import type { HighlightStore } from './highlight-store'
import type { CompareModel } from './passages'
import type { ColumnLayout, Range, ScrollTops, SideLayout } from '../hooks/use-column-layout'

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

const SVG = 'http://www.w3.org/2000/svg'

export type ConnectorPainter = ReturnType<typeof createConnectorPainter>

/**
 * Draws the connectors into the gutter's SVG directly, not through React: they move on every scroll
 * frame and light up on every hover, and the first ones must be in the document in the same task that
 * measures the columns (so the view is ready before its first paint) without re-rendering anything.
 * One path per link in view, kept by link id; lit connectors are moved last, so they are drawn on top.
 */
export function createConnectorPainter(svg: SVGSVGElement, model: CompareModel, highlights: HighlightStore) {
  const paths = new Map<string, SVGPathElement>()

  function applyHighlight(): void {
    const active = highlights.activeLinkIds()
    const selected = highlights.selected()
    const lit: SVGPathElement[] = []
    for (const [id, path] of paths) {
      const isActive = active.has(id)
      path.toggleAttribute('data-active', isActive)
      path.toggleAttribute('data-selected', selected === id)
      if (isActive) lit.push(path)
    }
    for (const path of lit) if (path !== svg.lastChild) svg.appendChild(path)
  }

  const unsubscribe = highlights.subscribe(applyHighlight)

  return {
    draw(layout: ColumnLayout, scroll: ScrollTops): void {
      const shapes = connectorShapes(model, layout, scroll)
      const keep = new Set<string>()
      for (const shape of shapes) {
        keep.add(shape.id)
        let path = paths.get(shape.id)
        if (!path) {
          path = document.createElementNS(SVG, 'path')
          path.setAttribute('class', 'cmp-connector')
          path.setAttribute('data-kind', shape.kind)
          path.setAttribute('data-link-id', shape.id)
          paths.set(shape.id, path)
          svg.appendChild(path)
        }
        if (path.getAttribute('d') !== shape.d) path.setAttribute('d', shape.d)
      }
      for (const [id, path] of paths) {
        if (keep.has(id)) continue
        path.remove()
        paths.delete(id)
      }
      applyHighlight()
    },
    dispose(): void {
      unsubscribe()
      for (const path of paths.values()) path.remove()
      paths.clear()
    },
  }
}
