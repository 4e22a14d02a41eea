/**
 * A previewed article -> a stored own article: an id no other own article has (the headline's slug, then
 * `-2`, `-3`, …), the time, and the reader's corrections. Persistent storage is asked for on the first save.
 */
import type { QueryClient } from '@tanstack/react-query'
import { askPersistentStorage } from './idb-store'
import { uniqueId, type OwnArticle } from './own-model'
import { ownStore, saveOwnArticles } from './own-queries'

export type Draft = Omit<OwnArticle, 'addedAt'>

export type Saved = { id: string; persistent: boolean | null }

export async function saveDraft(queryClient: QueryClient, draft: Draft, now = new Date()): Promise<Saved> {
  const taken = new Set((await ownStore().list()).map((a) => a.article.id))
  const id = uniqueId(draft.article.id, taken)
  const own: OwnArticle = { ...draft, article: { ...draft.article, id }, addedAt: now.toISOString() }
  await saveOwnArticles(queryClient, [own])
  return { id, persistent: await askPersistentStorage() }
}
