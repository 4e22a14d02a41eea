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
