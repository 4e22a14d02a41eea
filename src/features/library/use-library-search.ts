import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { searchEngineQueryOptions, searchResultsQueryOptions } from './search-query'
import type { Snippet } from './search-snippet'

export type LibrarySearch =
  | { status: 'idle'; matchIds: null; snippets: null }
  | { status: 'loading'; matchIds: null; snippets: null }
  | { status: 'error'; matchIds: null; snippets: null; retry: () => void }
  | { status: 'ready'; matchIds: ReadonlySet<string>; snippets: ReadonlyMap<string, Snippet> }

/** Article ids matching `q`; starts the search engine the first time `q` is not empty. */
export function useLibrarySearch(q: string): LibrarySearch {
  const enabled = q !== ''
  const engine = useQuery({ ...searchEngineQueryOptions(), enabled })
  const results = useQuery({
    ...searchResultsQueryOptions(engine.data, q),
    // While the next query runs, keep showing the last results rather than flashing "Searching…".
    placeholderData: keepPreviousData,
  })
  const hits = results.data
  const found = useMemo(() => {
    if (!enabled || !hits) return null
    const snippets = new Map<string, Snippet>()
    for (const hit of hits) if (hit.snippet) snippets.set(hit.id, hit.snippet)
    return { matchIds: new Set(hits.map((h) => h.id)), snippets }
  }, [enabled, hits])
  const none = { matchIds: null, snippets: null }
  if (!enabled) return { status: 'idle', ...none }
  if (engine.isError) return { status: 'error', ...none, retry: () => void engine.refetch() }
  if (results.isError) return { status: 'error', ...none, retry: () => void results.refetch() }
  if (found) return { status: 'ready', ...found }
  return { status: 'loading', ...none }
}
