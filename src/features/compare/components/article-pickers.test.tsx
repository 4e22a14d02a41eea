// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleIndex } from '../../../core/schema'
import { ArticlePickers } from './article-pickers'
import { PICKER_LIMIT } from '../model/picker-choices'
import { bigIndex } from '../test-fixtures'

afterEach(cleanup)

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>
}

/** Rendered in an act that lasts until a large corpus's search field (its own chunk) is in. */
async function renderPickers(index: ArticleIndex, leftId: string, rightId: string) {
  await act(async () => {
    render(
      <MemoryRouter initialEntries={[`/compare/${leftId}/${rightId}`]}>
        <ArticlePickers index={index} leftId={leftId} rightId={rightId} />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>,
    )
    await import('./article-finder')
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}

const optionsOf = (label: string) => within(screen.getByLabelText(label)).getAllByRole('option')

describe('ArticlePickers', () => {
  it('lists every article of a small corpus in both selects, with no search field', async () => {
    await renderPickers(bigIndex(3, 2), 's1-herald', 's1-courier')
    expect(optionsOf('Left article')).toHaveLength(8)
    expect(optionsOf('Right article')).toHaveLength(8)
    expect(screen.queryByRole('searchbox')).toBeNull()
  })

  it('lists a bounded number of a large corpus, the chosen articles among them, and says so', async () => {
    await renderPickers(bigIndex(5000), 's4000-herald', 's4000-courier')
    expect(screen.getByRole('searchbox')).toBeVisible()
    const left = optionsOf('Left article')
    expect(left.length).toBeLessThanOrEqual(PICKER_LIMIT + 2)
    expect(screen.getByLabelText('Left article')).toHaveValue('s4000-herald')
    expect(screen.getByLabelText('Right article')).toHaveValue('s4000-courier')
    expect(screen.getByRole('status')).toHaveTextContent(/first 200 of 10,000 articles/)
  })

  it('finds any article of a large corpus and compares it', async () => {
    const user = userEvent.setup()
    await renderPickers(bigIndex(5000), 's1-herald', 's1-courier')
    const search = await screen.findByRole(
      'searchbox',
      { name: 'Find articles to compare' },
      { timeout: 10_000 },
    )
    await user.type(search, 'courier 4321{Enter}')
    // Enter finds; it does not compare.
    expect(screen.getByTestId('where')).toHaveTextContent('/compare/s1-herald/s1-courier')
    expect(await screen.findByText(/^1 article match/)).toBeInTheDocument()
    expect(optionsOf('Right article').map((o) => o.getAttribute('value'))).toContain('s4321-courier')
    await user.selectOptions(screen.getByLabelText('Right article'), 's4321-courier')
    await user.click(screen.getByRole('button', { name: 'Compare' }))
    expect(screen.getByTestId('where')).toHaveTextContent('/compare/s1-herald/s4321-courier')
  })

  it('says when nothing matches and keeps the chosen articles', async () => {
    const user = userEvent.setup()
    await renderPickers(bigIndex(5000), 's1-herald', 's2-courier')
    await user.type(screen.getByRole('searchbox'), 'zebra')
    expect(await screen.findByText(/No article matches/)).toBeInTheDocument()
    expect(optionsOf('Left article').map((o) => o.getAttribute('value'))).toEqual(['s1-herald', 's2-courier'])
  })
})
