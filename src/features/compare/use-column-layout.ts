import { useLayoutEffect, useState, type RefObject } from 'react'
import type { CompareFilter } from '../../lib/paths'
import type { PassageKind, Side } from './passages'
import { passageShown } from './selection'

export type Range = { top: number; bottom: number }

/** Where each marked passage of one column sits, in px from the top of the column's scrolled content. */
export type SideLayout = {
  ranges: ReadonlyMap<string, Range>
  contentHeight: number
  viewHeight: number
  /** Top of the column's scroll box relative to the top of the connector gutter. */
  offset: number
}

export type ColumnLayout = { left: SideLayout; right: SideLayout; gutterWidth: number; gutterHeight: number }
export type ScrollTops = Record<Side, number>

type Fractions = ReadonlyMap<string, readonly [number, number]>

/**
 * Measures one column. Paragraphs far from view are not laid out by the browser (content-visibility:
 * auto), and measuring their sentences would force that layout for hundreds of paragraphs; so only
 * paragraphs within a screen of the view are measured line by line, and passages elsewhere are placed
 * in proportion inside their paragraph's box — exact enough for the overview strip and off-screen
 * connector ends, and measured for real once they come near.
 */
function measureSide(
  scroller: HTMLElement,
  gutterTop: number,
  fractions: Fractions,
  filter: CompareFilter,
): SideLayout {
  const box = scroller.getBoundingClientRect()
  const originTop = box.top - scroller.scrollTop
  const nearTop = box.top - box.height
  const nearBottom = box.bottom + box.height
  const ranges = new Map<string, Range>()
  // Reads only, in two passes (all paragraph boxes, then the lines of the near ones), so the browser
  // lays out once instead of once per passage.
  const blocks = [...scroller.querySelectorAll<HTMLElement>('.cmp-block')].map((el) => ({
    el,
    rect: el.getBoundingClientRect(),
  }))
  for (const { el: block, rect: b } of blocks) {
    if (b.height === 0) continue // hidden by the filter or in the other pane
    const near = b.bottom >= nearTop && b.top <= nearBottom
    for (const el of block.querySelectorAll<HTMLElement>('.cmp-passage[data-key]')) {
      const key = el.dataset.key ?? ''
      if (near) {
        // Inline passages wrap over lines: the first line's top to the last line's bottom.
        const rects = el.getClientRects()
        const first = rects[0]
        const last = rects[rects.length - 1]
        if (first && last) ranges.set(key, { top: first.top - originTop, bottom: last.bottom - originTop })
        continue
      }
      const frac = fractions.get(key)
      const kind = el.dataset.kind as PassageKind | undefined
      const shown = kind !== undefined && (passageShown(kind, filter) || el.dataset.selected !== undefined)
      if (!frac || !shown) continue
      ranges.set(key, {
        top: b.top - originTop + frac[0] * b.height,
        bottom: b.top - originTop + frac[1] * b.height,
      })
    }
  }
  return {
    ranges,
    contentHeight: scroller.scrollHeight,
    viewHeight: scroller.clientHeight,
    offset: box.top - gutterTop,
  }
}

function sameSide(a: SideLayout, b: SideLayout): boolean {
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
 * their size changes (filters, fonts, window), and tracks their scroll positions. Measuring reads every
 * passage's rectangles in one pass, after React has written the DOM, so it forces a single layout.
 */
export function useColumnLayout(
  left: RefObject<HTMLElement | null>,
  right: RefObject<HTMLElement | null>,
  gutter: RefObject<HTMLElement | SVGSVGElement | null>,
  fractions: Record<Side, Fractions>,
  filter: CompareFilter,
): { layout: ColumnLayout | null; scroll: ScrollTops } {
  const [layout, setLayout] = useState<ColumnLayout | null>(null)
  const [scroll, setScroll] = useState<ScrollTops>({ left: 0, right: 0 })

  useLayoutEffect(() => {
    const l = left.current
    const r = right.current
    const g = gutter.current
    if (!l || !r) return
    const updateScroll = () =>
      setScroll((prev) =>
        prev.left === l.scrollTop && prev.right === r.scrollTop
          ? prev
          : { left: l.scrollTop, right: r.scrollTop },
      )
    const measure = () => {
      const gBox = g?.getBoundingClientRect()
      const gutterTop = gBox?.top ?? l.getBoundingClientRect().top
      const next: ColumnLayout = {
        left: measureSide(l, gutterTop, fractions.left, filter),
        right: measureSide(r, gutterTop, fractions.right, filter),
        gutterWidth: gBox?.width ?? 0,
        gutterHeight: gBox?.height ?? 0,
      }
      // Resize callbacks often report what is already drawn; keep the old object so nothing re-renders.
      setLayout((prev) => (prev && sameLayout(prev, next) ? prev : next))
      updateScroll()
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
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null
    for (const el of [l, r, l.firstElementChild, r.firstElementChild]) if (el) observer?.observe(el)
    l.addEventListener('scroll', onScroll, { passive: true })
    r.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      observer?.disconnect()
      cancelAnimationFrame(frame)
      cancelAnimationFrame(scrollFrame)
      clearTimeout(settle)
      l.removeEventListener('scroll', onScroll)
      r.removeEventListener('scroll', onScroll)
    }
  }, [left, right, gutter, fractions, filter])

  return { layout, scroll }
}
