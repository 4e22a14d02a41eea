import { useLayoutEffect, useState, type RefObject } from 'react'
import type { Side } from './passages'

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

function measureSide(scroller: HTMLElement, gutterTop: number): SideLayout {
  const box = scroller.getBoundingClientRect()
  const originTop = box.top - scroller.scrollTop
  const ranges = new Map<string, Range>()
  for (const el of scroller.querySelectorAll<HTMLElement>('.cmp-passage[data-key]')) {
    // Inline passages wrap over lines: the first line's top to the last line's bottom.
    const rects = el.getClientRects()
    const first = rects[0]
    const last = rects[rects.length - 1]
    if (!first || !last) continue // hidden by the filter or in the other pane
    ranges.set(el.dataset.key ?? '', { top: first.top - originTop, bottom: last.bottom - originTop })
  }
  return {
    ranges,
    contentHeight: scroller.scrollHeight,
    viewHeight: scroller.clientHeight,
    offset: box.top - gutterTop,
  }
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
  version: unknown,
): { layout: ColumnLayout | null; scroll: ScrollTops } {
  const [layout, setLayout] = useState<ColumnLayout | null>(null)
  const [scroll, setScroll] = useState<ScrollTops>({ left: 0, right: 0 })

  useLayoutEffect(() => {
    const l = left.current
    const r = right.current
    const g = gutter.current
    if (!l || !r) return
    const measure = () => {
      const gBox = g?.getBoundingClientRect()
      const gutterTop = gBox?.top ?? l.getBoundingClientRect().top
      setLayout({
        left: measureSide(l, gutterTop),
        right: measureSide(r, gutterTop),
        gutterWidth: gBox?.width ?? 0,
        gutterHeight: gBox?.height ?? 0,
      })
      setScroll({ left: l.scrollTop, right: r.scrollTop })
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
    const onScroll = () => {
      if (scrollFrame) return
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0
        setScroll({ left: l.scrollTop, right: r.scrollTop })
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
      l.removeEventListener('scroll', onScroll)
      r.removeEventListener('scroll', onScroll)
    }
  }, [left, right, gutter, version])

  return { layout, scroll }
}
