import { describe, expect, it } from 'vitest'
import { buildArticle, IngestError } from './pipeline'

const meta = { id: 'x', storyId: null, outlet: null, sourceUrl: null }

function refusal(text: string): IngestError {
  try {
    buildArticle(text, meta)
  } catch (e) {
    if (e instanceof IngestError) return e
    throw e
  }
  throw new Error('the text was accepted')
}

describe('what a refused text is told', () => {
  it('keeps a page of nothing but short quotations as the body, under its title', () => {
    const article = buildArticle(
      'Quotes of the week\n“Never give up.”\n“Keep going.”\n“Stay strong, whatever happens.”',
      meta,
    )
    expect(article.headline).toBe('Quotes of the week')
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      '“Never give up.”',
      '“Keep going.”',
      '“Stay strong, whatever happens.”',
    ])
  })

  it('says a lone quotation has no title line, not that it was page furniture', () => {
    const e = refusal(
      '“We will be back at the table on Monday,” she said. “Nobody wants another winter of strikes.”',
    )
    expect(e.code).toBe('no-headline')
    expect(e.message).toContain('no title line above it')
    expect(e.message).not.toContain('furniture')
  })

  it('says a text with only a title line has nothing after it', () => {
    const e = refusal('Harbour strike ends after nine days')
    expect(e.code).toBe('no-body')
    expect(e.message).toContain('nothing after its title line')
  })

  it('names the kinds of furniture when furniture is all that followed the headline', () => {
    const e = refusal('Harbour strike ends after nine days\nSubscribe\nShare\nAdvertisement')
    expect(e.code).toBe('no-body')
    expect(e.message).toMatch(/read as page furniture \(.*social.*\)/)
  })
})
