/// <reference lib="webworker" />
/**
 * The library's search, off the main thread: downloading, validating and indexing search.json (megabytes for
 * a large library) and answering queries never blocks scrolling or typing.
 */
import { getSearchDocuments } from '../../lib/data/get-search'
import { toFailure } from './search-engine'
import { createSearchIndex, type ArticleSearchIndex } from './search-index'
import type { SearchRequest, SearchResponse } from './search-protocol'
import { searchArticleIds } from './search-results'

const scope = globalThis as unknown as DedicatedWorkerGlobalScope
let index: Promise<ArticleSearchIndex> | null = null

function load(): Promise<ArticleSearchIndex> {
  index ??= getSearchDocuments().then((docs) => createSearchIndex(docs, { yieldBetweenChunks: false }))
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
        ? { id: request.id, type: 'loaded', count: ready.documentCount }
        : { id: request.id, type: 'results', ids: searchArticleIds(ready, request.query) }
  } catch (error) {
    response = { id: request.id, type: 'error', error: toFailure(error) }
  }
  scope.postMessage(response)
})
