import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'

/**
 * One short confirmation at a time ("Link copied"), shown at the bottom of the screen and announced
 * politely by screen readers. A module-level store keeps the API a plain function (`showToast`) that
 * any component can call without a provider.
 */
type Toast = { id: number; message: string }

const VISIBLE_MS = 4000
let current: Toast | null = null
let nextId = 1
let timer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<() => void>()

function emit(): void {
  listeners.forEach((l) => l())
}

export function showToast(message: string): void {
  current = { id: nextId++, message }
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => {
    current = null
    emit()
  }, VISIBLE_MS)
  emit()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const getSnapshot = () => current
const getServerSnapshot = () => null

const CONTROLS =
  'a[href], button, input, select, textarea, summary, [role="button"], [role="link"], [role="tab"], [tabindex]:not([tabindex="-1"])'
/** Room kept between the toast and the screen's edge or a control below it, in px. */
const MARGIN = 12

/**
 * How far above the bottom of the screen the toast must sit so that it covers no control: it starts at
 * the bottom and moves up above each control found under it (a bar stuck to the bottom, the buttons
 * that were just used). The region lets the pointer through, so what is under it is what the browser
 * finds there. Gives up (and keeps the last place) after a few steps.
 */
export function clearOfControls(toast: HTMLElement): number | null {
  let bottom = MARGIN
  // A document that cannot say what is where (one without layout) keeps the stylesheet's place.
  if (typeof document.elementsFromPoint !== 'function') return null
  for (let step = 0; step < 8; step++) {
    toast.style.bottom = `${bottom}px`
    const box = toast.getBoundingClientRect()
    let highest = Infinity
    for (const fx of [0.02, 0.25, 0.5, 0.75, 0.98]) {
      for (const fy of [0.05, 0.5, 0.95]) {
        const x = box.left + box.width * fx
        const y = box.top + box.height * fy
        for (const el of document.elementsFromPoint(x, y)) {
          if (toast.contains(el)) continue
          const control = el.closest(CONTROLS)
          if (control) highest = Math.min(highest, control.getBoundingClientRect().top)
        }
      }
    }
    if (highest === Infinity) return bottom
    const next = window.innerHeight - highest + MARGIN
    if (next <= bottom || next + box.height > window.innerHeight) return bottom
    bottom = next
  }
  return bottom
}

/**
 * The live region. Render it once, high in the tree and always, so it exists before the first message
 * (screen readers ignore live regions that appear together with their content).
 */
export function Toaster() {
  const toast = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)
  const region = useRef<HTMLDivElement>(null)
  const [bottom, setBottom] = useState<number | null>(null)
  // Placed before it is painted, so it never shows over a control first.
  useLayoutEffect(() => {
    if (!toast || !region.current) return
    setBottom(clearOfControls(region.current))
  }, [toast])
  return (
    <div
      ref={region}
      className="toast-region"
      role="status"
      aria-live="polite"
      style={bottom === null ? undefined : { bottom }}
    >
      {/* A new key per message makes a repeated "Link copied" a new node, so it is announced again. */}
      {toast ? (
        <p key={toast.id} className="toast">
          {toast.message}
        </p>
      ) : null}
    </div>
  )
}
