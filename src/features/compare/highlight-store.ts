/**
 * Which passages are lit up. Hovering or focusing one sentence must not re-render hundreds of others, so
 * every passage subscribes to this small store and reads a number of flags; React only re-renders the
 * few passages whose flags change.
 */
import type { CompareModel, Passage, Side } from './passages'
import { activeLinks } from './selection'

export const FLAG_ACTIVE = 1 // joined to the passage under the pointer or focus, or to the selected link
export const FLAG_SOURCE = 2 // the passage under the pointer or focus itself
export const FLAG_SELECTED = 4 // part of the selected link

export type FocusedPassage = { side: Side; key: string }

export type HighlightStore = ReturnType<typeof createHighlightStore>

export function createHighlightStore(model: CompareModel, initialSelected: string | null = null) {
  let focused: FocusedPassage | null = null
  let selected: string | null = initialSelected
  let active = activeLinks(model, null, selected)
  const listeners = new Set<() => void>()

  function update(nextFocused: FocusedPassage | null, nextSelected: string | null) {
    if (nextFocused?.side === focused?.side && nextFocused?.key === focused?.key && nextSelected === selected)
      return
    focused = nextFocused
    selected = nextSelected
    active = activeLinks(model, focused, selected)
    listeners.forEach((l) => l())
  }

  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    flagsOf(passage: Passage): number {
      let flags = 0
      for (const id of passage.linkIds) {
        if (active.has(id)) flags |= FLAG_ACTIVE
        if (id === selected) flags |= FLAG_SELECTED
      }
      if (focused && focused.side === passage.side && focused.key === passage.key) flags |= FLAG_SOURCE
      return flags
    },
    activeLinkIds: (): ReadonlySet<string> => active,
    focused: () => focused,
    selected: () => selected,
    setFocused: (next: FocusedPassage | null) => update(next, selected),
    setSelected: (next: string | null) => update(focused, next),
  }
}
