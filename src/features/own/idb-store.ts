/**
 * The own articles in IndexedDB, through `idb` (a small maintained wrapper that turns its requests into
 * promises). One object store keyed by the article's id. Every failure becomes a StorageError that says
 * whether storage is unavailable (a private window, storage turned off), full, or failed otherwise.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { OwnArticle } from './own-model'
import { StorageError, type OwnStore } from './store'

const DB_NAME = 'parallax-own'
const STORE = 'articles'

interface OwnDb extends DBSchema {
  articles: { key: string; value: OwnArticle }
}

const unavailable = () =>
  new StorageError(
    'unavailable',
    'This browser is not letting Parallax store articles (a private window, or site storage turned off). Nothing was saved.',
  )

/** A storage failure as a StorageError a reader can act on. */
export function storageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  if (name === 'QuotaExceededError') {
    return new StorageError(
      'full',
      'Your browser’s storage for this site is full. Delete some of your articles (export them first), then try again. Nothing was saved.',
    )
  }
  if (name === 'InvalidStateError' || name === 'SecurityError') return unavailable()
  return new StorageError(
    'failed',
    `The browser could not store the article (${name || String(error)}). Nothing was saved.`,
  )
}

let opened: Promise<IDBPDatabase<OwnDb>> | undefined

const upgrade = (db: IDBPDatabase<OwnDb>) => {
  if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'article.id' })
}

/** The database with its store: one opened without it (by another tab's bug, a tool) is upgraded to have it. */
async function openWithStore(): Promise<IDBPDatabase<OwnDb>> {
  // No version: the current one (a new database is created with the store), never a VersionError.
  const db = await openDB<OwnDb>(DB_NAME, undefined, { upgrade })
  if (db.objectStoreNames.contains(STORE)) return db
  const version = db.version + 1
  db.close()
  return openDB<OwnDb>(DB_NAME, version, { upgrade })
}

function database(): Promise<IDBPDatabase<OwnDb>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(unavailable())
  opened ??= openWithStore().catch((error: unknown) => {
    opened = undefined
    throw storageError(error)
  })
  return opened
}

async function attempt<T>(run: (db: IDBPDatabase<OwnDb>) => Promise<T>): Promise<T> {
  try {
    return await run(await database())
  } catch (error) {
    throw storageError(error)
  }
}

export const idbStore: OwnStore = {
  list: () => attempt((db) => db.getAll(STORE)),
  get: (id) => attempt((db) => db.get(STORE, id)),
  putAll: (articles) =>
    attempt(async (db) => {
      const tx = db.transaction(STORE, 'readwrite')
      // All or nothing: a failed put aborts the transaction, and `done` rejects.
      await Promise.all([...articles.map((a) => tx.store.put(a)), tx.done])
    }),
  delete: (id) => attempt((db) => db.delete(STORE, id)),
}

/**
 * Asks the browser to keep this site's storage under pressure (it may say no, or ask the reader). True when
 * the storage is persistent; false when the browser may clear it; null when the browser cannot say.
 */
export async function askPersistentStorage(): Promise<boolean | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.persist) return null
  try {
    return (await storage.persisted()) || (await storage.persist())
  } catch {
    return null
  }
}
