import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { linkedomDocument } from '../../ingest/page/linkedom-document'
import { analyse } from './analyse'
import type { ArticleMeta } from './analyse-protocol'
import { emptyMetaFields, readMeta } from './article-meta'
import { draftFrom, headlineChoices, withPublished } from './draft'
import { decodeFile, InputError, jobFor } from './read-input'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const meta: ArticleMeta = { outlet: null, sourceUrl: null, published: null, storyId: null }
const job = (text: string, fileName: string | null = null) => jobFor(text, fileName, meta, linkedomDocument)

describe('reading what the reader gives', () => {
  it('refuses an empty paste, saying what to do', () => {
    expect(() => job('  \n ')).toThrow(/Paste the text of an article/)
  })

  it('refuses a 5 MB paste before any analysis', () => {
    expect(() => job('word '.repeat(1_000_000))).toThrow(/5,000,000 characters long/)
  })

  it('refuses binary bytes and NUL characters as not text', () => {
    expect(() => decodeFile(new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).toThrow(/not UTF-8 text/)
    expect(() => decodeFile(new TextEncoder().encode('abc\u0000def'))).toThrow(/NUL/)
    expect(() => decodeFile(new Uint8Array())).toThrow(/empty/)
  })

  it('refuses HTML nested 5,000 levels deep with the extraction’s reason', () => {
    const deep = `<html><body>${'<div>'.repeat(5000)}text${'</div>'.repeat(5000)}</body></html>`
    expect(() => job(deep, 'deep.html')).toThrow(InputError)
    expect(() => job(deep, 'deep.html')).toThrow(/nested more than 200 levels deep/)
  })

  it('refuses a page with no article', () => {
    const page = '<!doctype html><html><head><title>Home</title></head><body><nav>Home</nav></body></html>'
    expect(() => analyse(job(page))).toThrow(/no article was found|no body paragraphs|no headline/)
  })

  it('accepts only http(s) addresses as the original URL', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '/local/path', 'ftp://example.org/a']) {
      expect(readMeta({ ...emptyMetaFields, url })).toMatchObject({ ok: false })
    }
    expect(readMeta({ ...emptyMetaFields, url: ' https://example.org/a?b=1 ' })).toEqual({
      ok: true,
      meta: { outlet: null, sourceUrl: 'https://example.org/a?b=1', published: null, storyId: null },
    })
    expect(readMeta({ ...emptyMetaFields, published: '14/03/2026' })).toMatchObject({ ok: false })
  })
})

describe('the analysis', () => {
  it('finds the pasted article’s headline, date and quotes with their speakers, and the lines left out', () => {
    const { article, removed } = analyse(job(fixture('harbour-ferry.txt')))
    expect(article.headline).toBe('Harbour ferry returns after winter repairs')
    expect(article.published).toBe('2026-03-14')
    const names = new Map(article.speakers.map((s) => [s.id, s.name]))
    expect(article.quotes.map((q) => q.speakerId && names.get(q.speakerId))).toEqual([
      'Tomas Eriksen',
      'Elin Berg',
    ])
    expect(removed.map((r) => r.text)).toContain('Share this article on Facebook')
  })

  it('reads a saved page through the same extraction as the CLI, without its script or navigation', () => {
    const { article } = analyse(job(fixture('library-opening.html'), 'library-opening.html'))
    expect(article.headline).toBe('Town library reopens with longer hours')
    expect(article.quotes).toHaveLength(2)
    expect(JSON.stringify(article)).not.toMatch(/script ran|img ran|Home/)
  })

  it('rebuilds the article around the line the reader chose as the headline', () => {
    const base = analyse(job(fixture('harbour-ferry.txt')))
    const line = base.article.paragraphs[2]!.text
    const chosen = analyse({ kind: 'headline', article: base.article, headline: line, meta })
    expect(chosen.article.headline).toBe(line)
    expect(chosen.article.paragraphs.map((p) => p.text)).not.toContain(line)
    expect(chosen.article.id).toBe(base.article.id)
    expect(chosen.removed).toEqual([{ text: base.article.headline, reason: 'replaced-as-headline' }])
  })
})

describe('the reader’s corrections', () => {
  const base = analyse(job(fixture('harbour-ferry.txt')))
  const origin = { kind: 'paste', fileName: null } as const

  it('offers the headline found first, then short lines, never a long paragraph', () => {
    const choices = headlineChoices(base)
    expect(choices[0]).toBe(base.article.headline)
    expect(choices).toContain('Share this article on Facebook')
    expect(choices.every((c) => c.split(' ').length <= 40)).toBe(true)
  })

  it('records a corrected date as the reader’s, and forgets it when set back', () => {
    const draft = draftFrom(base, origin, base.article.headline, null)
    const corrected = withPublished(draft, '2026-03-14', '2026-03-15')
    expect(corrected.article.published).toBe('2026-03-15')
    expect(corrected.corrections.published).toEqual({ extracted: '2026-03-14', chosen: '2026-03-15' })
    expect(withPublished(corrected, '2026-03-14', '2026-03-14').corrections).toEqual({})
    expect(withPublished(draft, '2026-03-14', 'not a date')).toBe(draft)
  })

  it('keeps the reader’s date when the headline changes, and marks the headline as theirs', () => {
    const dated = withPublished(
      draftFrom(base, origin, base.article.headline, null),
      '2026-03-14',
      '2026-01-01',
    )
    const line = base.article.paragraphs[2]!.text
    const next = analyse({ kind: 'headline', article: base.article, headline: line, meta })
    const draft = draftFrom(next, origin, base.article.headline, dated)
    expect(draft.corrections).toEqual({
      headline: { extracted: base.article.headline, chosen: line },
      published: { extracted: '2026-03-14', chosen: '2026-01-01' },
    })
    expect(draft.article.published).toBe('2026-01-01')
  })
})
