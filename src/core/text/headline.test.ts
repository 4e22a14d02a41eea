import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanArticle } from '../clean'

/**
 * Invented page tops in the shapes scraped pages come in (menus and trending bars above the headline,
 * breadcrumbs glued to it, "Site | Headline" title lines, a short headline over a longer subtitle, a
 * one-line summary that is the deck, an "updated at" line, a photo caption with its credit, a headline
 * printed twice): the headline a reader should see, and the deck when the page has one.
 */
const dir = path.resolve(import.meta.dirname, '../../../test/fixtures/text-headline')
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort()

type Expected = { headline: string; deck?: string | null; kicker?: string | null }

describe('the headline of a scraped page', () => {
  it('has fixtures to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(10)
  })

  it.each(names)('is the article headline on %s', (name) => {
    const text = readFileSync(path.join(dir, `${name}.txt`), 'utf8')
    const want = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Expected
    const clean = cleanArticle(text)
    expect(clean.headline).toBe(want.headline)
    if (want.deck !== undefined) expect(clean.deck).toBe(want.deck)
    if (want.kicker !== undefined) expect(clean.kicker).toBe(want.kicker)
    // The headline is never also the first paragraph.
    expect(clean.paragraphs[0]).not.toBe(want.headline)
  })
})

describe('a line that ends with the next one', () => {
  it('keeps a paragraph that ends with the words of the pull quote under it', () => {
    const paragraph =
      'The harbour master said two of the three piers were destroyed and the town needs help to be ready for summer. We will rebuild the harbour before the first ferries return'
    const text = [
      'Storm leaves harbour town counting the cost of repairs',
      'The storm that hit the coast on Sunday night tore boats from their moorings and flooded the streets around the harbour, the town council said on Monday.',
      paragraph,
      'We will rebuild the harbour before the first ferries return',
      'The council has set up a fund for the owners of damaged boats and said the first payments would be made within a month.',
    ].join('\n\n')
    const clean = cleanArticle(text)
    expect(clean.headline).toBe('Storm leaves harbour town counting the cost of repairs')
    expect(clean.paragraphs).toContain(paragraph)
  })
})

describe('a labelled photo caption printed without its punctuation', () => {
  it('is read as a caption, not a paragraph', () => {
    const caption = 'Image caption Delegates arrive for the opening session in Tallinn'
    const text = [
      'Baltic leaders sign pact on shared power grid',
      'The leaders of Estonia, Latvia and Lithuania signed an agreement on Wednesday to connect their power grids to the continental network by the end of next year.',
      caption,
      'The pact commits the three governments to finishing the last two high-voltage lines and to sharing the cost of new backup power plants.',
    ].join('\n\n')
    const clean = cleanArticle(text)
    expect(clean.paragraphs).not.toContain(caption)
    expect(clean.caption?.text).toBe('Delegates arrive for the opening session in Tallinn')
  })
})
