/// <reference lib="webworker" />
/**
 * The library's search, off the main thread: downloading, validating and indexing search.json (megabytes for
 * a large library) and answering queries never blocks scrolling or typing.
 */
import { getSearchDocuments } from '../../lib/data/get-search'
import { toFailure } from './search-engine'
import { createSearchIndex, type ArticleSearchIndex } from './search-index'
import type { SearchRequest, SearchResponse } from './search-protocol'
import { searchArticles } from './search-results'

const scope = globalThis as unknown as DedicatedWorkerGlobalScope
type Loaded = { index: ArticleSearchIndex; bodies: Map<string, string> }
let index: Promise<Loaded> | null = null

function load(): Promise<Loaded> {
  index ??= getSearchDocuments().then(async (docs) => ({
    index: await createSearchIndex(docs, { yieldBetweenChunks: false }),
    bodies: new Map(docs.map((d) => [d.id, d.body] as const)),
  }))
  // A failed load may succeed later (Try again): forget it.
  index.catch(() => {
    index = null
  })
  return index
}

scope.addEventListener('message', async (event: MessageEvent<SearchRequest>) => {
  const request = event.data
  let response: SearchResponse
  try {
    const ready = await load()
    response =
      request.type === 'load'
        ? { id: request.id, type: 'loaded', count: ready.index.documentCount }
        : { id: request.id, type: 'results', hits: searchArticles(ready.index, ready.bodies, request.query) }
  } catch (error) {
    response = { id: request.id, type: 'error', error: toFailure(error) }
  }
  scope.postMessage(response)
})
