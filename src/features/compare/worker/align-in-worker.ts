import type { Article, Comparison } from '../../../core/schema'
import type { AlignRequest, AlignResponse } from './align-protocol'

type Pending = {
  resolve: (c: Comparison) => void
  reject: (e: unknown) => void
  left: Article
  right: Article
}

let worker: Worker | null | undefined
let nextId = 1
const pending = new Map<number, Pending>()

async function alignOnMainThread(left: Article, right: Article): Promise<Comparison> {
  // Loaded only when needed: the alignment code is otherwise in the worker's bundle, not the page's.
  const { alignArticles } = await import('../../../core/align')
  return alignArticles(left, right)
}

function abortError(): DOMException {
  return new DOMException('The comparison was cancelled.', 'AbortError')
}

/** A worker that failed to start (blocked by policy, module load error) hands its work to the main thread. */
function retireWorker(): void {
  worker?.terminate()
  worker = null
  const stranded = [...pending.values()]
  pending.clear()
  for (const job of stranded) alignOnMainThread(job.left, job.right).then(job.resolve, job.reject)
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker
  if (typeof Worker === 'undefined') return (worker = null)
  try {
    worker = new Worker(new URL('./align.worker.ts', import.meta.url), { type: 'module', name: 'align' })
  } catch {
    return (worker = null)
  }
  worker.addEventListener('message', (event: MessageEvent<AlignResponse>) => {
    const job = pending.get(event.data.id)
    if (!job) return
    pending.delete(event.data.id)
    if ('error' in event.data)
      job.reject(new Error(`The comparison could not be computed: ${event.data.error}`))
    else job.resolve(event.data.comparison)
  })
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    retireWorker()
  })
  return worker
}

/**
 * Aligns two articles in a Web Worker (one shared worker for the page), falling back to the main thread
 * only where workers are unavailable. Cancelling through `signal` drops the answer.
 */
export function alignInWorker(left: Article, right: Article, signal?: AbortSignal): Promise<Comparison> {
  if (signal?.aborted) return Promise.reject(abortError())
  const target = getWorker()
  if (!target) return alignOnMainThread(left, right)
  const id = nextId++
  return new Promise<Comparison>((resolve, reject) => {
    pending.set(id, { resolve, reject, left, right })
    signal?.addEventListener(
      'abort',
      () => {
        if (pending.delete(id)) reject(abortError())
      },
      { once: true },
    )
    const request: AlignRequest = { id, left, right }
    target.postMessage(request)
  })
}
