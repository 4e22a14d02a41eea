/**
 * The data contract. Every JSON file the build writes and the app reads is validated against these
 * schemas; the TypeScript types are inferred from them so there is one source of truth.
 *
 * Offsets (`start`, `end`) are UTF-16 code-unit offsets (JavaScript string indices) into the text of
 * the block named by `paragraphId`; `end` is exclusive.
 *
 * Written with `zod/mini` so the app's first route stays small (full zod costs ~28 kB gzip).
 */
import { z } from 'zod/mini'

export const SCHEMA_VERSION = 1

const offset = () => z.int().check(z.gte(0))
const nonEmpty = () => z.string().check(z.minLength(1))

/** Readable, stable slug: lowercase letters, digits and single hyphens. */
export const slugSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(120), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug'))

/** Block ids: `headline`, `deck`, or a body paragraph `p1`, `p2`, ... */
export const blockIdSchema = z
  .string()
  .check(z.regex(/^(?:headline|deck|p[1-9][0-9]*)$/, 'must be a block id'))

/** ISO calendar date (YYYY-MM-DD); publication dates are only ever what the text or the metadata states. */
export const isoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'))

export const spanSchema = z
  .object({
    paragraphId: blockIdSchema,
    start: offset(),
    end: offset(),
  })
  .check(z.refine((s) => s.end >= s.start, 'end must not be before start'))
export type Span = z.infer<typeof spanSchema>

export const paragraphSchema = z.object({
  id: blockIdSchema,
  text: nonEmpty(),
})
export type Paragraph = z.infer<typeof paragraphSchema>

export const sentenceSchema = z.object({
  id: z.string().check(z.regex(/^(?:headline|deck|p[1-9][0-9]*)s[1-9][0-9]*$/)),
  paragraphId: blockIdSchema,
  start: offset(),
  end: offset(),
})
export type Sentence = z.infer<typeof sentenceSchema>

export const cueSchema = z.object({
  /** The words that attribute the quote, as they appear ("the U.S. president said"). */
  text: z.string(),
  /** The cue verb or construction ("said", "tweeted", "by saying", "continuation"). */
  verb: z.string(),
  paragraphId: blockIdSchema,
  start: offset(),
  end: offset(),
  /**
   * How the speaker was found. `echo`: no cue of its own (a headline's scare quote); the same words appear in a
   * quote attributed elsewhere in the article, and the cue points at that quote.
   */
  method: z.enum(['name', 'role', 'pronoun', 'continuation', 'apposition', 'echo', 'none']),
})
export type Cue = z.infer<typeof cueSchema>

export const quoteSchema = z.object({
  id: z.string().check(z.regex(/^q[1-9][0-9]*$/)),
  paragraphId: blockIdSchema,
  /** Offsets of the quoted words, without the quote marks. */
  start: offset(),
  end: offset(),
  text: z.string(),
  /** `full`: a complete statement; `partial`: a fragment inside a sentence; `scare`: a scare quote in a title. */
  kind: z.enum(['full', 'partial', 'scare']),
  speakerId: z.nullable(z.string()),
  /** 0..1; 0 when the speaker is unknown. */
  confidence: z.number().check(z.gte(0), z.lte(1)),
  cue: z.nullable(cueSchema),
})
export type Quote = z.infer<typeof quoteSchema>

export const speakerSchema = z.object({
  id: slugSchema,
  name: nonEmpty(),
  role: z.nullable(z.string()),
})
export type Speaker = z.infer<typeof speakerSchema>

export const entityTypeSchema = z.enum(['person', 'place', 'organization'])
export type EntityType = z.infer<typeof entityTypeSchema>

export const entitySchema = z.object({
  id: slugSchema,
  name: nonEmpty(),
  type: entityTypeSchema,
  mentions: z.array(spanSchema),
})
export type Entity = z.infer<typeof entitySchema>

export const captionSchema = z.object({
  text: z.string(),
  credit: z.nullable(z.string()),
})
export type Caption = z.infer<typeof captionSchema>

export const safeUrlSchema = z.string().check(
  z.maxLength(2048),
  z.refine((u) => {
    try {
      const p = new URL(u)
      return p.protocol === 'https:' || p.protocol === 'http:'
    } catch {
      return false
    }
  }, 'must be an http or https URL'),
)

export const articleSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: slugSchema,
  storyId: z.nullable(slugSchema),
  outlet: z.nullable(z.string()),
  /** The page label above a column-style kicker ("Korean Peninsula A to Z" over a column name), if any. */
  section: z.optional(z.nullable(z.string())),
  kicker: z.nullable(z.string()),
  headline: nonEmpty(),
  deck: z.nullable(z.string()),
  byline: z.nullable(z.string()),
  dateline: z.nullable(z.string()),
  published: z.nullable(isoDateSchema),
  sourceUrl: z.nullable(safeUrlSchema),
  caption: z.nullable(captionSchema),
  paragraphs: z.array(paragraphSchema).check(z.minLength(1)),
  sentences: z.array(sentenceSchema),
  quotes: z.array(quoteSchema),
  speakers: z.array(speakerSchema),
  entities: z.array(entitySchema),
  wordCount: offset(),
})
export type Article = z.infer<typeof articleSchema>

export const articleSummarySchema = z.object({
  id: slugSchema,
  storyId: z.nullable(slugSchema),
  outlet: z.nullable(z.string()),
  kicker: z.nullable(z.string()),
  headline: nonEmpty(),
  deck: z.nullable(z.string()),
  byline: z.nullable(z.string()),
  published: z.nullable(isoDateSchema),
  wordCount: offset(),
  quoteCount: offset(),
  /** Names of the people quoted, most quoted first. */
  speakers: z.array(z.string()),
})
export type ArticleSummary = z.infer<typeof articleSummarySchema>

export const storySchema = z.object({
  id: slugSchema,
  title: nonEmpty(),
  /** Date of the events the story covers, if known (used to order stories). */
  date: z.nullable(isoDateSchema),
  articleIds: z.array(slugSchema),
})
export type Story = z.infer<typeof storySchema>

export const indexSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  stories: z.array(storySchema),
  articles: z.array(articleSummarySchema),
})
export type ArticleIndex = z.infer<typeof indexSchema>

export const linkKindSchema = z.enum(['same-quote', 'paraphrase', 'same-fact'])
export type LinkKind = z.infer<typeof linkKindSchema>

export const linkSchema = z.object({
  id: z.string().check(z.regex(/^l[1-9][0-9]*$/)),
  left: spanSchema,
  right: spanSchema,
  kind: linkKindSchema,
  score: z.number().check(z.gte(0), z.lte(1)),
  /** For `same-quote` links: the quote on each side (ids in each article's `quotes`) that shares the words. */
  leftQuoteId: z.optional(z.string().check(z.regex(/^q[1-9][0-9]*$/))),
  rightQuoteId: z.optional(z.string().check(z.regex(/^q[1-9][0-9]*$/))),
  /** Why the two passages are linked, for readers to judge: shared words, quotes, entities, numbers. */
  evidence: z.object({
    sharedTerms: z.array(z.string()),
    sharedEntities: z.array(z.string()),
    sharedNumbers: z.array(z.string()),
    quoteOverlap: z.nullable(z.string()),
    note: z.string(),
  }),
})
export type Link = z.infer<typeof linkSchema>

export const comparisonSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  leftId: slugSchema,
  rightId: slugSchema,
  links: z.array(linkSchema),
  onlyLeft: z.array(spanSchema),
  onlyRight: z.array(spanSchema),
})
export type Comparison = z.infer<typeof comparisonSchema>

/** Hand-edited metadata for what the raw text does not say (corpus/sources.json). Unknown is null. */
export const sourceEntrySchema = z.object({
  file: nonEmpty(),
  id: z.optional(slugSchema),
  outlet: z.nullable(z.string()),
  sourceUrl: z.nullable(safeUrlSchema),
  storyId: z.nullable(slugSchema),
  /** Only when known from outside the text; the text's own date wins only if this is null. */
  published: z.optional(z.nullable(isoDateSchema)),
  kicker: z.optional(z.nullable(z.string())),
})
export type SourceEntry = z.infer<typeof sourceEntrySchema>

export const sourcesSchema = z.object({
  stories: z.array(z.omit(storySchema, { articleIds: true })),
  articles: z.array(sourceEntrySchema),
})
export type Sources = z.infer<typeof sourcesSchema>

/** data/search.json: the text the library's search indexes, loaded lazily on the first search. */
export const searchDocumentSchema = z.object({
  id: slugSchema,
  headline: z.string(),
  deck: z.string(),
  body: z.string(),
})
export const searchDocumentsSchema = z.array(searchDocumentSchema)
export type SearchDocument = z.infer<typeof searchDocumentSchema>
