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
export type HighlightSnapshot = {
  active: ReadonlySet<string>
  focused: FocusedPassage | null
  selected: string | null
}

export function createHighlightStore(model: CompareModel, initialSelected: string | null = null) {
  let focused: FocusedPassage | null = null
  let selected: string | null = initialSelected
  let active: ReadonlySet<string> = activeLinks(model, null, selected)
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
      return () => {
        listeners.delete(listener)
      }
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
    /** The passages whose flags may differ between two states: those lit, focused or selected in either. */
    touchedPassages(before: HighlightSnapshot, after: HighlightSnapshot): Passage[] {
      const out = new Set<Passage>()
      const addLink = (id: string | null) => {
        const keys = id ? model.passagesOfLink.get(id) : undefined
        if (!keys) return
        for (const side of ['left', 'right'] as const) {
          for (const key of keys[side]) {
            const p = model[side].byKey.get(key)
            if (p) out.add(p)
          }
        }
      }
      const addFocused = (f: FocusedPassage | null) => {
        const p = f ? model[f.side].byKey.get(f.key) : undefined
        if (p) out.add(p)
      }
      for (const state of [before, after]) {
        state.active.forEach(addLink)
        addLink(state.selected)
        addFocused(state.focused)
      }
      return [...out]
    },
    snapshot: (): HighlightSnapshot => ({ active, focused, selected }),
    focused: () => focused,
    selected: () => selected,
    setFocused: (next: FocusedPassage | null) => update(next, selected),
    setSelected: (next: string | null) => update(focused, next),
  }
}
