/**
 * TEMPORARY first cut (to be replaced by the real clean/segment/quotes/speakers/entities pipeline):
 * raw text -> Article. Pure: no Node or DOM APIs.
 */
import { SCHEMA_VERSION, type Article, type SourceEntry } from './schema'

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
}

export function buildArticle(raw: string, meta: Omit<SourceEntry, 'file'>): Article {
  const blocks = raw
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  const headline = blocks[1] ?? blocks[0] ?? 'Untitled'
  const body = blocks.slice(2)
  const paragraphs = body.map((text, i) => ({ id: `p${i + 1}`, text }))
  return {
    schemaVersion: SCHEMA_VERSION,
    id: meta.id ?? slugify(headline),
    storyId: meta.storyId,
    outlet: meta.outlet,
    kicker: null,
    headline,
    deck: null,
    byline: null,
    dateline: null,
    published: meta.published ?? null,
    sourceUrl: meta.sourceUrl,
    caption: null,
    paragraphs,
    sentences: [],
    quotes: [],
    speakers: [],
    entities: [],
    wordCount: body.join(' ').split(/\s+/).length,
  }
}
