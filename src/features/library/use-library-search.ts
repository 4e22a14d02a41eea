import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { searchIndexQueryOptions } from './search-query'
import { searchArticleIds } from './search-results'

export type LibrarySearch =
  | { status: 'idle'; matchIds: null }
  | { status: 'loading'; matchIds: null }
  | { status: 'error'; matchIds: null; retry: () => void }
  | { status: 'ready'; matchIds: ReadonlySet<string> }

/** Article ids matching `q`; loads the search index the first time `q` is not empty. */
export function useLibrarySearch(q: string): LibrarySearch {
  const enabled = q !== ''
  const { data: index, isError, refetch } = useQuery({ ...searchIndexQueryOptions(), enabled })
  const matchIds = useMemo(
    () => (enabled && index ? new Set(searchArticleIds(index, q)) : null),
    [enabled, index, q],
  )
  if (!enabled) return { status: 'idle', matchIds: null }
  if (matchIds) return { status: 'ready', matchIds }
  if (isError) return { status: 'error', matchIds: null, retry: () => void refetch() }
  return { status: 'loading', matchIds: null }
}
