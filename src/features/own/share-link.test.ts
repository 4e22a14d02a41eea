import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildArticle } from '../../core/pipeline'
import type { OwnArticle } from './own-model'
import { MAX_FRAGMENT_LENGTH, readSharedPayload, sharedPayload } from './share-link'

const text = readFileSync(new URL('../add/fixtures/harbour-ferry.txt', import.meta.url), 'utf8')
const own: OwnArticle = {
  article: buildArticle(text, { outlet: null, sourceUrl: null, published: null, storyId: null }),
  addedAt: '2026-12-07T10:00:00.000Z',
  origin: { kind: 'paste', fileName: null },
  corrections: { headline: { extracted: 'Subscribe', chosen: 'Harbour ferry returns after winter repairs' } },
}
const now = new Date('2026-12-08T00:00:00.000Z')

async function deflated(json: string): Promise<string> {
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer())
  return Buffer.from(bytes).toString('base64url')
}

describe('links that carry an article', () => {
  it('carry the article and its corrections, in a URL-safe payload short enough to share', async () => {
    const payload = await sharedPayload(own)
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(payload.length).toBeLessThan(JSON.stringify(own).length / 2)
    expect(await readSharedPayload(payload, now)).toEqual({
      ok: true,
      own: { ...own, addedAt: now.toISOString() },
    })
  })

  it('refuse what is not a payload: other characters, damaged data, too long', async () => {
    expect(await readSharedPayload('<script>', now)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/encoding/),
    })
    expect(await readSharedPayload('AAAA', now)).toMatchObject({ ok: false })
    expect(await readSharedPayload('a'.repeat(MAX_FRAGMENT_LENGTH + 1), now)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too long/),
    })
  })

  it('say so in a browser that cannot unpack them, rather than wait for ever', async () => {
    const original = globalThis.DecompressionStream
    try {
      // @ts-expect-error: a browser without the Compression Streams API
      delete globalThis.DecompressionStream
      expect(await readSharedPayload('AAAA', now)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/cannot unpack/),
      })
    } finally {
      globalThis.DecompressionStream = original
    }
  })

  it('stop unpacking a deflate bomb at the cap', async () => {
    const bomb = await deflated(' '.repeat(5_000_000))
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_LENGTH)
    expect(await readSharedPayload(bomb, now)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too large/),
    })
  })

  it('validate what they carry like an import: a javascript: source URL is refused', async () => {
    const { addedAt: _a, ...shared } = own
    const hostile = { ...shared, article: { ...shared.article, sourceUrl: 'javascript:alert(1)' } }
    expect(await readSharedPayload(await deflated(JSON.stringify(hostile)), now)).toEqual({
      ok: false,
      message: expect.stringMatching(/article\.sourceUrl: must be an http or https URL/),
    })
  })
})
