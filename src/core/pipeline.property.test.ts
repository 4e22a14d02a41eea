import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articleBlocks, buildArticle, IngestError } from './pipeline'
import type { Article } from './schema'
import { anyText, articleText, scrapedText } from './text-arbitraries'

const meta = { outlet: null, sourceUrl: null, storyId: null }

/** The article, or the IngestError code; anything else thrown fails the property. */
function attempt(raw: string): Article | string {
  try {
    return buildArticle(raw, meta)
  } catch (error) {
    if (error instanceof IngestError) return error.code
    throw error
  }
}

function checkOffsets(article: Article): void {
  const blocks = new Map(articleBlocks(article).map((b) => [b.id, b.text]))
  const inside = (span: { paragraphId: string; start: number; end: number }) => {
    const text = blocks.get(span.paragraphId)
    expect(text, `block ${span.paragraphId}`).toBeDefined()
    expect(span.start).toBeGreaterThanOrEqual(0)
    expect(span.end).toBeGreaterThanOrEqual(span.start)
    expect(span.end).toBeLessThanOrEqual(text!.length)
    return text!
  }
  for (const s of article.sentences) {
    const text = inside(s).slice(s.start, s.end)
    expect(text.length).toBeGreaterThan(0)
    expect(text).toBe(text.trim())
  }
  for (const q of article.quotes) {
    inside(q)
    if (q.cue) inside(q.cue)
  }
  for (const e of article.entities) for (const m of e.mentions) inside(m)
  for (const p of article.paragraphs) expect(p.text.trim()).toBe(p.text)
}

describe('the pipeline on arbitrary text', () => {
  it.each([
    ['any string', anyText],
    ['scraped-looking text', scrapedText()],
    ['article-shaped text', articleText],
  ])('never throws anything but an IngestError on %s', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (raw) => {
        attempt(raw)
      }),
      { numRuns: 300 },
    )
  })

  it('points every sentence, quote, cue and entity mention inside its block', () => {
    fc.assert(
      fc.property(fc.oneof(articleText, scrapedText()), (raw) => {
        const result = attempt(raw)
        if (typeof result !== 'string') checkOffsets(result)
      }),
      { numRuns: 300 },
    )
  })

  it('gives the same output twice for the same input', () => {
    fc.assert(
      fc.property(fc.oneof(articleText, scrapedText(), anyText), (raw) => {
        expect(JSON.stringify(attempt(raw))).toBe(JSON.stringify(attempt(raw)))
      }),
      { numRuns: 200 },
    )
  })

  it('builds an article from most article-shaped texts (the generator is not all rejects)', () => {
    const built = fc
      .sample(articleText, { numRuns: 200, seed: 42 })
      .filter((raw) => typeof attempt(raw) !== 'string').length
    expect(built).toBeGreaterThan(100)
  })
})
