/**
 * The optional facts the reader states about an article (outlet, original URL, date, story) -> the
 * pipeline's metadata, or a message naming the field that is wrong. The URL must be http(s) (safe-url.ts):
 * a `javascript:` or `data:` address is refused, not stored.
 */
import * as v from 'valibot'
import { isoDateSchema, slugSchema } from '../../core/schema'
import { safeHref } from '../../lib/safe-url'
import type { ArticleMeta } from './analyse-protocol'

export type MetaFields = { outlet: string; url: string; published: string; storyId: string }

export const emptyMetaFields: MetaFields = { outlet: '', url: '', published: '', storyId: '' }

/** Longest outlet name kept: a publisher's name, not a paragraph. */
export const MAX_OUTLET_LENGTH = 120

export type MetaResult = { ok: true; meta: ArticleMeta } | { ok: false; message: string }

export function readMeta(fields: MetaFields): MetaResult {
  const outlet = fields.outlet.replace(/\s+/g, ' ').trim()
  if (outlet.length > MAX_OUTLET_LENGTH) {
    return { ok: false, message: `The outlet’s name is longer than ${MAX_OUTLET_LENGTH} characters.` }
  }
  const url = fields.url.trim()
  // Only an absolute http(s) address: safeHref also allows same-site paths, which are no article's source.
  const href = url === '' ? null : /^https?:\/\//i.test(url) ? safeHref(url) : null
  if (url !== '' && href === null) {
    return {
      ok: false,
      message:
        'The original URL must be a web address starting with http:// or https:// (other kinds are refused).',
    }
  }
  const published = fields.published.trim()
  if (published !== '' && !v.is(isoDateSchema, published)) {
    return { ok: false, message: 'The date must be a calendar date (YYYY-MM-DD).' }
  }
  const storyId = fields.storyId
  if (storyId !== '' && !v.is(slugSchema, storyId)) {
    return { ok: false, message: 'The story is not one of the library’s stories.' }
  }
  return {
    ok: true,
    meta: {
      outlet: outlet || null,
      sourceUrl: href,
      published: published || null,
      storyId: storyId || null,
    },
  }
}
