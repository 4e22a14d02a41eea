import { afterEach, describe, expect, it, vi } from 'vitest'
import { SCHEMA_VERSION, type Article, type ArticleIndex, type Comparison } from '../../core/schema'
import { DataError } from './fetch-json'
import { getComparison, getEvidence, isBundledPair } from './get-comparison'

const index: ArticleIndex = {
  schemaVersion: SCHEMA_VERSION,
  stories: [{ id: 'bridge', title: 'Bridge', date: null, articleIds: ['a', 'b'] }],
  articles: [],
}
const article = (id: string) => ({ id }) as Article
const comparison = (leftId: string, rightId: string): Comparison => ({
  schemaVersion: SCHEMA_VERSION,
  leftId,
  rightId,
  links: [],
  onlyLeft: [],
  onlyRight: [],
})

function options() {
  return {
    loadArticle: vi.fn(async (id: string) => article(id)),
    loadIndex: vi.fn(async () => index),
    align: vi.fn(async (l: Article, r: Article) => ({
      ...comparison(l.id, r.id),
      onlyLeft: [{ paragraphId: 'p1', start: 0, end: 1 }],
    })),
  }
}

function mockFetch(respond: (url: string) => Response) {
  const fetchMock = vi.fn(async (url: string | URL | Request) => respond(String(url)))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

afterEach(() => vi.unstubAllGlobals())

describe('loading a comparison', () => {
  it('uses the file the build wrote for two articles of the same story', async () => {
    const fetchMock = mockFetch(() => Response.json(comparison('a', 'b')))
    const opts = options()
    await expect(getComparison('a', 'b', opts)).resolves.toEqual(comparison('a', 'b'))
    expect(fetchMock.mock.calls[0]?.[0]).toMatch(/data\/compare\/a--b\.json$/)
    expect(opts.align).not.toHaveBeenCalled()
  })

  it('computes the links for articles of different stories without asking for a file that cannot exist', async () => {
    const fetchMock = mockFetch(() => new Response('', { status: 404 }))
    const opts = options()
    const result = await getComparison('a', 'c', opts)
    expect(fetchMock).not.toHaveBeenCalled()
    expect(opts.align).toHaveBeenCalledWith(article('a'), article('c'), undefined)
    expect(result.onlyLeft).toHaveLength(1)
  })

  it('computes the links when the bundled file is missing or is a host’s HTML page', async () => {
    for (const response of [
      new Response('', { status: 404 }),
      new Response('<!doctype html>', { status: 200 }),
    ]) {
      mockFetch(() => response)
      const opts = options()
      await expect(getComparison('a', 'b', opts)).resolves.toMatchObject({ leftId: 'a', rightId: 'b' })
      expect(opts.align).toHaveBeenCalledOnce()
    }
  })

  it('does not trust a file that names other articles', async () => {
    mockFetch(() => Response.json(comparison('b', 'a')))
    const opts = options()
    await getComparison('a', 'b', opts)
    expect(opts.align).toHaveBeenCalledOnce()
  })

  it('treats an address that is not an article id as not found, without fetching', async () => {
    const fetchMock = mockFetch(() => Response.json({}))
    await expect(getComparison('../x', 'b', options())).rejects.toBeInstanceOf(DataError)
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('knows which pairs the build bundles', () => {
    expect(isBundledPair(index, 'a', 'b')).toBe(true)
    expect(isBundledPair(index, 'b', 'a')).toBe(true)
    expect(isBundledPair(index, 'a', 'a')).toBe(false)
    expect(isBundledPair(index, 'a', 'c')).toBe(false)
  })
})

describe('loading the evidence of a bundled comparison', () => {
  const evidenceFile = (leftId: string, rightId: string) => ({
    schemaVersion: SCHEMA_VERSION,
    leftId,
    rightId,
    evidence: {
      l1: {
        sharedTerms: ['bridge'],
        sharedEntities: [],
        sharedNumbers: [],
        quoteOverlap: null,
        note: 'Both say bridge.',
        left: { paragraphId: 'p1', start: 0, end: 6 },
        right: { paragraphId: 'p2', start: 4, end: 10 },
      },
    },
  })

  it('reads the file the build wrote beside the comparison, by link id', async () => {
    const fetchMock = mockFetch(() => Response.json(evidenceFile('a', 'b')))
    await expect(getEvidence('a', 'b')).resolves.toMatchObject({ l1: { note: 'Both say bridge.' } })
    expect(fetchMock.mock.calls[0]?.[0]).toMatch(/data\/evidence\/a--b\.json$/)
  })

  it('refuses a file that names other articles or breaks the format, with a clear message', async () => {
    mockFetch(() => Response.json(evidenceFile('b', 'a')))
    await expect(getEvidence('a', 'b')).rejects.toThrow('The evidence file names other articles.')
    mockFetch(() => Response.json({ ...evidenceFile('a', 'b'), evidence: { nope: {} } }))
    await expect(getEvidence('a', 'b')).rejects.toThrow(/does not match the expected format/)
  })

  it('treats an address that is not an article id as not found, without fetching', async () => {
    const fetchMock = mockFetch(() => Response.json({}))
    await expect(getEvidence('a', '../b')).rejects.toBeInstanceOf(DataError)
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
