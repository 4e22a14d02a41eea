import { useSyncExternalStore } from 'react'

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

/**
 * The live region. Render it once, high in the tree and always, so it exists before the first message
 * (screen readers ignore live regions that appear together with their content).
 */
export function Toaster() {
  const toast = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {/* A new key per message makes a repeated "Link copied" a new node, so it is announced again. */}
      {toast ? (
        <p key={toast.id} className="toast">
          {toast.message}
        </p>
      ) : null}
    </div>
  )
}
