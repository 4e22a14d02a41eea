import { describe, expect, it, vi } from 'vitest'
import { createHighlightStore, FLAG_ACTIVE, FLAG_SELECTED, FLAG_SOURCE } from './highlight-store'
import { buildCompareModel } from './passages'
import { bridgeComparison, courier, gazette } from '../test-fixtures'

const model = buildCompareModel(gazette, courier, bridgeComparison())
const quoteLeft = model.left.passages.find((p) => p.linkIds.includes('l2'))!
const quoteRight = model.right.passages.find((p) => p.linkIds.includes('l2'))!
const voteLeft = model.left.passages.find((p) => p.linkIds.includes('l1'))!

describe('highlighting', () => {
  it('lights the counterpart of the passage under the pointer, and marks the pointed one as the source', () => {
    const store = createHighlightStore(model)
    store.setFocused({ side: 'left', key: quoteLeft.key })
    expect(store.flagsOf(quoteLeft)).toBe(FLAG_ACTIVE | FLAG_SOURCE)
    expect(store.flagsOf(quoteRight)).toBe(FLAG_ACTIVE)
    expect(store.flagsOf(voteLeft)).toBe(0)
  })

  it('shows the selected pair when nothing is pointed at, and starts from the link in the address', () => {
    const store = createHighlightStore(model, 'l1')
    expect(store.flagsOf(voteLeft)).toBe(FLAG_ACTIVE | FLAG_SELECTED)
    store.setFocused({ side: 'right', key: quoteRight.key })
    // Pointing elsewhere lights that pair; the selected pair keeps its selected mark.
    expect(store.flagsOf(voteLeft)).toBe(FLAG_SELECTED)
    expect(store.flagsOf(quoteLeft)).toBe(FLAG_ACTIVE)
  })

  it('names exactly the passages whose marks may change, so only they are touched', () => {
    const store = createHighlightStore(model)
    const before = store.snapshot()
    store.setFocused({ side: 'left', key: quoteLeft.key })
    const touched = store.touchedPassages(before, store.snapshot())
    expect(new Set(touched)).toEqual(new Set([quoteLeft, quoteRight]))
  })

  it('tells subscribers only when something changed', () => {
    const store = createHighlightStore(model)
    const listener = vi.fn()
    store.subscribe(listener)
    store.setFocused({ side: 'left', key: quoteLeft.key })
    store.setFocused({ side: 'left', key: quoteLeft.key })
    store.setSelected(null)
    expect(listener).toHaveBeenCalledTimes(1)
  })
})
