import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { searchEngineQueryOptions, searchResultsQueryOptions } from './search-query'

export type LibrarySearch =
  | { status: 'idle'; matchIds: null }
  | { status: 'loading'; matchIds: null }
  | { status: 'error'; matchIds: null; retry: () => void }
  | { status: 'ready'; matchIds: ReadonlySet<string> }

/** Article ids matching `q`; starts the search engine the first time `q` is not empty. */
export function useLibrarySearch(q: string): LibrarySearch {
  const enabled = q !== ''
  const engine = useQuery({ ...searchEngineQueryOptions(), enabled })
  const results = useQuery({
    ...searchResultsQueryOptions(engine.data, q),
    // While the next query runs, keep showing the last results rather than flashing "Searching…".
    placeholderData: keepPreviousData,
  })
  const ids = results.data
  const matchIds = useMemo(() => (enabled && ids ? new Set(ids) : null), [enabled, ids])
  if (!enabled) return { status: 'idle', matchIds: null }
  if (engine.isError) return { status: 'error', matchIds: null, retry: () => void engine.refetch() }
  if (results.isError) return { status: 'error', matchIds: null, retry: () => void results.refetch() }
  if (matchIds) return { status: 'ready', matchIds }
  return { status: 'loading', matchIds: null }
}
