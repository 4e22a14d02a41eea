import { queryOptions } from '@tanstack/react-query'
import type { SearchEngine } from './search-engine'

/**
 * The ready search engine, cached for the session. Created on the first search: the worker client (and,
 * through it, the worker with MiniSearch and search.json) is only downloaded then.
 */
export const searchEngineQueryOptions = () =>
  queryOptions({
    queryKey: ['search', 'engine'] as const,
    queryFn: async ({ signal }) => {
      const { createSearchEngine } = await import('./search-worker-client')
      return createSearchEngine(signal)
    },
    staleTime: Infinity,
    // An engine is not plain data; never try to merge it with a previous result.
    structuralSharing: false,
  })

/** The articles matching one query, cached per query (typing back and forth does not search again). */
export const searchResultsQueryOptions = (engine: SearchEngine | undefined, query: string) =>
  queryOptions({
    queryKey: ['search', 'results', query] as const,
    queryFn: () => engine!.search(query),
    enabled: engine !== undefined && query !== '',
    staleTime: Infinity,
  })
