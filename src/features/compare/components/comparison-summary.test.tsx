// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import type { ComparisonSummary, SideSummary } from '../../../core/compare-summary'
import { ComparisonSummaryPanel } from './comparison-summary'

const side = (over: Partial<SideSummary>): SideSummary => ({
  articleId: 'a',
  outlet: null,
  headline: 'Headline',
  deck: null,
  lead: 'Lead.',
  words: 300,
  quoteCount: 0,
  quotedWords: 0,
  quoteShare: [],
  onlyHere: { person: [], place: [], organization: [] },
  ...over,
})

const summary: ComparisonSummary = {
  left: side({
    articleId: 'gazette',
    outlet: 'Riverside Gazette',
    quoteCount: 2,
    quotedWords: 20,
    quoteShare: [
      { speakerId: 'ana-ortiz', name: 'Ana Ortiz', quotes: 1, words: 15, share: 0.75 },
      { speakerId: null, name: null, quotes: 1, words: 5, share: 0.25 },
    ],
    onlyHere: {
      person: [{ id: 'ben-okafor', name: 'Ben Okafor', mentions: 2 }],
      place: [],
      organization: [],
    },
  }),
  right: side({ articleId: 'courier', outlet: 'Valley Courier', deck: 'A deck' }),
  sharedQuotes: [
    {
      linkId: 'l2',
      kind: 'same-quote',
      left: {
        paragraphId: 'p2',
        text: 'We will rebuild this bridge before winter',
        quoted: true,
        speaker: 'Ana Ortiz',
      },
      right: { paragraphId: 'p2', text: 'before winter', quoted: true, speaker: 'Ana Ortiz' },
      fidelity: 'trimmed',
      ops: [
        { type: 'removed', text: 'We will rebuild this bridge' },
        { type: 'same', text: 'before winter' },
      ],
    },
  ],
}

afterEach(cleanup)

function renderPanel() {
  return render(
    <MemoryRouter>
      <ComparisonSummaryPanel
        summary={summary}
        labels={{ left: 'Riverside Gazette', right: 'Valley Courier' }}
      />
    </MemoryRouter>,
  )
}

describe('the summary panel', () => {
  it('sets each outlet’s framing and figures side by side under its name', () => {
    renderPanel()
    const table = screen.getByRole('table')
    expect(within(table).getByRole('columnheader', { name: 'Riverside Gazette' })).toBeInTheDocument()
    const deckRow = within(table).getByRole('row', { name: /^Deck/ })
    expect(deckRow).toHaveTextContent('No deck')
    expect(deckRow).toHaveTextContent('A deck')
    expect(within(table).getByRole('row', { name: /^Length/ })).toHaveTextContent('300 words')
  })

  it('gives each speaker’s share of the quotes in words, not only as a bar', () => {
    renderPanel()
    const row = screen.getByRole('row', { name: /^Who is quoted/ })
    expect(row).toHaveTextContent('Ana Ortiz 75% of quoted words (1 quote, 15 words)')
    expect(row).toHaveTextContent('Speaker not identified 25% of quoted words')
    expect(row.querySelector('svg')).toHaveAttribute('aria-hidden', 'true')
  })

  it('lists the people only one side names', () => {
    renderPanel()
    expect(screen.getByRole('row', { name: /^People only this side names/ })).toHaveTextContent('Ben Okafor')
  })

  it('says how a shared quote was trimmed and names the left-out words for screen readers too', () => {
    const { container } = renderPanel()
    const item = container.querySelector<HTMLElement>('.cmp-shared-quote')!
    expect(item).toHaveTextContent('Trimmed')
    expect(item).toHaveTextContent('Valley Courier leaves out “We will rebuild this bridge”.')
    const removed = item.querySelector('.cmp-diff del')
    expect(removed).toHaveTextContent('[only Riverside Gazette: We will rebuild this bridge]')
    expect(within(item).getByRole('link', { name: 'Show this pair side by side' })).toHaveAttribute(
      'href',
      '/compare/gazette/courier?link=l2',
    )
  })
})
