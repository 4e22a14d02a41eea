/**
 * A reader's own article: an Article in the bundled data's contract, plus when it was added and the
 * corrections the reader made in the preview (kept beside the article, so what the pipeline found and what
 * the reader chose both stay visible). The export file is a list of them, validated on import like any input.
 */
import * as v from 'valibot'
import { articleSchema, describeIssue, isoDateSchema, SCHEMA_VERSION, slugSchema } from '../../core/schema'

/** What the reader changed in the preview: the value the pipeline found, and the one the reader chose. */
export const correctionsSchema = v.object({
  headline: v.optional(v.object({ extracted: v.string(), chosen: v.pipe(v.string(), v.minLength(1)) })),
  published: v.optional(
    v.object({ extracted: v.nullable(isoDateSchema), chosen: v.nullable(isoDateSchema) }),
  ),
})
export type Corrections = v.InferOutput<typeof correctionsSchema>

export const ownArticleSchema = v.object({
  article: articleSchema,
  /** ISO date-time of the save. */
  addedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO date-time')),
  /** Where the text came from: pasted, or a file (its name). */
  origin: v.object({ kind: v.picklist(['paste', 'file']), fileName: v.nullable(v.string()) }),
  corrections: correctionsSchema,
})
export type OwnArticle = v.InferOutput<typeof ownArticleSchema>

export const EXPORT_KIND = 'parallax-own-articles'

/** The export file: `articles` are the bundled data's Article files, each with its reader's record. */
export const exportFileSchema = v.object({
  kind: v.literal(EXPORT_KIND, `must be "${EXPORT_KIND}" (is this a Parallax export?)`),
  schemaVersion: v.literal(SCHEMA_VERSION, `must be ${SCHEMA_VERSION}`),
  articles: v.pipe(v.array(ownArticleSchema), v.minLength(1, 'the file holds no articles')),
})
export type ExportFile = v.InferOutput<typeof exportFileSchema>

export function exportFile(articles: readonly OwnArticle[]): ExportFile {
  return { kind: EXPORT_KIND, schemaVersion: SCHEMA_VERSION, articles: [...articles] }
}

export type ImportResult = { ok: true; articles: OwnArticle[] } | { ok: false; message: string }

/** Largest export file read, in characters: a class set of long articles is a few megabytes. */
export const MAX_IMPORT_LENGTH = 20_000_000

/** An export file's text -> its articles, or one message naming what is wrong (nothing is taken then). */
export function readExportFile(text: string): ImportResult {
  if (text.length > MAX_IMPORT_LENGTH) {
    return {
      ok: false,
      message: `The file is too large to be a Parallax export (over ${MAX_IMPORT_LENGTH / 1_000_000} million characters).`,
    }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, message: 'The file is not JSON, so it is not a Parallax export.' }
  }
  const parsed = v.safeParse(exportFileSchema, json)
  if (!parsed.success) {
    return {
      ok: false,
      message: `The file does not match the export format: ${describeIssue(parsed.issues[0])}.`,
    }
  }
  const ids = new Set<string>()
  for (const own of parsed.output.articles) {
    if (ids.has(own.article.id)) {
      return { ok: false, message: `The file holds two articles with the id "${own.article.id}".` }
    }
    ids.add(own.article.id)
  }
  return { ok: true, articles: parsed.output.articles }
}

/** `base`, or `base-2`, `base-3`, … : the first id not in `taken` (own articles never share an id). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`
    const id = `${base.slice(0, 120 - suffix.length).replace(/-+$/, '')}${suffix}`
    if (!taken.has(id) && v.is(slugSchema, id)) return id
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Newest first. */
export function byNewest(articles: readonly OwnArticle[]): OwnArticle[] {
  return [...articles].sort(
    // ISO times and slugs order correctly as strings; no localeCompare (docs/decisions/0018).
    (a, b) => cmp(b.addedAt, a.addedAt) || cmp(a.article.id, b.article.id),
  )
}
