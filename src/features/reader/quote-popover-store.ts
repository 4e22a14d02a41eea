/**
 * Which quote's details are showing, and how: `peek` (pointer hover or keyboard focus: who said it) or
 * `open` (clicked or tapped: who said it plus actions). One store per reader; each quote label subscribes
 * to its own slice, so hovering one quote re-renders one label, not the article.
 */
export type PopoverMode = 'peek' | 'open'
export type PopoverState = { quoteId: string; mode: PopoverMode } | null

const PEEK_DELAY_MS = 120
const LEAVE_DELAY_MS = 250

export type QuotePopoverStore = ReturnType<typeof createQuotePopoverStore>

export function createQuotePopoverStore() {
  let state: PopoverState = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const listeners = new Set<() => void>()

  const set = (next: PopoverState) => {
    clearTimeout(timer)
    if (next?.quoteId === state?.quoteId && next?.mode === state?.mode) return
    state = next
    listeners.forEach((l) => l())
  }
  const later = (fn: () => void, ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(fn, ms)
  }

  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Shows who said a quote, unless some quote's details are open (a click wins over a hover). */
    peek(quoteId: string, delayed = false) {
      if (state?.mode === 'open') return
      if (state?.quoteId === quoteId) {
        clearTimeout(timer)
        return
      }
      if (delayed) later(() => set({ quoteId, mode: 'peek' }), PEEK_DELAY_MS)
      else set({ quoteId, mode: 'peek' })
    },
    /** The pointer left: hide a peek after a moment (so it can move onto the details). */
    leave() {
      if (state?.mode === 'open') return
      later(() => set(null), LEAVE_DELAY_MS)
    },
    toggle(quoteId: string) {
      set(state?.quoteId === quoteId && state.mode === 'open' ? null : { quoteId, mode: 'open' })
    },
    close(quoteId?: string) {
      if (quoteId === undefined || state?.quoteId === quoteId) set(null)
    },
    dispose() {
      clearTimeout(timer)
      listeners.clear()
    },
  }
}
