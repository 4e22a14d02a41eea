import { getSearchDocuments } from '../../lib/data/get-search'
import { DataError } from '../../lib/data/fetch-json'
import type { SearchFailure } from './search-protocol'
import type { SearchHit } from './search-results'

/** What the library needs from search: the matching articles, best first, each with its best sentence. */
export type SearchEngine = { search: (query: string) => Promise<SearchHit[]> }

export function toFailure(error: unknown): SearchFailure {
  if (error instanceof DataError) return { kind: error.kind, url: error.url, message: error.message }
  return { kind: 'other', url: '', message: error instanceof Error ? error.message : String(error) }
}

export function fromFailure(failure: SearchFailure): Error {
  return failure.kind === 'other'
    ? new Error(failure.message)
    : new DataError(failure.kind, failure.url, failure.message)
}

/** Search on the main thread, for browsers (and tests) without module workers. Indexing yields as it goes. */
export async function createMainThreadEngine(signal?: AbortSignal): Promise<SearchEngine> {
  const [documents, { createSearchIndex }, { searchArticles }] = await Promise.all([
    getSearchDocuments(signal),
    import('./search-index'),
    import('./search-results'),
  ])
  const index = await createSearchIndex(documents, { yieldBetweenChunks: true })
  const bodies = new Map(documents.map((d) => [d.id, d.body] as const))
  return { search: async (query) => searchArticles(index, bodies, query) }
}
