/// <reference lib="webworker" />
/** The add page's analysis off the main thread: a module worker from this origin (the CSP's script-src 'self'). */
import { IngestError } from '../../core/pipeline'
import { analyse } from './analyse'
import type { AnalyseRequest, AnalyseResponse } from './analyse-protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.addEventListener('message', (event: MessageEvent<AnalyseRequest>) => {
  const { id, job } = event.data
  let response: AnalyseResponse
  try {
    response = { id, analysis: analyse(job) }
  } catch (error) {
    const code = error instanceof IngestError ? error.code : 'failed'
    const message = error instanceof Error ? error.message : String(error)
    response = { id, error: { code, message } }
  }
  scope.postMessage(response)
})
