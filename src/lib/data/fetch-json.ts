import type { z } from 'zod/mini'
import { getHref } from '../paths'

/** A data file that could not be used. `kind` tells the error view what to say. */
export class DataError extends Error {
  constructor(
    readonly kind: 'not-found' | 'network' | 'invalid',
    readonly url: string,
    message: string,
  ) {
    super(message)
    this.name = 'DataError'
  }
}

/** Fetches one bundled JSON file and validates it; every failure becomes a DataError with a clear message. */
export async function fetchJson<T>(path: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T> {
  const url = getHref(path)
  let response: Response
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new DataError('network', url, 'The data could not be loaded. Check your connection and try again.')
  }
  if (response.status === 404) throw new DataError('not-found', url, 'This item does not exist.')
  if (!response.ok) throw new DataError('network', url, `The server answered ${response.status} for ${url}.`)
  let json: unknown
  try {
    json = await response.json()
  } catch {
    throw new DataError('invalid', url, `The data file ${url} is damaged (not valid JSON).`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown problem'
    throw new DataError('invalid', url, `The data file ${url} does not match the expected format (${where}).`)
  }
  return parsed.data
}
