import { describe, expect, it } from 'vitest'
import { searchDocuments } from './library-fixture'
import { createSearchIndex } from './search-index'
import { searchArticles } from './search-results'

const bodies = new Map(searchDocuments.map((d) => [d.id, d.body] as const))
const searchArticleIds = (index: Awaited<ReturnType<typeof createSearchIndex>>, q: string) =>
  searchArticles(index, bodies, q).map((hit) => hit.id)

describe('library search', () => {
  it('finds words in the headline, the deck and the body', async () => {
    const index = await createSearchIndex(searchDocuments, { yieldBetweenChunks: true })
    expect(searchArticleIds(index, 'strike').sort()).toEqual(['lone', 'strike-a', 'strike-c'])
    expect(searchArticleIds(index, 'last resort')).toEqual(['strike-a'])
    expect(searchArticleIds(index, 'sandbags')).toEqual(['flood-a'])
  })

  it('ranks a match in the headline above one only in the body', async () => {
    const index = await createSearchIndex(searchDocuments, { yieldBetweenChunks: true })
    // "strike" is in two headlines and in one body.
    expect(searchArticleIds(index, 'strike').at(-1)).toBe('lone')
  })

  it('needs every word to match, the last one as a prefix while it is typed', async () => {
    const index = await createSearchIndex(searchDocuments, { yieldBetweenChunks: true })
    expect(searchArticleIds(index, 'harbour los').sort()).toEqual(['strike-c'])
    expect(new Set(searchArticleIds(index, 'harbour'))).toEqual(new Set(['strike-a', 'strike-c', 'lone']))
  })

  it('ignores case and accents, and forgives a typo in a long word', async () => {
    const index = await createSearchIndex(searchDocuments, { yieldBetweenChunks: true })
    expect(searchArticleIds(index, 'PYONGYANG')).toEqual(['strike-a'])
    expect(searchArticleIds(index, 'lighthuose')).toEqual(['lone'])
  })

  it('gives each result found in its body the sentence that matched, with the searched words marked', async () => {
    const index = await createSearchIndex(searchDocuments, { yieldBetweenChunks: true })
    const [hit] = searchArticles(index, bodies, 'sandbags')
    expect(hit?.snippet?.text).toMatch(/sandbags/i)
    const [start, end] = hit!.snippet!.marks[0]!
    expect(hit!.snippet!.text.slice(start, end).toLowerCase()).toBe('sandbags')
  })

  it('returns nothing for an empty query or one that matches nothing', async () => {
    const index = await createSearchIndex(searchDocuments, { yieldBetweenChunks: true })
    expect(searchArticleIds(index, '   ')).toEqual([])
    expect(searchArticleIds(index, 'zeppelin')).toEqual([])
  })
})
