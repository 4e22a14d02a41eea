/**
 * Reads and writes of the own articles through TanStack Query, so the library, the reader and the add page
 * share one cache: every write invalidates `['own']`. The store is IndexedDB unless a test sets another.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { DataError } from '../../lib/data/fetch-json'
import { idbStore } from './idb-store'
import { byNewest, type OwnArticle } from './own-model'
import type { OwnStore } from './store'

let store: OwnStore = idbStore

/** Tests run against an in-memory store. */
export function setStoreForTests(next: OwnStore): void {
  store = next
}

export function ownStore(): OwnStore {
  return store
}

export const ownListQueryOptions = () =>
  queryOptions({
    queryKey: ['own', 'list'] as const,
    queryFn: async () => byNewest(await store.list()),
    staleTime: Infinity,
    retry: false,
  })

export const ownArticleQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['own', 'detail', id] as const,
    queryFn: async () => {
      const found = await store.get(id)
      if (!found) {
        throw new DataError(
          'not-found',
          `own:${id}`,
          'There is no article with this address in this browser.',
        )
      }
      return found
    },
    staleTime: Infinity,
    retry: false,
  })

/** Stores the articles (all or none) and refreshes every view of them. */
export async function saveOwnArticles(
  queryClient: QueryClient,
  articles: readonly OwnArticle[],
): Promise<void> {
  await store.putAll(articles)
  await queryClient.invalidateQueries({ queryKey: ['own'] })
}

export async function deleteOwnArticle(queryClient: QueryClient, id: string): Promise<void> {
  await store.delete(id)
  queryClient.removeQueries({ queryKey: ownArticleQueryOptions(id).queryKey })
  await queryClient.invalidateQueries({ queryKey: ownListQueryOptions().queryKey })
}
