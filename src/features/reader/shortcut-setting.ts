import { useSyncExternalStore } from 'react'

/**
 * Single-key shortcuts (j/k, n/p) can be turned off and the choice is remembered: speech-input users can
 * trigger them by accident (WCAG 2.1.4 Character Key Shortcuts).
 */
const STORAGE_KEY = 'parallax-key-shortcuts'
const listeners = new Set<() => void>()
/** The choice when storage is refused (private modes). */
let memory: boolean | null = null

function read(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off'
  } catch {
    return true
  }
}

export function setShortcutsEnabled(enabled: boolean): void {
  try {
    if (enabled) localStorage.removeItem(STORAGE_KEY)
    else localStorage.setItem(STORAGE_KEY, 'off')
  } catch {
    // Storage refused: the setting lasts for this page view only.
    memory = enabled
  }
  listeners.forEach((l) => l())
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useShortcutsEnabled(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => memory ?? read(),
    () => true,
  )
}
