/**
 * Runs analysis jobs in the add page's worker (one per page, started on the first job). Where a worker
 * cannot start, the job runs on the main thread instead: slower to the touch, same result.
 */
import type { AnalyseJob, AnalyseRequest, AnalyseResponse, Analysis } from './analyse-protocol'

/** Why there is no article: the pipeline's code ('empty', 'no-body', …) and its message. */
export class AnalyseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'AnalyseError'
  }
}

type Pending = { job: AnalyseJob; resolve: (a: Analysis) => void; reject: (e: unknown) => void }

let worker: Worker | null | undefined
let nextId = 1
const pending = new Map<number, Pending>()

async function analyseOnMainThread(job: AnalyseJob): Promise<Analysis> {
  const [{ analyse }, { IngestError }] = await Promise.all([
    import('./analyse'),
    import('../../core/pipeline'),
  ])
  try {
    return analyse(job)
  } catch (error) {
    if (error instanceof IngestError) throw new AnalyseError(error.code, error.message)
    throw error
  }
}

function retireWorker(): void {
  worker?.terminate()
  worker = null
  const stranded = [...pending.values()]
  pending.clear()
  for (const p of stranded) analyseOnMainThread(p.job).then(p.resolve, p.reject)
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker
  if (typeof Worker === 'undefined') return (worker = null)
  try {
    worker = new Worker(new URL('./analyse.worker.ts', import.meta.url), { type: 'module', name: 'analyse' })
  } catch {
    return (worker = null)
  }
  worker.addEventListener('message', (event: MessageEvent<AnalyseResponse>) => {
    const job = pending.get(event.data.id)
    if (!job) return
    pending.delete(event.data.id)
    if ('error' in event.data) job.reject(new AnalyseError(event.data.error.code, event.data.error.message))
    else job.resolve(event.data.analysis)
  })
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    retireWorker()
  })
  return worker
}

/** The article a job gives, or an AnalyseError saying why there is none. */
export function analyseInWorker(job: AnalyseJob): Promise<Analysis> {
  const w = getWorker()
  if (!w) return analyseOnMainThread(job)
  return new Promise((resolve, reject) => {
    const id = nextId++
    pending.set(id, { job, resolve, reject })
    w.postMessage({ id, job } satisfies AnalyseRequest)
  })
}
