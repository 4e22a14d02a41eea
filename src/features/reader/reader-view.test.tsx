// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fixtureArticle, fixtureQuotes } from './reader-fixture'
import { renderReader } from './render-reader'

beforeEach(() => {
  localStorage.clear()
  Element.prototype.scrollIntoView = vi.fn()
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function mark(id: string): HTMLElement {
  const el = document.getElementById(id)
  if (!el || el.tagName !== 'MARK') throw new Error(`no mark #${id}`)
  return el
}

/** Text of an element as a reader sees it without the speaker labels. */
function textWithoutLabels(el: HTMLElement): string {
  const copy = el.cloneNode(true) as HTMLElement
  copy.querySelectorAll('.quote-chip-wrap, .paragraph-link').forEach((n) => n.remove())
  return copy.textContent ?? ''
}

describe('ArticleReader quotes', () => {
  it('highlights every quote with its exact words and names who said it right after', () => {
    renderReader(fixtureArticle())
    const names: Record<string, string> = {
      'mara-quinn': 'Mara Quinn',
      'tomas-reyes': 'Tomas Reyes',
      'port-authority': 'Port authority',
    }
    for (const q of fixtureQuotes) {
      const el = mark(q.id)
      expect(textWithoutLabels(el)).toBe(q.text)
      const label = document.querySelector<HTMLButtonElement>(`[data-chip-for="${q.id}"]`)
      const expected = q.speakerId ? names[q.speakerId]! : 'Unknown speaker'
      expect(label?.textContent).toBe(expected)
      expect(label?.getAttribute('aria-label')).toMatch(new RegExp(`^${expected}`))
    }
  })

  it('shows every paragraph exactly as written, with markup shown as text', () => {
    const article = fixtureArticle()
    const { container } = renderReader(article)
    for (const p of article.paragraphs) expect(textWithoutLabels(document.getElementById(p.id)!)).toBe(p.text)
    expect(container.querySelector('script')).toBeNull()
    expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeInTheDocument()
  })

  it('survives quotes with broken offsets and says how many could not be placed', () => {
    const broken = [
      { ...fixtureQuotes[1]!, id: 'q8', start: 40, end: 10 },
      { ...fixtureQuotes[1]!, id: 'q9', start: 0, end: 10_000 },
    ]
    renderReader(fixtureArticle({ quotes: [...fixtureQuotes, ...broken] }))
    expect(screen.getByText(/2 could not be located in the text/)).toBeInTheDocument()
    expect(document.getElementById('q8')).toBeNull()
    expect(mark('q2')).toBeInTheDocument()
  })

  it('opens a quote’s details on click, and Escape closes them and returns focus to the label', async () => {
    const user = userEvent.setup()
    renderReader(fixtureArticle())
    const [label] = screen.getAllByRole('button', { name: 'Tomas Reyes, mayor: about this quote' })
    if (!label) throw new Error('no label for the mayor')
    await user.click(label)
    expect(label).toHaveAttribute('aria-expanded', 'true')
    const details = screen.getByRole('group', { name: 'Quote by Tomas Reyes' })
    expect(within(details).getByRole('button', { name: 'Copy link to this quote' })).toBeInTheDocument()
    expect(within(details).getByRole('link', { name: 'Only Tomas Reyes' })).toHaveAttribute(
      'href',
      '/article/harbour-strike?speaker=tomas-reyes',
    )
    await user.click(within(details).getByRole('button', { name: 'Copy link to this quote' }))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('group', { name: 'Quote by Tomas Reyes' })).toBeNull()
    expect(label).toHaveFocus()
  })

  it('copies a quote with its citation: words, speaker, outlet, headline, date and link', async () => {
    const user = userEvent.setup()
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue()
    renderReader(fixtureArticle())
    await user.click(document.querySelector<HTMLElement>('[data-chip-for="q3"]')!)
    const details = screen.getByRole('group', { name: 'Quote by Mara Quinn' })
    await user.click(within(details).getByRole('button', { name: 'Copy with citation' }))
    expect(writeText).toHaveBeenLastCalledWith(
      expect.stringMatching(
        /^“Not one ship\.” — Mara Quinn, the union's chair\. Harbour Times, “Dock workers strike as port talks fail”, 4 March 2024\. https?:\/\/[^ ]*\/article\/harbour-strike\?quote=q3$/,
      ),
    )
  })

  it('downloads the article’s quotes as a CSV file a spreadsheet opens as UTF-8', async () => {
    const user = userEvent.setup()
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:quotes'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const names: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download)
    })
    renderReader(fixtureArticle())
    await user.click(screen.getByRole('button', { name: 'Download quotes (CSV)' }))
    click.mockRestore()
    expect(names).toEqual(['harbour-strike-quotes.csv'])
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(reader.result as string)
      reader.readAsText(blobs[0]!)
    })
    const lines = text.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('Quote,Speaker,Role,Kind,Where,Outlet,Headline,Published,Link')
    expect(lines).toHaveLength(fixtureQuotes.length + 2)
    expect(lines[2]).toMatch(/^"We will not go back until the port listens,",Mara Quinn,/)
  })

  it('turns highlights off for plain reading', async () => {
    const user = userEvent.setup()
    const { container } = renderReader(fixtureArticle())
    const toggle = screen.getByRole('switch', { name: 'Highlight quotes' })
    expect(toggle).toBeChecked()
    await user.click(toggle)
    expect(toggle).not.toBeChecked()
    expect(container.querySelector('.reader')).toHaveClass('highlights-off')
  })
})

describe('SpeakerPanel', () => {
  it('lists each person with role and number of quotes', () => {
    renderReader(fixtureArticle())
    const panel = screen.getByRole('list', { name: 'People quoted' })
    const buttons = within(panel).getAllByRole('button')
    expect(buttons.map((b) => b.textContent)).toEqual([
      "Mara Quinnthe union's chair3 quotes",
      'Tomas Reyesmayor2 quotes',
      'Port authority1 quote',
      'Unknown speaker1 quote',
    ])
  })

  it('focuses the chosen person’s quotes, dims the rest, and keeps the choice in the URL', async () => {
    const user = userEvent.setup()
    const { search } = renderReader(fixtureArticle())
    const panel = screen.getByRole('list', { name: 'People quoted' })
    const mara = within(panel).getByRole('button', { name: /^Mara Quinn/ })
    await user.click(mara)
    expect(search().get('speaker')).toBe('mara-quinn')
    expect(mara).toHaveAttribute('aria-pressed', 'true')
    for (const id of ['q1', 'q2', 'q3']) expect(mark(id)).not.toHaveClass('is-dimmed')
    for (const id of ['q4', 'q5', 'q6', 'q7']) expect(mark(id)).toHaveClass('is-dimmed')
    const list = screen.getByRole('list', { name: 'Quotes by Mara Quinn' })
    expect(within(list).getAllByRole('link')).toHaveLength(3)
    await user.click(screen.getByRole('button', { name: 'Show all speakers' }))
    expect(search().get('speaker')).toBeNull()
    expect(mark('q4')).not.toHaveClass('is-dimmed')
  })

  it('moves to the chosen person’s first quote and counts from it', async () => {
    const user = userEvent.setup()
    renderReader(fixtureArticle())
    await user.keyboard('jjjj')
    expect(mark('q4')).toHaveFocus()
    const panel = screen.getByRole('list', { name: 'People quoted' })
    const mayor = within(panel).getByRole('button', { name: /^Tomas Reyes/ })
    await user.click(mayor)
    expect(mark('q5')).toHaveClass('is-current')
    expect(mark('q4')).not.toHaveClass('is-current')
    expect(vi.mocked(Element.prototype.scrollIntoView).mock.contexts.at(-1)).toBe(mark('q5'))
    expect(screen.getByText('Quote 1 of 2 by Tomas Reyes')).toBeInTheDocument()
    expect(mayor).toHaveFocus()
    await user.keyboard('j')
    expect(mark('q6')).toHaveFocus()
    expect(screen.getByText('Quote 2 of 2 by Tomas Reyes')).toBeInTheDocument()
  })

  it('focuses the unknown-speaker group from ?speaker=_unknown', () => {
    renderReader(fixtureArticle(), '/article/harbour-strike?speaker=_unknown')
    expect(mark('q7')).not.toHaveClass('is-dimmed')
    expect(mark('q2')).toHaveClass('is-dimmed')
    const panel = screen.getByRole('list', { name: 'People quoted' })
    expect(within(panel).getByRole('button', { name: /^Unknown speaker/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
  })
})

describe('quote navigation', () => {
  it('moves to the next and previous quote with j and k, wrapping at the ends', async () => {
    const user = userEvent.setup()
    renderReader(fixtureArticle())
    await user.keyboard('j')
    expect(mark('q1')).toHaveFocus()
    expect(screen.getByText('Quote 1 of 7: Mara Quinn')).toBeInTheDocument()
    await user.keyboard('j')
    expect(mark('q2')).toHaveFocus()
    await user.keyboard('k')
    await user.keyboard('k')
    expect(mark('q7')).toHaveFocus()
    expect(screen.getByText('Quote 7 of 7: Unknown speaker')).toBeInTheDocument()
  })

  it('moves with the visible buttons too', async () => {
    const user = userEvent.setup()
    renderReader(fixtureArticle())
    await user.click(screen.getByRole('button', { name: 'Next quote' }))
    await user.click(screen.getByRole('button', { name: 'Next quote' }))
    expect(mark('q2')).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Previous quote' }))
    expect(mark('q1')).toHaveFocus()
  })

  it('visits only the focused person’s quotes', async () => {
    const user = userEvent.setup()
    renderReader(fixtureArticle(), '/article/harbour-strike?speaker=tomas-reyes')
    await user.keyboard('n')
    expect(mark('q5')).toHaveFocus()
    await user.keyboard('n')
    expect(mark('q6')).toHaveFocus()
    expect(screen.getByText('Quote 2 of 2 by Tomas Reyes')).toBeInTheDocument()
    await user.keyboard('n')
    expect(mark('q5')).toHaveFocus()
  })

  it('does not react to the keys while typing in a text field', async () => {
    const user = userEvent.setup()
    renderReader(fixtureArticle())
    const field = document.createElement('input')
    document.body.append(field)
    field.focus()
    await user.keyboard('jjk')
    expect(field).toHaveValue('jjk')
    expect(field).toHaveFocus()
    field.remove()
  })

  it('can have its single-key shortcuts turned off, and remembers that', async () => {
    const user = userEvent.setup()
    renderReader(fixtureArticle())
    await user.click(screen.getByRole('checkbox', { name: 'Single-key shortcuts' }))
    await user.keyboard('j')
    expect(document.activeElement?.tagName).not.toBe('MARK')
    expect(localStorage.getItem('parallax-key-shortcuts')).toBe('off')
  })

  it('marks a quote the reader clicks as the current one, and next continues from it', async () => {
    const user = userEvent.setup()
    renderReader(fixtureArticle())
    await user.click(mark('q3'))
    expect(mark('q3')).toHaveClass('is-current')
    expect(screen.getByText('Quote 3 of 7: Mara Quinn')).toBeInTheDocument()
    await user.keyboard('j')
    expect(mark('q4')).toHaveFocus()
    expect(mark('q4')).toHaveClass('is-current')
    expect(mark('q3')).not.toHaveClass('is-current')
  })

  it('continues from the quote whose speaker label was tapped', async () => {
    const user = userEvent.setup()
    renderReader(fixtureArticle())
    await user.click(document.querySelector<HTMLElement>('[data-chip-for="q4"]')!)
    await user.click(screen.getByRole('button', { name: 'Next quote' }))
    expect(mark('q5')).toHaveFocus()
  })

  it('continues from the quote a link pointed at', async () => {
    const user = userEvent.setup()
    renderReader(fixtureArticle(), '/article/harbour-strike?quote=q4')
    expect(mark('q4')).toHaveFocus()
    expect(mark('q4')).toHaveClass('is-target')
    await user.keyboard('j')
    expect(mark('q5')).toHaveFocus()
  })
})

describe('deep links', () => {
  it('opens at the linked paragraph, highlighted and focused', () => {
    renderReader(fixtureArticle(), '/article/harbour-strike?paragraph=p3')
    const p = document.getElementById('p3')!
    expect(p).toHaveFocus()
    expect(p).toHaveClass('is-target')
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled()
  })

  it('says so when the linked quote, paragraph or person is not in the article', () => {
    renderReader(fixtureArticle(), '/article/harbour-strike?quote=q99&paragraph=p42&speaker=nobody')
    expect(screen.getByText(/quote this link points to is not in this article/)).toBeInTheDocument()
    expect(screen.getByText(/paragraph this link points to is not in this article/)).toBeInTheDocument()
    expect(screen.getByText(/person this link points to is not quoted/)).toBeInTheDocument()
  })

  it('offers a copy-link button on every paragraph', () => {
    renderReader(fixtureArticle())
    for (let n = 1; n <= 5; n++) {
      expect(screen.getByRole('button', { name: `Copy link to paragraph ${n}` })).toHaveAttribute(
        'data-copy-path',
        `/article/harbour-strike?paragraph=p${n}`,
      )
    }
  })

  it('links to the original only over http or https, opening a new tab safely', () => {
    renderReader(fixtureArticle())
    const link = screen.getByRole('link', { name: /Original at Harbour Times \(opens in new tab\)/ })
    expect(link).toHaveAttribute('href', 'https://example.org/news/harbour-strike')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(link).toHaveAttribute('target', '_blank')
    cleanup()
    renderReader(fixtureArticle({ sourceUrl: 'javascript:alert(1)' }))
    expect(screen.queryByRole('link', { name: /Original/ })).toBeNull()
  })
})
