import { queryOptions } from '@tanstack/react-query'
import { searchDocumentsSchema, type SearchDocument } from '../../core/schema'
import { paths } from '../paths'
import { fetchJson } from './fetch-json'

/** The library's search text (headline, deck, body per article); large, so fetched only on the first search. */
export function getSearchDocuments(signal?: AbortSignal): Promise<SearchDocument[]> {
  return fetchJson(paths.data.search(), searchDocumentsSchema, signal)
}

export const searchDocumentsQueryOptions = () =>
  queryOptions({
    queryKey: ['search', 'documents'] as const,
    queryFn: ({ signal }) => getSearchDocuments(signal),
    staleTime: Infinity,
  })
