// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, useNavigate } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import { DataError } from '../lib/data/fetch-json'
import { AppRoutes, matchAppRoute, routePath } from './router'
import { PageErrorBoundary } from './routes/route-error'

afterEach(cleanup)

describe('routePath', () => {
  it('drops the deployment base and decodes each segment', () => {
    expect(routePath('/parallax/article/abc', '/parallax/')).toBe('/article/abc')
    expect(routePath('/parallax', '/parallax/')).toBe('/')
    expect(routePath('/parallax/', '/parallax/')).toBe('/')
    expect(routePath('/article/caf%C3%A9', '/')).toBe('/article/café')
    // An encoded slash stays inside its segment; a malformed escape is kept as it is.
    expect(routePath('/article/a%2Fb', '/')).toBe('/article/a%2Fb')
    expect(routePath('/article/%E0%A4%A', '/')).toBe('/article/%E0%A4%A')
  })

  it('leaves a path outside the base alone (the not-found page shows)', () => {
    expect(routePath('/parallaxx/article/a', '/parallax/')).toBe('/parallaxx/article/a')
  })
})

describe('matchAppRoute', () => {
  it('finds each page and its parameters', () => {
    expect(matchAppRoute('/').route.notFound).toBeFalsy()
    expect(matchAppRoute('/article/abc').params).toMatchObject({ articleId: 'abc' })
    expect(matchAppRoute('/compare/a/b').params).toMatchObject({ leftId: 'a', rightId: 'b' })
  })

  it('sends anything else to the not-found page', () => {
    for (const path of ['/article', '/article/a/b', '/compare/a', '/nothing/here'])
      expect(matchAppRoute(path).route.notFound, path).toBe(true)
  })
})

function renderBoundary(children: React.ReactNode, initialError?: unknown) {
  const client = new QueryClient()
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <PageErrorBoundary resetKey="k" initialError={initialError}>
          {children}
        </PageErrorBoundary>
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

describe('PageErrorBoundary', () => {
  it('shows an unknown id as the not-found page', () => {
    renderBoundary(<p>page</p>, new DataError('not-found', 'data/articles/x.json', 'There is no article.'))
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeTruthy()
    expect(screen.queryByText('page')).toBeNull()
  })

  it('offers "Try again" for a failed load, which renders the page again', async () => {
    let fail = true
    function Page() {
      if (fail) throw new DataError('network', 'data/index.json', 'The network failed.')
      return <p>page</p>
    }
    const originalError = console.error
    console.error = () => {}
    try {
      renderBoundary(<Page />)
    } finally {
      console.error = originalError
    }
    expect(screen.getByRole('alert').textContent).toContain('The network failed.')
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('page')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('AppRoutes while the first page is starting', () => {
  function renderRoutes(path: string, props: { starting: boolean; initialError?: unknown }) {
    const client = new QueryClient()
    const tree = (p: typeof props) => (
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes {...p} />
        </MemoryRouter>
      </QueryClientProvider>
    )
    const view = render(tree(props))
    return { rerender: (p: typeof props) => view.rerender(tree(p)) }
  }

  it('shows the site frame with a loading status, then the page in it', () => {
    const { rerender } = renderRoutes('/nothing/here', { starting: true })
    const home = screen.getByRole('link', { name: 'Parallax' })
    expect(screen.getByText('Loading…').getAttribute('role')).toBe('status')
    expect(screen.queryByRole('heading', { name: 'Page not found' })).toBeNull()
    rerender({ starting: false })
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeTruthy()
    expect(screen.queryByText('Loading…')).toBeNull()
    // The header was not rebuilt: the same element stayed in the document.
    expect(screen.getByRole('link', { name: 'Parallax' })).toBe(home)
  })

  it('lets a reader who follows a link meanwhile have that page', async () => {
    const client = new QueryClient()
    function GoElsewhere() {
      const navigate = useNavigate()
      return (
        <button type="button" onClick={() => void navigate('/somewhere/else')}>
          Elsewhere
        </button>
      )
    }
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={['/article/slow']}>
          <AppRoutes starting />
          <GoElsewhere />
        </MemoryRouter>
      </QueryClientProvider>,
    )
    expect(screen.getByText('Loading…').getAttribute('role')).toBe('status')
    await userEvent.click(screen.getByRole('button', { name: 'Elsewhere' }))
    // The first page is still loading; the one the reader went to shows.
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy()
    expect(screen.queryByText('Loading…')).toBeNull()
  })

  it('shows the error the first page failed with once starting ends', () => {
    const { rerender } = renderRoutes('/article/gone', { starting: true })
    rerender({
      starting: false,
      initialError: new DataError('network', 'data/articles/gone.json', 'The data could not be loaded.'),
    })
    expect(screen.getByText('The data could not be loaded.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })
})
