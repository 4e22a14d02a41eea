// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyStoredTheme, applyTheme } from './theme'
import { ThemeToggle } from './theme-toggle'

let systemDark = false
beforeEach(() => {
  localStorage.clear()
  delete document.documentElement.dataset.theme
  systemDark = false
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('dark') && systemDark,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }))
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('ThemeToggle', () => {
  it('follows the system theme until the reader chooses', () => {
    systemDark = true
    applyTheme()
    render(<ThemeToggle />)
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(screen.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('switches the theme, says whether dark is on, and remembers the choice', async () => {
    const user = userEvent.setup()
    applyTheme()
    render(<ThemeToggle />)
    const toggle = screen.getByRole('button', { name: 'Dark theme' })
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-pressed', 'true')
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(localStorage.getItem('parallax-theme')).toBe('dark')
  })

  it('forgets the choice when it matches the system again, so the system is followed', async () => {
    const user = userEvent.setup()
    localStorage.setItem('parallax-theme', 'dark')
    applyTheme()
    render(<ThemeToggle />)
    await user.click(screen.getByRole('button', { name: 'Dark theme' }))
    expect(document.documentElement.dataset.theme).toBe('light')
    expect(localStorage.getItem('parallax-theme')).toBeNull()
  })

  it('at start-up leaves the page to follow the system unless the reader chose a theme', () => {
    systemDark = true
    applyStoredTheme()
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false)
    render(<ThemeToggle />)
    expect(screen.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
    cleanup()
    localStorage.setItem('parallax-theme', 'light')
    applyStoredTheme()
    expect(document.documentElement.dataset.theme).toBe('light')
  })
})
