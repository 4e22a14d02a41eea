/**
 * A link that carries an article in its `#fragment` (issue 20): the own article's JSON, deflated with the
 * browser's CompressionStream, in base64url. The fragment never reaches a server. Opening one is input from a
 * stranger: the payload is capped before and after inflating, parsed, and validated with the same schema as
 * an import; anything else is refused with a message.
 */
import * as v from 'valibot'
import { describeIssue } from '../../core/schema'
import { ownArticleSchema, type OwnArticle } from './own-model'

/** Longest link offered: mail clients, chat apps and QR codes cut or refuse longer ones. */
export const MAX_LINK_LENGTH = 8_000
/**
 * Largest payload read from a link, in characters of base64url: no link Parallax offers is longer. (The
 * reader's own links on /shared carry the payload too, once per paragraph and quote: it stays small.)
 */
export const MAX_FRAGMENT_LENGTH = MAX_LINK_LENGTH
/** Largest inflated payload, in bytes: a deflate bomb stops here. */
export const MAX_INFLATED_BYTES = 3_000_000

const FORMAT = 'deflate-raw'

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
    return Uint8Array.from(binary, (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream(FORMAT))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** The inflated bytes as text, or null past `cap` bytes or for data that is not deflate. */
async function inflate(bytes: Uint8Array<ArrayBuffer>, cap: number): Promise<string | null> {
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let size = 0
  try {
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(FORMAT)).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.length
      if (size > cap) {
        await reader.cancel()
        return null
      }
      chunks.push(value)
    }
  } catch {
    return null
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(await new Blob(chunks).arrayBuffer())
}

/** The fragment payload for an own article (without `#`). */
export async function sharedPayload(own: OwnArticle): Promise<string> {
  const { addedAt: _when, ...shared } = own
  return toBase64Url(await deflate(JSON.stringify(shared)))
}

export type SharedResult = { ok: true; own: OwnArticle } | { ok: false; message: string }

const refuse = (message: string): SharedResult => ({ ok: false, message })

/** A link's payload -> the article it carries, validated, or why not. */
export async function readSharedPayload(payload: string, now = new Date()): Promise<SharedResult> {
  if (payload === '') return refuse('This link carries no article.')
  if (typeof DecompressionStream === 'undefined')
    return refuse('This browser cannot unpack article links. Ask for the export file instead.')
  if (payload.length > MAX_FRAGMENT_LENGTH)
    return refuse('This link is too long to be a Parallax article link.')
  const bytes = fromBase64Url(payload)
  if (!bytes) return refuse('This link is damaged: its article is not in the expected encoding.')
  const text = await inflate(bytes, MAX_INFLATED_BYTES)
  if (text === null) return refuse('This link is damaged or too large: its article could not be unpacked.')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return refuse('This link is damaged: what it carries is not an article.')
  }
  const withTime = typeof json === 'object' && json !== null ? { ...json, addedAt: now.toISOString() } : json
  const parsed = v.safeParse(ownArticleSchema, withTime)
  if (!parsed.success)
    return refuse(`This link’s article does not match the data format (${describeIssue(parsed.issues[0])}).`)
  return { ok: true, own: parsed.output }
}
