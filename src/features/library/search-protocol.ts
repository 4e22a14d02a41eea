import type { SearchHit } from './search-results'

/** Messages between the library and its search worker. */
export type SearchRequestBody = { type: 'load' } | { type: 'search'; query: string }
export type SearchRequest = SearchRequestBody & { id: number }

/** A failure that crosses the worker boundary (DataError's class does not survive postMessage). */
export type SearchFailure = {
  kind: 'not-found' | 'network' | 'invalid' | 'other'
  url: string
  message: string
}

export type SearchResponse =
  | { id: number; type: 'loaded'; count: number }
  | { id: number; type: 'results'; hits: SearchHit[] }
  | { id: number; type: 'error'; error: SearchFailure }
