import { describe, expect, it } from 'vitest'
import { analyseArticleQuotes } from './article-quotes'
import { fixtureArticle } from './reader-fixture'
import { readReaderTarget } from './reader-params'

describe('readReaderTarget', () => {
  const quotes = analyseArticleQuotes(fixtureArticle())
  const target = (query: string) => readReaderTarget(new URLSearchParams(query), quotes)

  it('focuses a speaker named by id, or by name as the library links to them', () => {
    expect(target('speaker=mara-quinn').speaker).toBe('mara-quinn')
    expect(target('speaker=Mara%20Quinn').speaker).toBe('mara-quinn')
  })

  it('reports a speaker the article does not quote instead of focusing nobody silently', () => {
    const t = target('speaker=Nobody%20Here')
    expect(t.speaker).toBeNull()
    expect(t.missing).toEqual(['speaker'])
  })
})
