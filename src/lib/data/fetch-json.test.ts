import { afterEach, describe, expect, it, vi } from 'vitest'
import { indexSchema, SCHEMA_VERSION } from '../../core/schema'
import { DataError, fetchJson } from './fetch-json'

function serve(body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }),
    ),
  )
}

const story = { id: 'bridge', title: 'The bridge', date: '2024-05-01', articleIds: [] }

afterEach(() => vi.unstubAllGlobals())

describe('loading a data file', () => {
  it('returns the file, without fields the contract does not know', async () => {
    serve({ schemaVersion: SCHEMA_VERSION, stories: [{ ...story, extra: 1 }], articles: [] })
    await expect(fetchJson('data/index.json', indexSchema)).resolves.toEqual({
      schemaVersion: SCHEMA_VERSION,
      stories: [story],
      articles: [],
    })
  })

  it('says which field of a file of the wrong shape is wrong, and how', async () => {
    serve({ schemaVersion: SCHEMA_VERSION, stories: [story, { ...story, id: 'Not A Slug' }], articles: [] })
    const error = await fetchJson('data/index.json', indexSchema).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataError)
    expect(error).toMatchObject({ kind: 'invalid' })
    expect((error as DataError).message).toMatch(
      /^The data file \S*data\/index\.json does not match the expected format \(stories\.1\.id: must be a lowercase slug\)\.$/,
    )
  })

  it('names a missing field and says what the file held instead of an object', async () => {
    serve({ schemaVersion: SCHEMA_VERSION, articles: [] })
    await expect(fetchJson('data/index.json', indexSchema)).rejects.toThrow(/\(stories: .*"stories".*\)/)
    serve('<!doctype html>')
    await expect(fetchJson('data/index.json', indexSchema)).rejects.toThrow(
      /\(\(root\): .*Object.*"<!doctype html>"\)/,
    )
  })
})
