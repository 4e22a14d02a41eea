/**
 * Where a reader's own articles are kept: an interface, so the app uses IndexedDB (idb-store.ts) and the
 * tests an in-memory store. Nothing here is ever sent anywhere.
 */
import type { OwnArticle } from './own-model'

export type StorageProblem = 'unavailable' | 'full' | 'failed'

/** Storage that cannot do what was asked; `message` says so in words a reader can act on. */
export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    message: string,
  ) {
    super(message)
    this.name = 'StorageError'
  }
}

export interface OwnStore {
  list(): Promise<OwnArticle[]>
  get(id: string): Promise<OwnArticle | undefined>
  /** Stores all of them or none (one transaction). */
  putAll(articles: readonly OwnArticle[]): Promise<void>
  delete(id: string): Promise<void>
}

/** An in-memory store: for tests, and the model of what the IndexedDB one must do. */
export function memoryStore(initial: readonly OwnArticle[] = []): OwnStore {
  const items = new Map(initial.map((a) => [a.article.id, structuredClone(a)]))
  return {
    list: async () => [...items.values()].map((a) => structuredClone(a)),
    get: async (id) => {
      const found = items.get(id)
      return found && structuredClone(found)
    },
    putAll: async (articles) => {
      for (const a of articles) items.set(a.article.id, structuredClone(a))
    },
    delete: async (id) => {
      items.delete(id)
    },
  }
}
