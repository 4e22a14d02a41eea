import { useEffect } from 'react'

/** Keys that move between quotes: j/n forward, k/p back (reading-app and vim habits). */
const NEXT_KEYS = new Set(['j', 'n'])
const PREVIOUS_KEYS = new Set(['k', 'p'])

/** True when a key press belongs to a text field or other control that reads keys itself. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (
    target.closest(
      'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"]',
    )
  )
    return true
  return false
}

type Handlers = { enabled: boolean; onNext: () => void; onPrevious: () => void; onEscape: () => void }

export function useQuoteShortcuts({ enabled, onNext, onPrevious, onEscape }: Handlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      if (event.key === 'Escape') {
        onEscape()
        return
      }
      if (!enabled || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
      if (isTypingTarget(event.target)) return
      if (NEXT_KEYS.has(event.key)) {
        event.preventDefault()
        onNext()
      } else if (PREVIOUS_KEYS.has(event.key)) {
        event.preventDefault()
        onPrevious()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [enabled, onNext, onPrevious, onEscape])
}
