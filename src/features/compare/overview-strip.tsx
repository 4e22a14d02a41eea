import { memo, useEffect, useEffectEvent, useRef } from 'react'
import type { SideModel } from './passages'
import type { SideLayout } from './use-column-layout'

const H = 1000

/** The marks only change with the layout, not with every scroll frame like the window does. */
const StripMarks = memo(function StripMarks({ side, layout }: { side: SideModel; layout: SideLayout }) {
  const height = layout.contentHeight
  const y = (px: number) => (height > 0 ? (px / height) * H : 0)
  return side.passages.map((p) => {
    const r = layout.ranges.get(p.key)
    if (!r) return null
    return (
      <rect
        key={p.key}
        className="cmp-strip-mark"
        data-kind={p.kind}
        x={p.kind === 'only' ? 0 : 1}
        width={p.kind === 'only' ? 10 : 8}
        y={y(r.top)}
        height={Math.max(4, y(r.bottom) - y(r.top))}
        fill={p.kind === 'only' ? `url(#cmp-hatch-${side.side})` : undefined}
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
  layout,
  scrollTop,
  onJump,
}: {
  side: SideModel
  layout: SideLayout | null
  scrollTop: number
  /** Scroll the column so that this content offset (px) is in the middle of the view. */
  onJump: (contentY: number) => void
}) {
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
