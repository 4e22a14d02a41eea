import { useSyncExternalStore } from 'react'
import { applyTheme, currentTheme, STORAGE_KEY, storedTheme, systemTheme, type Theme } from './theme'

const listeners = new Set<() => void>()

export function setTheme(theme: Theme): void {
  try {
    // Choosing what the system already shows forgets the choice, so the page follows the system again.
    if (theme === systemTheme()) localStorage.removeItem(STORAGE_KEY)
    else localStorage.setItem(STORAGE_KEY, theme)
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
  // Another tab changed the theme.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return
    applyTheme()
    listener()
  }
  media?.addEventListener('change', onSystem)
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    media?.removeEventListener('change', onSystem)
    window.removeEventListener('storage', onStorage)
  }
}

// Kept here rather than in icons.tsx: the header is on every first page, the other icons are not.
function MoonIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable={false}
    >
      <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
    </svg>
  )
}

/**
 * A toggle button named "Dark theme" whose pressed state says whether dark is on (the ARIA toggle
 * pattern: the name stays, the state changes). The switch drawing shows the state without colour alone.
 */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => 'light' as Theme)
  const dark = theme === 'dark'
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={dark}
      // The name stays whole however much of it a narrow screen shows (just "Dark" on a phone).
      aria-label="Dark theme"
      onClick={() => setTheme(dark ? 'light' : 'dark')}
    >
      <MoonIcon />
      <span className="theme-toggle-label" aria-hidden="true">
        Dark<span className="theme-toggle-word"> theme</span>
      </span>
      <span className="switch" aria-hidden="true">
        <span className="switch-state">{dark ? 'On' : 'Off'}</span>
      </span>
    </button>
  )
}
