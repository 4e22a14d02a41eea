// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SummaryBoundary } from './summary-placeholder'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('SummaryBoundary', () => {
  it('says the summary could not be loaded, in its place, and tries again on request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let fail = true
    function Summary() {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module')
      return <p>At a glance</p>
    }
    render(
      <>
        <p>Side by side</p>
        <SummaryBoundary>
          <Summary />
        </SummaryBoundary>
      </>,
    )
    expect(screen.getByRole('alert').textContent).toMatch(/The summary could not be loaded/)
    expect(screen.getByText('Side by side')).toBeTruthy()
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'try again' }))
    expect(screen.getByText('At a glance')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
