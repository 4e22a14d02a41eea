import type * as v from 'valibot'
import { describeIssue } from '../../core/schema'
import { safeParseData } from '../../core/schema-check'
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
export async function fetchJson<S extends v.GenericSchema>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<v.InferOutput<S>> {
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
  const parsed = safeParseData(schema, json)
  if (!parsed.success) {
    const where = describeIssue(parsed.issues[0])
    throw new DataError('invalid', url, `The data file ${url} does not match the expected format (${where}).`)
  }
  return parsed.output
}
