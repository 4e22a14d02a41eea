/// <reference lib="webworker" />
/**
 * Runs the alignment off the main thread, so comparing two long articles that the build did not pair
 * never freezes scrolling or typing.
 */
import { alignArticles } from '../../../core/align'
import type { AlignRequest, AlignResponse } from './align-protocol'

const scope = globalThis as unknown as DedicatedWorkerGlobalScope

scope.addEventListener('message', (event: MessageEvent<AlignRequest>) => {
  const { id, left, right } = event.data
  let response: AlignResponse
  try {
    response = { id, comparison: alignArticles(left, right) }
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) }
  }
  scope.postMessage(response)
})
