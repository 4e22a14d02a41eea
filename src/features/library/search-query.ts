import { queryOptions } from '@tanstack/react-query'
import { getSearchDocuments } from '../../lib/data/get-search'

/**
 * The ready-to-query search index, cached for the session. The documents and MiniSearch are both loaded
 * here, on demand, in parallel.
 */
export const searchIndexQueryOptions = () =>
  queryOptions({
    queryKey: ['search', 'index'] as const,
    queryFn: async ({ signal }) => {
      const [documents, { createSearchIndex }] = await Promise.all([
        getSearchDocuments(signal),
        import('./search-index'),
      ])
      return createSearchIndex(documents)
    },
    staleTime: Infinity,
    // A MiniSearch instance is not plain data; never try to merge it with a previous result.
    structuralSharing: false,
  })
