/**
 * The reader's theme, without React: src/boot.ts applies it before the app's scripts load, so a dark
 * theme chosen earlier shows as early as a script can run under the CSP (no inline script).
 */
export type Theme = 'light' | 'dark'
export const STORAGE_KEY = 'parallax-theme'

export function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light'
}

export function storedTheme(): Theme | null {
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

/**
 * At start-up: applies a theme the reader chose earlier, and otherwise leaves <html> alone, so the
 * stylesheet follows the system (`:root:not([data-theme])`). It asks nothing of the layout: a media query
 * check here (matchMedia) forced a full style and layout pass before the first paint.
 */
export function applyStoredTheme(): void {
  const stored = storedTheme()
  if (stored) applyTheme(stored)
}
