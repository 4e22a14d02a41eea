// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SCHEMA_VERSION, type Link } from '../../../core/schema'
import { LinkEvidence } from './link-evidence'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const evidence = {
  sharedTerms: ['bridge', 'closure'],
  sharedEntities: ['Ana Ortiz'],
  sharedNumbers: [],
  quoteOverlap: null,
  note: 'Both report the closure.',
}
const link: Link = {
  id: 'l2',
  left: { paragraphId: 'p1', start: 0, end: 10 },
  right: { paragraphId: 'p2', start: 0, end: 12 },
  kind: 'same-fact',
  score: 0.62,
}

function renderEvidence(shown: Link) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <QueryClientProvider client={client}>
      <LinkEvidence link={shown} leftId="gazette" rightId="courier" />
    </QueryClientProvider>,
  )
}

describe('LinkEvidence', () => {
  it('shows the evidence a link computed here carries, without fetching', async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    renderEvidence({ ...link, evidence })
    await userEvent.click(screen.getByText('Why linked?'))
    expect(screen.getByText('Both report the closure.')).toBeTruthy()
    expect(screen.getByText('62% match')).toBeTruthy()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  const file = (entries: Record<string, unknown>) =>
    Response.json({ schemaVersion: SCHEMA_VERSION, leftId: 'gazette', rightId: 'courier', evidence: entries })
  const stored = { ...evidence, left: link.left, right: link.right }

  it('reads a bundled link’s evidence from the comparison’s evidence file', async () => {
    const fetchMock = vi.fn(async (_url: string) => file({ l2: stored }))
    vi.stubGlobal('fetch', fetchMock)
    renderEvidence(link)
    await userEvent.click(screen.getByText('Why linked?'))
    expect(await screen.findByText('Both report the closure.')).toBeTruthy()
    expect(screen.getByText('Ana Ortiz')).toBeTruthy()
    expect(fetchMock).toHaveBeenCalledOnce()
    expect(String(fetchMock.mock.calls[0]?.[0])).toMatch(/data\/evidence\/gazette--courier\.json$/)
  })

  it('says so when the evidence cannot be loaded, and tries again on request', async () => {
    let fail = true
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => (fail ? new Response('', { status: 503 }) : file({}))),
    )
    renderEvidence(link)
    await userEvent.click(screen.getByText('Why linked?'))
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /could not be loaded\. Check your connection/,
    )
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'try again' }))
    expect(await screen.findByText('Not recorded for this link.')).toBeTruthy()
  })

  it('says a missing evidence file is missing, without offering a retry that cannot help', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    )
    renderEvidence(link)
    await userEvent.click(screen.getByText('Why linked?'))
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /not available: the file that says so is missing/,
    )
    expect(screen.queryByRole('button', { name: 'try again' })).toBeNull()
  })

  it('does not show another link’s evidence when the comparison was rebuilt after the page opened', async () => {
    const moved = { ...stored, left: { paragraphId: 'p7', start: 0, end: 10 } }
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => file({ l2: moved })),
    )
    renderEvidence(link)
    await userEvent.click(screen.getByText('Why linked?'))
    expect((await screen.findByRole('alert')).textContent).toMatch(/rebuilt since the page was opened/)
    expect(screen.queryByText('Both report the closure.')).toBeNull()
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy()
  })
})
