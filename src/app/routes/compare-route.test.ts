import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SCHEMA_VERSION, type ArticleIndex } from '../../core/schema'
import { preload } from './compare-route'

const index: ArticleIndex = {
  schemaVersion: SCHEMA_VERSION,
  stories: [{ id: 'bridge', title: 'Bridge', date: null, articleIds: ['a', 'b'] }],
  articles: [],
}

afterEach(() => vi.unstubAllGlobals())

/** The index answers at once; every other file never arrives (a slow connection). Returns what was asked for. */
function slowConnection(): string[] {
  const requested: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string | URL | Request) => {
      requested.push(String(url))
      return /index\.json$/.test(String(url)) ? Promise.resolve(Response.json(index)) : new Promise(() => {})
    }),
  )
  return requested
}

describe('opening a comparison', () => {
  it('asks for a bundled pair’s comparison file without waiting for the two articles', async () => {
    const requested = slowConnection()
    void preload(new QueryClient(), { leftId: 'a', rightId: 'b' })
    await vi.waitFor(() => expect(requested.some((u) => /data\/compare\/a--b\.json$/.test(u))).toBe(true))
    expect(requested.filter((u) => /data\/articles\/[ab]\.json$/.test(u))).toHaveLength(2)
  })

  it('asks for no comparison when both sides are the same article', async () => {
    const requested = slowConnection()
    void preload(new QueryClient(), { leftId: 'a', rightId: 'a' })
    await vi.waitFor(() => expect(requested.some((u) => /articles\/a\.json$/.test(u))).toBe(true))
    await new Promise((r) => setTimeout(r, 20))
    expect(requested.some((u) => u.includes('/compare/'))).toBe(false)
  })
})
