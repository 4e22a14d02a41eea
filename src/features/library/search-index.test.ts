import { describe, expect, it } from 'vitest'
import { searchDocuments } from './library-fixture'
import { createSearchIndex } from './search-index'
import { searchArticleIds } from './search-results'

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

  it('returns nothing for an empty query or one that matches nothing', async () => {
    const index = await createSearchIndex(searchDocuments, { yieldBetweenChunks: true })
    expect(searchArticleIds(index, '   ')).toEqual([])
    expect(searchArticleIds(index, 'zeppelin')).toEqual([])
  })
})
