import { queryOptions, useSuspenseQuery } from '@tanstack/react-query'
import { indexSchema, type ArticleIndex } from '../../core/schema'
import { paths } from '../paths'
import { fetchJson } from './fetch-json'

export function getIndex(signal?: AbortSignal): Promise<ArticleIndex> {
  return fetchJson(paths.data.index(), indexSchema, signal)
}

export const indexQueryOptions = () =>
  queryOptions({
    queryKey: ['articles', 'index'] as const,
    queryFn: ({ signal }) => getIndex(signal),
    staleTime: Infinity,
  })

export function useIndex() {
  return useSuspenseQuery(indexQueryOptions()).data
}
