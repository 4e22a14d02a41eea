import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanArticle } from './clean'

/**
 * Invented pages, one or more kinds of web furniture each (menus and trending bars, captions with credits
 * and gallery counters, "updated at" lines, "Headline | Site" titles, repeated headlines, promos, related
 * lists, comments, playlists, topic menus), with the structure a reader should get from them.
 */
const dir = path.resolve(import.meta.dirname, '../../test/fixtures/text')
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort()

type Expected = {
  headline: string
  deck: string | null
  byline: string | null
  firstParagraph: string
  lastParagraph: string
  paragraphs: number
  /** Lines that must be logged as removed (each inside some removed unit's text). */
  removed: string[]
}

describe('scraped pages with web furniture', () => {
  it('has fixtures to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(4)
  })

  it.each(names)('reads the headline, deck, byline and body of %s', (name) => {
    const text = readFileSync(path.join(dir, `${name}.txt`), 'utf8')
    const want = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Expected
    const clean = cleanArticle(text)
    expect(clean.headline).toBe(want.headline)
    expect(clean.deck).toBe(want.deck)
    expect(clean.byline).toBe(want.byline)
    expect(clean.paragraphs[0]).toBe(want.firstParagraph)
    expect(clean.paragraphs.at(-1)).toBe(want.lastParagraph)
    expect(clean.paragraphs).toHaveLength(want.paragraphs)
  })

  it.each(names)('logs the furniture of %s as removed, with a reason', (name) => {
    const text = readFileSync(path.join(dir, `${name}.txt`), 'utf8')
    const want = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Expected
    const clean = cleanArticle(text)
    for (const line of want.removed) {
      const entry = clean.removed.find((r) => r.text.includes(line))
      expect(entry, `"${line}" is not in the removal log`).toBeDefined()
      expect(entry!.reason).not.toBe('')
    }
    // Nothing removed shows up in the body as well.
    for (const line of want.removed) expect(clean.paragraphs).not.toContain(line)
  })
})
