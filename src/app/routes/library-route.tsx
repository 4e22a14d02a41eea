import type { QueryClient } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { LibraryView } from '../../features/library/library-view'
import { YourArticles } from '../../features/own/your-articles'
import { readLibraryFilters } from '../../features/library/library-params'
import { searchEngineQueryOptions } from '../../features/library/search-query'
import { indexQueryOptions, useIndex } from '../../lib/data/get-index'
import { DocumentTitle } from '../../ui/document-title'

export function preload(queryClient: QueryClient, _params: unknown, search: URLSearchParams) {
  // A shared search link starts loading the search index at once; never wait for it (or fail on it):
  // the list renders and shows "Searching…" until the index is ready.
  if (readLibraryFilters(search).q) void queryClient.prefetchQuery(searchEngineQueryOptions())
  return queryClient.ensureQueryData(indexQueryOptions())
}

function libraryTitle(params: URLSearchParams): string {
  const { q, outlet, speaker, from, to } = readLibraryFilters(params)
  if (q) return `“${q}” — Library`
  if (outlet || speaker || from || to) return 'Filtered library'
  return 'Library'
}

export function Component() {
  const index = useIndex()
  const [searchParams] = useSearchParams()
  return (
    <>
      <DocumentTitle title={libraryTitle(searchParams)} />
      <LibraryView index={index} ownArticles={<YourArticles />} />
    </>
  )
}
