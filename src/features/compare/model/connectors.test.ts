// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createConnectorPainter } from './connectors'
import { createHighlightStore } from './highlight-store'
import { buildCompareModel } from './passages'
import { bridgeComparison, courier, gazette } from '../test-fixtures'
import type { ColumnLayout, Range, SideLayout } from '../hooks/use-column-layout'

const model = buildCompareModel(gazette, courier, bridgeComparison())

/** Every passage of a side placed one after another, 40 px each, from `start` px. */
function sideLayout(side: 'left' | 'right', start = 0): SideLayout {
  const ranges = new Map<string, Range>()
  model[side].passages.forEach((p, i) =>
    ranges.set(p.key, { top: start + i * 40, bottom: start + i * 40 + 30 }),
  )
  return { ranges, contentHeight: 2000, viewHeight: 600, offset: 0, complete: true }
}

const layout: ColumnLayout = {
  left: sideLayout('left'),
  right: sideLayout('right'),
  gutterWidth: 56,
  gutterHeight: 600,
}

const paths = (svg: SVGSVGElement) => [...svg.querySelectorAll('path')]
const ids = (svg: SVGSVGElement) => paths(svg).map((p) => p.getAttribute('data-link-id'))

function setup() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  document.body.append(svg)
  const store = createHighlightStore(model)
  const painter = createConnectorPainter(svg, model, store)
  return { svg, store, painter }
}

afterEach(() => {
  document.body.replaceChildren()
})

describe('connectors', () => {
  it('draws one band per link in view, named by the link and its kind', () => {
    const { svg, painter } = setup()
    painter.draw(layout, { left: 0, right: 0 })
    expect(ids(svg).sort()).toEqual(model.links.map((l) => l.id).sort())
    for (const path of paths(svg)) {
      const link = model.linkById.get(path.getAttribute('data-link-id')!)!
      expect(path.getAttribute('data-kind')).toBe(link.kind)
      expect(path.getAttribute('d')).toMatch(/^M0 /)
    }
  })

  it('drops the bands of links scrolled out of view on both sides, and brings them back', () => {
    const { svg, painter } = setup()
    painter.draw(layout, { left: 0, right: 0 })
    painter.draw(layout, { left: 1500, right: 1500 })
    expect(paths(svg)).toHaveLength(0)
    painter.draw(layout, { left: 0, right: 0 })
    expect(paths(svg)).toHaveLength(model.links.length)
  })

  it('lights the bands of the passage pointed at, draws them on top, and marks the selected link', () => {
    const { svg, store, painter } = setup()
    painter.draw(layout, { left: 0, right: 0 })
    const passage = model.left.passages.find((p) => p.linkIds.length > 0)!
    store.setFocused({ side: 'left', key: passage.key })
    const lit = paths(svg).filter((p) => p.hasAttribute('data-active'))
    expect(lit.map((p) => p.getAttribute('data-link-id')).sort()).toEqual([...passage.linkIds].sort())
    expect(svg.lastElementChild).toBe(lit[lit.length - 1])
    store.setFocused(null)
    store.setSelected(passage.linkIds[0]!)
    const selected = paths(svg).filter((p) => p.hasAttribute('data-selected'))
    expect(selected.map((p) => p.getAttribute('data-link-id'))).toEqual([passage.linkIds[0]])
  })

  it('draws nothing while the gutter has no size (one column at a time on a narrow screen)', () => {
    const { svg, painter } = setup()
    painter.draw({ ...layout, gutterWidth: 0 }, { left: 0, right: 0 })
    expect(paths(svg)).toHaveLength(0)
  })

  it('removes its bands and stops following the highlights when disposed', () => {
    const { svg, store, painter } = setup()
    painter.draw(layout, { left: 0, right: 0 })
    painter.dispose()
    expect(paths(svg)).toHaveLength(0)
    store.setSelected(model.links[0]!.id)
    expect(paths(svg)).toHaveLength(0)
  })
})
