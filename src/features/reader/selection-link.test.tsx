// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSelector, decodeSelector, encodeSelector } from '../../core/selectors'
import type { Article, Quote } from '../../core/schema'
import { paths } from '../../lib/paths'
import { fixtureArticle, fixtureQuotes } from './reader-fixture'
import { renderReader } from './render-reader'
import { articleTextNodes, passageFromRange, PASSAGE_TEXT_ATTR } from './selection-offsets'

beforeEach(() => {
  localStorage.clear()
  Element.prototype.scrollIntoView = vi.fn()
})
afterEach(() => cleanup())

function paragraphText(article: Article, id: string): string {
  return article.paragraphs.find((p) => p.id === id)!.text
}

function container(id: string): Element {
  const el = document.querySelector(`[${PASSAGE_TEXT_ATTR}="${id}"]`)
  if (!el) throw new Error(`no text container for ${id}`)
  return el
}

/** The DOM point of text offset `offset` in paragraph `id`, found the way a browser's selection would be. */
function pointAt(id: string, offset: number): [Node, number] {
  let left = offset
  const nodes = articleTextNodes(container(id))
  for (const t of nodes) {
    if (left <= t.length) return [t, left]
    left -= t.length
  }
  throw new Error(`offset ${offset} past the end of ${id}`)
}

function rangeBetween(from: [Node, number], to: [Node, number]): Range {
  const range = document.createRange()
  range.setStart(...from)
  range.setEnd(...to)
  return range
}

function linked(article: Article, sel: string) {
  return renderReader(article, paths.article.build(article.id, { sel }))
}

function selectorFor(article: Article, id: string, words: string): string {
  const text = paragraphText(article, id)
  const at = text.indexOf(words)
  return encodeSelector(createSelector(text, at, at + words.length, id)!)
}

describe('turning a selection into a passage of the article', () => {
  it('counts only the article’s words, not the speaker labels placed inside them', () => {
    const article = fixtureArticle()
    const { container: root } = renderReader(article)
    const text = paragraphText(article, 'p2')
    // From inside the first quote to past the second speaker label: the selection crosses a label.
    const start = text.indexOf('the port listens')
    const end = text.indexOf('one ship') + 'one ship'.length
    const found = passageFromRange(rangeBetween(pointAt('p2', start), pointAt('p2', end)), root, (id) =>
      id === 'p2' ? text : undefined,
    )
    expect(found?.range).toEqual({ paragraphId: 'p2', start, end })
    expect(found?.selector.exact).toBe(text.slice(start, end))
    expect(found?.selector.exact).not.toContain('Mara Quinn"')
  })

  it('keeps a selection that runs into the next paragraph to the paragraph it starts in', () => {
    const article = fixtureArticle()
    const { container: root } = renderReader(article)
    const text = paragraphText(article, 'p3')
    const start = text.indexOf('in a statement')
    const found = passageFromRange(rangeBetween(pointAt('p3', start), pointAt('p4', 10)), root, (id) =>
      paragraphText(article, id),
    )
    expect(found?.range).toEqual({ paragraphId: 'p3', start, end: text.length })
    expect(found?.leftOut).toEqual(['p4'])
  })

  it('treats a selection ending inside a speaker label as ending where the label sits', () => {
    const article = fixtureArticle()
    const { container: root } = renderReader(article)
    const text = paragraphText(article, 'p3')
    const label = document.querySelector('[data-chip-for="q4"]')!.firstChild!
    const start = text.indexOf('called the strike')
    const found = passageFromRange(rangeBetween(pointAt('p3', start), [label, 3]), root, (id) =>
      paragraphText(article, id),
    )
    // The label comes right after the closing quotation mark of "deeply regrettable".
    expect(found?.selector.exact).toBe('called the strike "deeply regrettable"')
  })

  it('links the whole paragraph when a triple click selects it up to the next one', () => {
    const article = fixtureArticle()
    const { container: root } = renderReader(article)
    const p1 = document.getElementById('p1')!
    const p2 = document.getElementById('p2')!
    const found = passageFromRange(rangeBetween([p1, 0], [p2, 0]), root, (id) => paragraphText(article, id))
    expect(found?.selector.exact).toBe(paragraphText(article, 'p1'))
    expect(found?.leftOut).toEqual([])
  })

  it('offers nothing for a selection of only whitespace or outside the article’s text', () => {
    const article = fixtureArticle()
    const { container: root } = renderReader(article)
    const text = paragraphText(article, 'p1')
    const space = text.indexOf(' ')
    const textOf = (id: string) => paragraphText(article, id)
    expect(passageFromRange(rangeBetween(pointAt('p1', space), pointAt('p1', space + 1)), root, textOf)).toBe(
      null,
    )
    const heading = screen.getByRole('heading', { name: 'Quotes in this article' })
    expect(passageFromRange(rangeBetween([heading, 0], [heading, 1]), root, textOf)).toBe(null)
  })
})

describe('copying a link to a selection', () => {
  it('offers “Copy link to selection” for selected words and copies a link that opens them', async () => {
    const user = userEvent.setup()
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue()
    const article = fixtureArticle()
    renderReader(article)
    expect(screen.queryByRole('button', { name: 'Copy link to selection' })).toBeNull()

    const text = paragraphText(article, 'p1')
    const start = text.indexOf('walked out')
    act(() => {
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(rangeBetween(pointAt('p1', start), pointAt('p1', start + 'walked out'.length)))
      document.dispatchEvent(new Event('selectionchange'))
    })
    const button = await screen.findByRole('button', { name: 'Copy link to selection' })
    await user.click(button)

    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1))
    const url = new URL(writeText.mock.calls[0]![0])
    expect(url.pathname).toBe(paths.article.build(article.id))
    const decoded = decodeSelector(url.searchParams.get('sel'))
    expect(decoded.ok && decoded.selector).toMatchObject({ paragraphId: 'p1', exact: 'walked out', start })
  })

  it('says what the link leaves out when the selection runs over several paragraphs', async () => {
    const user = userEvent.setup()
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue()
    writeText.mockClear()
    const article = fixtureArticle()
    renderReader(article)
    act(() => {
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(rangeBetween(pointAt('p1', 5), pointAt('p3', 12)))
      document.dispatchEvent(new Event('selectionchange'))
    })
    const button = await screen.findByRole('button', { name: 'Copy link to selection' })
    expect(
      screen.getByText('The link covers paragraph 1 only, not the 2 paragraphs after it'),
    ).toBeInTheDocument()
    await user.click(button)
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1))
    const decoded = decodeSelector(new URL(writeText.mock.calls[0]![0]).searchParams.get('sel'))
    expect(decoded.ok && decoded.selector.paragraphId).toBe('p1')
  })

  it('takes the control away once nothing is selected', async () => {
    renderReader(fixtureArticle())
    act(() => {
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(rangeBetween(pointAt('p5', 0), pointAt('p5', 10)))
      document.dispatchEvent(new Event('selectionchange'))
    })
    await screen.findByRole('button', { name: 'Copy link to selection' })
    act(() => {
      document.getSelection()!.removeAllRanges()
      document.dispatchEvent(new Event('selectionchange'))
    })
    // The bar waits for the selection to settle (120 ms); a loaded test machine needs more than waitFor's 1 s.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Copy link to selection' })).toBeNull(), {
      timeout: 5000,
    })
  })
})

describe('opening a link to a selected passage', () => {
  it('highlights exactly the linked words, even across a quote, and focuses their paragraph', () => {
    const article = fixtureArticle()
    linked(article, selectorFor(article, 'p4', 'said: "I told them'))
    const marks = [...document.querySelectorAll('#p4 mark.passage')]
    expect(marks.map((m) => m.textContent).join('')).toBe('said: "I told them')
    // One part outside the mayor's quote, one inside it.
    expect(marks.length).toBe(2)
    expect(marks[1]!.closest('mark.quote')?.id).toBe('q5')
    expect(document.getElementById('p4')).toHaveFocus()
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled()
    expect(screen.queryByText(/changed slightly/)).toBeNull()
    expect(screen.queryByText(/no longer in the article/)).toBeNull()
  })

  it('still finds a passage after a small edit and says it has changed slightly', () => {
    const original = fixtureArticle()
    const sel = selectorFor(original, 'p1', 'Dock workers walked out on Monday')
    const edited = fixtureArticle({
      paragraphs: original.paragraphs.map((p) =>
        p.id === 'p1' ? { ...p, text: p.text.replace('walked out on Monday', 'walked off on Monday') } : p,
      ),
    })
    linked(edited, sel)
    expect(document.querySelector('#p1 mark.passage')?.textContent).toBe('Dock workers walked off on Monday')
    const note = within(document.getElementById('p1')!).getByRole('status')
    expect(note).toHaveTextContent('This passage has changed slightly since the link was made.')
  })

  it('says plainly when the passage is no longer in the article', () => {
    const article = fixtureArticle()
    linked(article, encodeSelector(createSelector('Zebras quietly annexed the moon.', 0, 32, 'p2')!))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Dock workers strike')
    expect(screen.getByText('This passage is no longer in the article.').closest('[role="status"]')).not.toBe(
      null,
    )
    expect(document.querySelector('mark.passage')).toBeNull()
  })

  it.each([
    ['cut short', (s: string) => s.slice(0, -3)],
    ['from a future format', (s: string) => `2${s.slice(1)}`],
    ['with markup in it', () => '<img src=x onerror=alert(1)>'],
  ])('treats a damaged link (%s) the same way, without an error', (_name, damage) => {
    const article = fixtureArticle()
    const error = vi.spyOn(console, 'error')
    linked(article, damage(selectorFor(article, 'p2', 'Not one ship')))
    expect(screen.getByText('This passage is no longer in the article.')).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
    expect(error).not.toHaveBeenCalled()
  })

  it('shows the article as usual for an empty sel=', () => {
    renderReader(fixtureArticle(), '/article/harbour-strike?sel=')
    expect(screen.queryByText(/no longer in the article/)).toBeNull()
    expect(document.querySelector('mark.passage')).toBeNull()
  })
})

describe('how a quote’s details explain its attribution', () => {
  async function openDetails(article: Article, quoteId: string) {
    const user = userEvent.setup()
    renderReader(article)
    await user.click(document.querySelector<HTMLElement>(`[data-chip-for="${quoteId}"]`)!)
    return document.getElementById(`${quoteId}-details`)!
  }

  it('says a headline echo repeats the words of a quote by that person, and where', async () => {
    const echo: Quote = {
      ...fixtureQuotes[0]!,
      cue: { text: '', verb: 'echo', paragraphId: 'p2', start: 0, end: 10, method: 'echo' },
    }
    const details = await openDetails(fixtureArticle({ quotes: [echo, ...fixtureQuotes.slice(1)] }), echo.id)
    expect(details).toHaveTextContent('Same words as a quote by Mara Quinn in paragraph 2')
  })

  it('says the speaker was not identified and shows the words that attribute the quote', async () => {
    const q7 = fixtureQuotes.find((q) => q.id === 'q7')!
    const unnamed: Quote = {
      ...q7,
      cue: {
        text: 'one shipping agent said',
        verb: 'said',
        paragraphId: 'p5',
        start: 28,
        end: 51,
        method: 'none',
      },
    }
    const details = await openDetails(
      fixtureArticle({ quotes: fixtureQuotes.map((q) => (q.id === 'q7' ? unnamed : q)) }),
      'q7',
    )
    expect(details).toHaveTextContent('Speaker not identified')
    expect(details).toHaveTextContent('one shipping agent said')
  })
})
