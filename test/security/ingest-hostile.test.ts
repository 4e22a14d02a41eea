import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { cleanArticle } from '../../src/core/clean'
import { buildArticle } from '../../src/core/pipeline'
import { articleSchema, safeUrlSchema, sourceEntrySchema } from '../../src/core/schema'
import { safeHref } from '../../src/lib/safe-url'
import { articleText, denseRawArticle, hostileCorpus, payloadPlaces, proseRawArticle } from './hostile-corpus'
import { comparable, loadPayloads } from './payloads'

const payloads = loadPayloads()
const prose = hostileCorpus(payloads, 'prose')
const dense = hostileCorpus(payloads, 'dense')

describe('hostile text through the ingest pipeline', () => {
  it('has at least 50 distinct payloads, enough for every part of an article to get several', () => {
    expect(new Set(payloads).size).toBe(payloads.length)
    expect(payloads.length).toBeGreaterThanOrEqual(Math.max(50, payloadPlaces.length * 5))
  })

  it('turns every payload-laden article into a valid article', () => {
    expect(prose.articles).toHaveLength(payloads.length)
    expect(dense.articles).toHaveLength(Math.ceil(payloads.length / 6))
    for (const article of [...prose.articles, ...dense.articles]) {
      expect(v.is(articleSchema, article)).toBe(true)
    }
  })

  it('keeps a line of markup that a news article quotes, word for word, as text', () => {
    for (const [n, article] of prose.articles.entries()) {
      const [payload] = prose.payloadsOf.get(article.id)!
      // A payload alone on a line above the headline may be taken for page navigation, and a short line
      // with a template placeholder for template furniture; then the cleaner must have logged that line
      // as removed, never dropped it silently or cut the payload in half.
      const removed = cleanArticle(proseRawArticle(payload!, n)).removed.map((r) => comparable(r.text))
      if (removed.some((line) => line.includes(comparable(payload!)))) continue
      expect(
        comparable(articleText(article)),
        `${article.id} lost or changed ${JSON.stringify(payload)}`,
      ).toContain(comparable(payload!))
    }
  })

  it('gives quotes, sentences, cues and entity mentions offsets inside their own block', () => {
    for (const article of [...prose.articles, ...dense.articles]) {
      const blocks = new Map(article.paragraphs.map((p) => [p.id, p.text]))
      if (!blocks.has('headline')) blocks.set('headline', article.headline)
      if (article.deck && !blocks.has('deck')) blocks.set('deck', article.deck)
      const spans = [
        ...article.quotes,
        ...article.sentences,
        ...article.entities.flatMap((e) => e.mentions),
        ...article.quotes.flatMap((q) => (q.cue ? [q.cue] : [])),
      ]
      for (const span of spans) {
        const text = blocks.get(span.paragraphId)
        expect(text, `${article.id}: no block ${span.paragraphId}`).toBeDefined()
        expect(span.start).toBeLessThanOrEqual(span.end)
        expect(span.end).toBeLessThanOrEqual(text!.length)
      }
      for (const quote of article.quotes) {
        expect(blocks.get(quote.paragraphId)!.slice(quote.start, quote.end)).toBe(quote.text)
      }
    }
  })

  it('builds the same article from the same hostile text twice', () => {
    const raw = denseRawArticle(payloads.slice(0, 6), 1)
    const meta = { id: 'twice', outlet: null, sourceUrl: null, storyId: null, published: null }
    expect(buildArticle(raw, meta)).toEqual(buildArticle(raw, meta))
  })
})

describe('hostile values where the data holds URLs', () => {
  it('refuses every payload as an article source URL in the data contract', () => {
    for (const payload of payloads) {
      expect(v.is(safeUrlSchema, payload), payload).toBe(false)
      const entry = { file: 'raw/x.txt', outlet: null, sourceUrl: payload, storyId: null }
      expect(v.is(sourceEntrySchema, entry), payload).toBe(false)
    }
  })

  it('turns no payload into a link that runs script or leaves for another scheme', () => {
    for (const payload of payloads) {
      const href = safeHref(payload, 'https://parallax.example/article/a')
      // Only a same-origin path can come out of a payload; never a scheme of its own.
      if (href !== null) expect(href, payload).toMatch(/^\/(?!\/)/)
      if (/^\s*(?:javascript|data|vbscript):/i.test(payload)) expect(href, payload).toBeNull()
    }
  })
})
