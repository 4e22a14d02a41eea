// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { libraryIndex, searchDocuments } from './library-fixture'
import { LibraryView } from './library-view'

let searchRequests = 0
let searchFails = false

beforeEach(() => {
  searchRequests = 0
  searchFails = false
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (String(url).endsWith('data/search.json')) {
        searchRequests++
        if (searchFails) return new Response('oops', { status: 500 })
        return new Response(JSON.stringify(searchDocuments), {
          headers: { 'Content-Type': 'application/json' },
        })
      }
      return new Response('not found', { status: 404 })
    }),
  )
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderLibrary(url = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter([{ path: '/', element: <LibraryView index={libraryIndex} /> }], {
    initialEntries: [url],
  })
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { router, search: () => new URLSearchParams(router.state.location.search) }
}

const cards = () => screen.queryAllByRole('article')

describe('LibraryView', () => {
  it('shows each story with its articles, newest first, and what each card says', () => {
    renderLibrary()
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Dock workers strike',
      'River floods the old town',
      'Other articles',
    ])
    expect(cards()).toHaveLength(5)
    const strike = screen.getByRole('article', { name: 'Dock workers strike as port talks fail' })
    expect(within(strike).getByText('Harbour Times')).toBeInTheDocument()
    expect(within(strike).getByText('Labour')).toBeInTheDocument()
    expect(within(strike).getByText('By Ana Lee')).toBeInTheDocument()
    expect(within(strike).getByText('4 March 2024')).toBeInTheDocument()
    expect(within(strike).getByText('4 min read')).toBeInTheDocument()
    expect(within(strike).getByText('7 quotes')).toBeInTheDocument()
    expect(within(strike).getByText('Quoting Mara Quinn, Tomas Reyes and Port authority')).toBeInTheDocument()
    expect(within(strike).getByRole('link')).toHaveAttribute('href', '/article/strike-a')
    const standstill = screen.getByRole('article', { name: 'Port at a standstill' })
    expect(within(standstill).getByText('Outlet not stated')).toBeInTheDocument()
    expect(within(standstill).getByText('Date not stated')).toBeInTheDocument()
  })

  it('offers to compare a story’s two newest articles, only for stories with two or more', () => {
    renderLibrary()
    const compare = screen.getAllByRole('link', { name: 'Compare side by side' })
    expect(compare).toHaveLength(1)
    expect(compare[0]).toHaveAttribute('href', '/compare/strike-c/strike-a')
  })

  it('filters by outlet, keeps the filter in the URL and says how many match', async () => {
    const user = userEvent.setup()
    const { search } = renderLibrary()
    await user.selectOptions(screen.getByLabelText('Outlet'), 'Valley Post')
    expect(search().get('outlet')).toBe('Valley Post')
    expect(cards()).toHaveLength(2)
    expect(screen.getByRole('status')).toHaveTextContent('Showing 2 of 5 articles')
  })

  it('reads the filters from the URL', () => {
    renderLibrary('/?speaker=Mara%20Quinn')
    expect(screen.getByLabelText('Person quoted')).toHaveValue('Mara Quinn')
    expect(cards().map((c) => c.getAttribute('aria-labelledby'))).toEqual(['card-strike-a', 'card-strike-b'])
  })

  it('loads the search index only when someone searches, then finds and writes the query to the URL', async () => {
    const user = userEvent.setup()
    const { search } = renderLibrary()
    expect(searchRequests).toBe(0)
    await user.type(screen.getByRole('searchbox', { name: 'Search headlines and text' }), 'lighthouse')
    await waitFor(() => expect(search().get('q')).toBe('lighthouse'))
    await waitFor(() => expect(cards()).toHaveLength(1))
    expect(searchRequests).toBe(1)
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1 of 5 articles for “lighthouse”')
  })

  it('opens a shared search link with the query in the box and the results shown', async () => {
    renderLibrary('/?q=harbour&outlet=Coast%20Radio')
    expect(screen.getByRole('searchbox')).toHaveValue('harbour')
    await waitFor(() => expect(cards()).toHaveLength(1))
    expect(screen.getByRole('article', { name: 'Strike enters second day' })).toBeInTheDocument()
  })

  it('says clearly when nothing matches and clears the filters in one step', async () => {
    const user = userEvent.setup()
    const { search } = renderLibrary('/?outlet=Coast%20Radio&speaker=Ines%20Ruiz')
    expect(screen.getByText('No articles match your search and filters.')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('No articles match.')
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(search().toString()).toBe('')
    expect(cards()).toHaveLength(5)
    expect(screen.getByRole('searchbox')).toHaveFocus()
  })

  it('keeps an unknown outlet from a link visible in the filter instead of silently dropping it', () => {
    renderLibrary('/?outlet=Nowhere%20Gazette')
    expect(screen.getByLabelText('Outlet')).toHaveValue('Nowhere Gazette')
    expect(cards()).toHaveLength(0)
  })

  it('says when search is unavailable, still lists the articles, and can try again', async () => {
    searchFails = true
    const user = userEvent.setup()
    renderLibrary('/?q=harbour')
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Search is not available right now.'),
    )
    expect(cards()).toHaveLength(5)
    searchFails = false
    await user.click(screen.getByRole('button', { name: 'Try search again' }))
    await waitFor(() => expect(cards()).toHaveLength(3))
  })

  it('announces the results count politely', () => {
    renderLibrary()
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite')
    expect(screen.getByRole('status')).toHaveTextContent('5 articles in 3 stories')
  })
})
