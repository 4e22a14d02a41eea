import { useSyncExternalStore } from 'react'

type Theme = 'light' | 'dark'
const STORAGE_KEY = 'parallax-theme'
const listeners = new Set<() => void>()

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light'
}

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'dark' || value === 'light' ? value : null
  } catch {
    return null
  }
}

export function currentTheme(): Theme {
  return storedTheme() ?? systemTheme()
}

/** Applies the remembered theme (or the system's) to <html>; called once at start-up. */
export function applyTheme(theme: Theme = currentTheme()): void {
  document.documentElement.dataset.theme = theme
}

function setTheme(theme: Theme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme)
  } catch {
    // Private modes may refuse storage; the toggle still works for this page view.
  }
  applyTheme(theme)
  listeners.forEach((l) => l())
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
  const onSystem = () => {
    if (!storedTheme()) applyTheme()
    listener()
  }
  media?.addEventListener('change', onSystem)
  return () => {
    listeners.delete(listener)
    media?.removeEventListener('change', onSystem)
  }
}

export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => 'light' as Theme)
  const next: Theme = theme === 'dark' ? 'light' : 'dark'
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={theme === 'dark'}
      onClick={() => setTheme(next)}
    >
      Dark theme
    </button>
  )
}
