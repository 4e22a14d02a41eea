import { describe, expect, it } from 'vitest'
import { bestSnippet, foldTerm } from './search-snippet'

const marked = (s: ReturnType<typeof bestSnippet>) => s!.marks.map(([a, b]) => s!.text.slice(a, b))

describe('bestSnippet', () => {
  const body =
    'The council met on Monday. Dock workers voted to strike after the port talks failed. ' +
    'A spokeswoman for the port said talks would resume.'

  it('shows the sentence with the most of the searched words, with each of them marked', () => {
    const s = bestSnippet(body, new Set(['port', 'strike']))
    expect(s!.text).toBe('Dock workers voted to strike after the port talks failed.')
    expect(marked(s)).toEqual(['strike', 'port'])
  })

  it('matches whatever the case and accents, as the search does', () => {
    const s = bestSnippet('Rain fell on São Paulo. Nothing else.', new Set([foldTerm('SAO')]))
    expect(marked(s)).toEqual(['São'])
  })

  it('gives no snippet when only the headline or deck matched', () => {
    expect(bestSnippet(body, new Set(['harbour']))).toBeNull()
  })

  it('cuts a long sentence around its first match and keeps the marks on the right words', () => {
    const long = `${'Words that say little '.repeat(20)}and then the flood came ${'and more words '.repeat(20)}.`
    const s = bestSnippet(long, new Set(['flood']))!
    expect(s.text.length).toBeLessThanOrEqual(222)
    expect(s.text.startsWith('…')).toBe(true)
    expect(marked(s)).toEqual(['flood'])
  })
})
