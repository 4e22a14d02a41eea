import { memo, useEffect, useEffectEvent, useRef } from 'react'
import type { SideModel } from '../model/passages'
import { useLayout, useScroll, type LayoutStore, type SideLayout } from '../hooks/use-column-layout'

const H = 1000

const MARK_KINDS = ['only', 'same-fact', 'paraphrase', 'same-quote'] as const

/**
 * The marks, one path per kind (a rectangle per passage inside it): a few elements to update when the
 * layout changes instead of one per passage. They only change with the layout, not with every scroll
 * frame like the window does.
 */
const StripMarks = memo(function StripMarks({ side, layout }: { side: SideModel; layout: SideLayout }) {
  const height = layout.contentHeight
  const y = (px: number) => (height > 0 ? (px / height) * H : 0)
  const paths = new Map<string, string[]>()
  for (const p of side.passages) {
    const r = layout.ranges.get(p.key)
    if (!r) continue
    const top = y(r.top)
    const h = Math.max(4, y(r.bottom) - top)
    const rect =
      p.kind === 'only'
        ? `M0 ${top.toFixed(1)}h10v${h.toFixed(1)}h-10z`
        : `M1 ${top.toFixed(1)}h8v${h.toFixed(1)}h-8z`
    const list = paths.get(p.kind)
    if (list) list.push(rect)
    else paths.set(p.kind, [rect])
  }
  return MARK_KINDS.map((kind) => {
    const d = paths.get(kind)
    if (!d) return null
    return (
      <path
        key={kind}
        className="cmp-strip-mark"
        data-kind={kind}
        d={d.join('')}
        fill={kind === 'only' ? `url(#cmp-hatch-${side.side})` : undefined}
      />
    )
  })
})

/**
 * A thin map of one article beside its column: where the linked and the unique passages lie, and which
 * part is in view. Clicking jumps there. It is a pointer shortcut only (hidden from assistive
 * technology): keyboard users move with "Next link" / "Next difference" and the filters.
 */
export const OverviewStrip = memo(function OverviewStrip({
  side,
  layoutStore,
  onJump,
}: {
  side: SideModel
  layoutStore: LayoutStore
  /** Scroll the column so that this content offset (px) is in the middle of the view. */
  onJump: (contentY: number) => void
}) {
  const layout = useLayout(layoutStore)?.[side.side] ?? null
  const scrollTop = useScroll(layoutStore)[side.side]
  const ref = useRef<HTMLDivElement>(null)
  const height = layout?.contentHeight ?? 0
  const onClick = useEffectEvent((event: MouseEvent) => {
    const box = ref.current?.getBoundingClientRect()
    if (!box || box.height <= 0 || height <= 0) return
    onJump(((event.clientY - box.top) / box.height) * height)
  })

  // A native listener: the strip is deliberately not an interactive element in the accessibility tree.
  useEffect(() => {
    const el = ref.current
    el?.addEventListener('click', onClick)
    return () => el?.removeEventListener('click', onClick)
  }, [])

  const y = (px: number) => (height > 0 ? (px / height) * H : 0)
  return (
    <div ref={ref} className="cmp-strip" aria-hidden="true" data-side={side.side}>
      <svg viewBox={`0 0 10 ${H}`} preserveAspectRatio="none" focusable="false">
        <defs>
          <pattern id={`cmp-hatch-${side.side}`} width="4" height="4" patternUnits="userSpaceOnUse">
            <path d="M0 4 4 0" className="cmp-strip-hatch" />
          </pattern>
        </defs>
        {layout ? <StripMarks side={side} layout={layout} /> : null}
        {layout && height > layout.viewHeight ? (
          <rect
            className="cmp-strip-window"
            x="0.5"
            width="9"
            y={y(scrollTop)}
            height={y(layout.viewHeight)}
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
      </svg>
    </div>
  )
})
