import { createMainThreadEngine, fromFailure, type SearchEngine } from './search-engine'
import type { SearchRequest, SearchRequestBody, SearchResponse } from './search-protocol'

type Pending = { resolve: (r: SearchResponse) => void; reject: (e: unknown) => void }

/**
 * Starts the search worker and waits until its index is ready. Where module workers are unavailable (or the
 * worker cannot start), search runs on the main thread instead.
 * See docs/decisions/0020-search-worker.md.
 */
export async function createSearchEngine(signal?: AbortSignal): Promise<SearchEngine> {
  if (typeof Worker === 'undefined') return createMainThreadEngine(signal)
  let worker: Worker
  try {
    worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' })
  } catch {
    return createMainThreadEngine(signal)
  }
  const pending = new Map<number, Pending>()
  let nextId = 1
  let broken: unknown = null
  worker.addEventListener('message', (event: MessageEvent<SearchResponse>) => {
    const job = pending.get(event.data.id)
    pending.delete(event.data.id)
    job?.resolve(event.data)
  })
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    broken = new Error('The search worker stopped.')
    for (const job of pending.values()) job.reject(broken)
    pending.clear()
  })
  const ask = (request: SearchRequestBody): Promise<SearchResponse> => {
    if (broken) return Promise.reject(broken)
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      const message: SearchRequest = { ...request, id }
      worker.postMessage(message)
    })
  }

  let loaded: SearchResponse
  try {
    loaded = await ask({ type: 'load' })
  } catch {
    // The worker could not run (blocked, or its module failed to load): search here instead.
    worker.terminate()
    return createMainThreadEngine(signal)
  }
  if (loaded.type === 'error') {
    worker.terminate()
    throw fromFailure(loaded.error)
  }
  return {
    search: async (query) => {
      const response = await ask({ type: 'search', query })
      if (response.type === 'error') throw fromFailure(response.error)
      return response.type === 'results' ? response.hits : []
    },
  }
}
