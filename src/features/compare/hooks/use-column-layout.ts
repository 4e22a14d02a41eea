import { useLayoutEffect, useSyncExternalStore, type RefObject } from 'react'
import type { CompareFilter } from '../../../lib/paths'
import { blockDomId } from '../components/article-column'
import type { BlockBudget } from '../model/block-budget'
import { passageDomId } from '../components/passage-view'
import { blockLength, type CompareModel, type Side, type SideModel } from '../model/passages'
import { blockShown, passageShown } from '../model/selection'

export type Range = { top: number; bottom: number }

/** Where each marked passage of one column sits, in px from the top of the column's scrolled content. */
export type SideLayout = {
  ranges: ReadonlyMap<string, Range>
  contentHeight: number
  viewHeight: number
  /** Top of the column's scroll box relative to the top of the connector gutter. */
  offset: number
  /** Every block is rendered (positions of passages out of view are still proportional estimates). */
  complete: boolean
}

export type ColumnLayout = { left: SideLayout; right: SideLayout; gutterWidth: number; gutterHeight: number }
export type ScrollTops = Record<Side, number>

/**
 * The columns' measured layout and scroll positions, outside React state: they change on every scroll
 * frame and after every batch of paragraphs, and only the connectors and the overview strips draw
 * from them, so only those subscribe — the articles and the toolbar never re-render for a scroll.
 * See docs/decisions/0011-layout-store.md.
 */
export type LayoutStore = ReturnType<typeof createLayoutStore>

export function createLayoutStore() {
  let layout: ColumnLayout | null = null
  let scroll: ScrollTops = { left: 0, right: 0 }
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((l) => l())
  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    layout: (): ColumnLayout | null => layout,
    scroll: (): ScrollTops => scroll,
    /** A measurement and the scroll positions read with it: one notification for both. */
    setLayout(next: ColumnLayout, left: number, right: number) {
      // Resize callbacks often report what is already drawn; keep the old object so nothing re-renders.
      const layoutChanged = !layout || !sameLayout(layout, next)
      const scrollChanged = scroll.left !== left || scroll.right !== right
      if (layoutChanged) layout = next
      if (scrollChanged) scroll = { left, right }
      if (layoutChanged || scrollChanged) notify()
    },
    setScroll(left: number, right: number) {
      if (scroll.left === left && scroll.right === right) return
      scroll = { left, right }
      notify()
    },
  }
}

const noLayout = () => null
const noScrollTops: ScrollTops = { left: 0, right: 0 }
const noScroll = () => noScrollTops

/**
 * The measured layout (null until the columns are first measured, and on the server), for what may
 * follow a moment behind — the overview strips; the connectors are drawn from the store directly (see
 * connectors.ts). Like any external store it is subscribed in a passive effect, after the commit: the
 * first measurement, made during the commit, reaches the strips in a later task instead of lengthening
 * the one that draws the connectors.
 */
export function useLayout(store: LayoutStore): ColumnLayout | null {
  return useSyncExternalStore(store.subscribe, store.layout, noLayout)
}

export function useScroll(store: LayoutStore): ScrollTops {
  return useSyncExternalStore(store.subscribe, store.scroll, noScroll)
}

/**
 * Measures one column. The browser lays out only the paragraphs in view (content-visibility: auto), and
 * on a fresh page the paragraphs far below are not even rendered yet; measuring all of them line by line
 * would force that work for hundreds of paragraphs. So only paragraphs in view are measured line by
 * line; a passage in a paragraph out of view is placed in proportion inside that paragraph's box, and a
 * paragraph not yet rendered is given the height its text would take at the column's measured
 * pixels per character. That is exact enough for the overview strip and off-screen connector ends, and
 * is measured for real once scrolling brings the paragraph into view.
 */
function measureSide(
  scroller: HTMLElement,
  gutterTop: number,
  side: SideModel,
  filter: CompareFilter,
): SideLayout {
  const box = scroller.getBoundingClientRect()
  const originTop = box.top - scroller.scrollTop
  // Reads only, in passes (every paragraph box, then the lines of those in view), so the browser lays
  // out once instead of once per passage.
  const blocks = side.blocks.map((block) => {
    const el = document.getElementById(blockDomId(side.side, block.id))
    return { block, el, rect: el?.getBoundingClientRect() ?? null, length: blockLength(block) }
  })
  let renderedPx = 0
  let renderedChars = 0
  for (const { rect, length } of blocks) {
    if (rect && rect.height > 0) {
      renderedPx += rect.height
      renderedChars += length
    }
  }
  const pxPerChar = renderedChars > 0 ? renderedPx / renderedChars : 0.4
  const ranges = new Map<string, Range>()
  let cursor = 0
  let complete = true
  for (const { block, el, rect, length } of blocks) {
    let top: number
    let height: number
    if (el && rect) {
      if (rect.height === 0) continue // hidden by the filter or in the other pane
      top = rect.top - originTop
      height = rect.height
    } else {
      complete = false
      if (!blockShown(block, filter)) continue
      top = cursor
      height = length * pxPerChar
    }
    cursor = top + height
    const inView = el !== null && rect !== null && rect.bottom >= box.top && rect.top <= box.bottom
    for (const piece of block.pieces) {
      if (piece.type !== 'passage' || piece.passage.kind === 'plain') continue
      const p = piece.passage
      const passageEl = el ? document.getElementById(passageDomId(side.side, p.key)) : null
      if (inView) {
        // Inline passages wrap over lines: the first line's top to the last line's bottom. A paragraph
        // the browser has not laid out yet (content-visibility) has no lines: estimated below.
        const rects = passageEl?.getClientRects()
        const first = rects?.[0]
        const last = rects?.[rects.length - 1]
        if (first && last) {
          ranges.set(p.key, { top: first.top - originTop, bottom: last.bottom - originTop })
          continue
        }
      }
      const shown = passageShown(p.kind, filter) || passageEl?.dataset.selected !== undefined
      if (!shown || length === 0) continue
      ranges.set(p.key, { top: top + (p.start / length) * height, bottom: top + (p.end / length) * height })
    }
  }
  return {
    ranges,
    contentHeight: Math.max(scroller.scrollHeight, cursor),
    viewHeight: scroller.clientHeight,
    offset: box.top - gutterTop,
    complete,
  }
}

function sameSide(a: SideLayout, b: SideLayout): boolean {
  if (a.complete !== b.complete) return false
  if (a.contentHeight !== b.contentHeight || a.viewHeight !== b.viewHeight || a.offset !== b.offset)
    return false
  if (a.ranges.size !== b.ranges.size) return false
  for (const [key, r] of a.ranges) {
    const o = b.ranges.get(key)
    if (!o || o.top !== r.top || o.bottom !== r.bottom) return false
  }
  return true
}

function sameLayout(a: ColumnLayout, b: ColumnLayout): boolean {
  return (
    a.gutterWidth === b.gutterWidth &&
    a.gutterHeight === b.gutterHeight &&
    sameSide(a.left, b.left) &&
    sameSide(a.right, b.right)
  )
}

/**
 * Measures both columns after layout (before paint, so connectors never lag a frame) and again whenever
 * their size changes (filters, fonts, window), and tracks their scroll positions, writing both to
 * `store`. Measuring reads every passage's rectangles in one pass, after React has written the DOM, so
 * it forces a single layout. While the budget is still adding paragraphs batch by batch, the articles
 * grow after every batch; the estimates for the paragraphs not yet there are good enough until the last
 * batch is in, so the columns are measured again once then rather than after every batch.
 */
export function useColumnLayout(
  left: RefObject<HTMLElement | null>,
  right: RefObject<HTMLElement | null>,
  gutter: RefObject<HTMLElement | SVGSVGElement | null>,
  model: Pick<CompareModel, Side>,
  filter: CompareFilter,
  store: LayoutStore,
  budget: Pick<BlockBudget, 'subscribe' | 'complete'>,
): void {
  useLayoutEffect(() => {
    const l = left.current
    const r = right.current
    const g = gutter.current
    if (!l || !r) return
    const updateScroll = () => store.setScroll(l.scrollTop, r.scrollTop)
    // Everything is read before the store is told: its listeners draw into the document, and a read
    // after that would make the browser lay the page out a second time.
    const measure = () => {
      const gBox = g?.getBoundingClientRect()
      const gutterTop = gBox?.top ?? l.getBoundingClientRect().top
      const layout = {
        left: measureSide(l, gutterTop, model.left, filter),
        right: measureSide(r, gutterTop, model.right, filter),
        gutterWidth: gBox?.width ?? 0,
        gutterHeight: gBox?.height ?? 0,
      }
      store.setLayout(layout, l.scrollTop, r.scrollTop)
    }
    measure()
    let frame = 0
    const schedule = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        measure()
      })
    }
    let scrollFrame = 0
    let settle: ReturnType<typeof setTimeout> | undefined
    const onScroll = () => {
      // Connectors follow every frame; paragraphs that came near are measured once scrolling pauses.
      clearTimeout(settle)
      settle = setTimeout(schedule, 120)
      if (scrollFrame) return
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0
        updateScroll()
      })
    }
    const articles = [l.firstElementChild, r.firstElementChild]
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver((entries) => {
            const onlyArticlesGrew = entries.every((e) => articles.includes(e.target))
            if (!onlyArticlesGrew || budget.complete()) schedule()
          })
        : null
    for (const el of [l, r, ...articles]) if (el) observer?.observe(el)
    let wasComplete = budget.complete()
    const unsubscribe = budget.subscribe(() => {
      if (!wasComplete && budget.complete()) schedule()
      wasComplete = budget.complete()
    })
    l.addEventListener('scroll', onScroll, { passive: true })
    r.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      observer?.disconnect()
      unsubscribe()
      cancelAnimationFrame(frame)
      cancelAnimationFrame(scrollFrame)
      clearTimeout(settle)
      l.removeEventListener('scroll', onScroll)
      r.removeEventListener('scroll', onScroll)
    }
  }, [left, right, gutter, model, filter, store, budget])
}
