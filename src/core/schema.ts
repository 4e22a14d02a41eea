/**
 * The data contract. Every JSON file the build writes and the app reads is validated against these
 * schemas; the TypeScript types are inferred from them so there is one source of truth.
 *
 * Offsets (`start`, `end`) are UTF-16 code-unit offsets (JavaScript string indices) into the text of
 * the block named by `paragraphId`; `end` is exclusive.
 *
 * Written with valibot, whose functions tree-shake one by one, so the first route pays only for the
 * checks these schemas use. Validate a data file with `safeParseData(schema, data)` (schema-check.ts:
 * valibot's answer, quicker for a file that matches), a single value with `v.is(schema, data)`, and
 * describe a failure with `describeIssue`; the five data file schemas also have `parse` (see `dataFile`).
 */
import * as v from 'valibot'
import { safeParseData } from './schema-check'

export const SCHEMA_VERSION = 1

/** "path: message" for a validation problem; the form every error about bad data uses. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  return `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`
}

/** Thrown by a data file schema's `parse`; its message says where the data is wrong and how. */
export class ContractError extends Error {
  constructor(readonly issues: readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]) {
    super(`data does not match the contract (${describeIssue(issues[0])})`)
    this.name = 'ContractError'
  }
}

/**
 * The schema of a whole data file, with `parse(data)`: the data, validated, or a ContractError naming the
 * first problem's path (valibot's own `v.parse` throws a ValiError whose message has no path). The prerender,
 * tests and benchmarks load files with it; code with its own wording for a failure uses `safeParseData`.
 * Data that matches exactly comes back as the same object, not a copy (see schema-check.ts).
 */
export type DataFileSchema<S extends v.GenericSchema> = S & { parse(input: unknown): v.InferOutput<S> }

/* @__NO_SIDE_EFFECTS__ */
function dataFile<S extends v.GenericSchema>(schema: S): DataFileSchema<S> {
  return Object.assign(schema, {
    parse(input: unknown): v.InferOutput<S> {
      const result = safeParseData(schema, input)
      if (!result.success) throw new ContractError(result.issues)
      return result.output
    },
  })
}

// Offsets are safe integers (exact in a double), like every JavaScript string index.
const offset = () => v.pipe(v.number(), v.safeInteger(), v.minValue(0))
const nonEmpty = () => v.pipe(v.string(), v.minLength(1))

/** Readable, stable slug: lowercase letters, digits and single hyphens. */
export const slugSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(120),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug'),
)

/** Block ids: `headline`, `deck`, or a body paragraph `p1`, `p2`, ... */
export const blockIdSchema = v.pipe(
  v.string(),
  v.regex(/^(?:headline|deck|p[1-9][0-9]*)$/, 'must be a block id'),
)

/** ISO calendar date (YYYY-MM-DD); publication dates are only ever what the text or the metadata states. */
export const isoDateSchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'))

export const spanSchema = v.pipe(
  v.object({
    paragraphId: blockIdSchema,
    start: offset(),
    end: offset(),
  }),
  v.check((s) => s.end >= s.start, 'end must not be before start'),
)
export type Span = v.InferOutput<typeof spanSchema>

export const paragraphSchema = v.object({
  id: blockIdSchema,
  text: nonEmpty(),
})
export type Paragraph = v.InferOutput<typeof paragraphSchema>

export const sentenceSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^(?:headline|deck|p[1-9][0-9]*)s[1-9][0-9]*$/)),
  paragraphId: blockIdSchema,
  start: offset(),
  end: offset(),
})
export type Sentence = v.InferOutput<typeof sentenceSchema>

export const cueSchema = v.object({
  /** The words that attribute the quote, as they appear ("the U.S. president said"). */
  text: v.string(),
  /** The cue verb or construction ("said", "tweeted", "by saying", "continuation"). */
  verb: v.string(),
  paragraphId: blockIdSchema,
  start: offset(),
  end: offset(),
  /**
   * How the speaker was found. `echo`: no cue of its own (a headline's scare quote); the same words appear in a
   * quote attributed elsewhere in the article, and the cue points at that quote.
   */
  method: v.picklist(['name', 'role', 'pronoun', 'continuation', 'apposition', 'echo', 'none']),
})
export type Cue = v.InferOutput<typeof cueSchema>

const quoteIdSchema = v.pipe(v.string(), v.regex(/^q[1-9][0-9]*$/))

export const quoteSchema = v.object({
  id: quoteIdSchema,
  paragraphId: blockIdSchema,
  /** Offsets of the quoted words, without the quote marks. */
  start: offset(),
  end: offset(),
  text: v.string(),
  /** `full`: a complete statement; `partial`: a fragment inside a sentence; `scare`: a scare quote in a title. */
  kind: v.picklist(['full', 'partial', 'scare']),
  speakerId: v.nullable(v.string()),
  /** 0..1; 0 when the speaker is unknown. */
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  cue: v.nullable(cueSchema),
})
export type Quote = v.InferOutput<typeof quoteSchema>

export const speakerSchema = v.object({
  id: slugSchema,
  name: nonEmpty(),
  role: v.nullable(v.string()),
  /** The person in the corpus's register of people (data/people.json), set by the build. */
  person: v.optional(slugSchema),
})
export type Speaker = v.InferOutput<typeof speakerSchema>

export const entityTypeSchema = v.picklist(['person', 'place', 'organization'])
export type EntityType = v.InferOutput<typeof entityTypeSchema>

export const entitySchema = v.object({
  id: slugSchema,
  name: nonEmpty(),
  type: entityTypeSchema,
  mentions: v.array(spanSchema),
})
export type Entity = v.InferOutput<typeof entitySchema>

export const captionSchema = v.object({
  text: v.string(),
  credit: v.nullable(v.string()),
})
export type Caption = v.InferOutput<typeof captionSchema>

export const safeUrlSchema = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((u) => {
    try {
      const p = new URL(u)
      return p.protocol === 'https:' || p.protocol === 'http:'
    } catch {
      return false
    }
  }, 'must be an http or https URL'),
)

export const articleSchema = dataFile(
  v.object({
    schemaVersion: v.literal(SCHEMA_VERSION),
    id: slugSchema,
    storyId: v.nullable(slugSchema),
    outlet: v.nullable(v.string()),
    /** The page label above a column-style kicker ("Korean Peninsula A to Z" over a column name), if any. */
    section: v.optional(v.nullable(v.string())),
    kicker: v.nullable(v.string()),
    headline: nonEmpty(),
    deck: v.nullable(v.string()),
    byline: v.nullable(v.string()),
    dateline: v.nullable(v.string()),
    published: v.nullable(isoDateSchema),
    sourceUrl: v.nullable(safeUrlSchema),
    caption: v.nullable(captionSchema),
    paragraphs: v.pipe(v.array(paragraphSchema), v.minLength(1)),
    sentences: v.array(sentenceSchema),
    quotes: v.array(quoteSchema),
    speakers: v.array(speakerSchema),
    entities: v.array(entitySchema),
    wordCount: offset(),
  }),
)
export type Article = v.InferOutput<typeof articleSchema>

export const articleSummarySchema = v.object({
  id: slugSchema,
  storyId: v.nullable(slugSchema),
  outlet: v.nullable(v.string()),
  kicker: v.nullable(v.string()),
  headline: nonEmpty(),
  deck: v.nullable(v.string()),
  byline: v.nullable(v.string()),
  published: v.nullable(isoDateSchema),
  wordCount: offset(),
  quoteCount: offset(),
  /** Names of the people quoted, most quoted first. */
  speakers: v.array(v.string()),
})
export type ArticleSummary = v.InferOutput<typeof articleSummarySchema>

export const storySchema = v.object({
  id: slugSchema,
  title: nonEmpty(),
  /** Date of the events the story covers, if known (used to order stories). */
  date: v.nullable(isoDateSchema),
  articleIds: v.array(slugSchema),
})
export type Story = v.InferOutput<typeof storySchema>

export const indexSchema = dataFile(
  v.object({
    schemaVersion: v.literal(SCHEMA_VERSION),
    stories: v.array(storySchema),
    articles: v.array(articleSummarySchema),
  }),
)
export type ArticleIndex = v.InferOutput<typeof indexSchema>

export const linkKindSchema = v.picklist(['same-quote', 'paraphrase', 'same-fact'])
export type LinkKind = v.InferOutput<typeof linkKindSchema>

/** Why two passages are linked, for readers to judge: shared words, quotes, entities, numbers. */
export const linkEvidenceSchema = v.object({
  sharedTerms: v.array(v.string()),
  sharedEntities: v.array(v.string()),
  sharedNumbers: v.array(v.string()),
  quoteOverlap: v.nullable(v.string()),
  note: v.string(),
})
export type LinkEvidence = v.InferOutput<typeof linkEvidenceSchema>

const linkIdSchema = v.pipe(v.string(), v.regex(/^l[1-9][0-9]*$/))

export const linkSchema = v.object({
  id: linkIdSchema,
  left: spanSchema,
  right: spanSchema,
  kind: linkKindSchema,
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** For `same-quote` links: the quote on each side (ids in each article's `quotes`) that shares the words. */
  leftQuoteId: v.optional(quoteIdSchema),
  rightQuoteId: v.optional(quoteIdSchema),
  /**
   * Why the two passages are linked. Always there when the alignment has just run (in the Web Worker);
   * a bundled comparison file leaves it out — it is about half the file and read only on demand — and
   * the build writes it to data/evidence/<leftId>--<rightId>.json instead (comparisonEvidenceSchema).
   */
  evidence: v.optional(linkEvidenceSchema),
})
export type Link = v.InferOutput<typeof linkSchema>

/** What every file about a pair of articles starts with. */
const pairFileEntries = {
  schemaVersion: v.literal(SCHEMA_VERSION),
  leftId: slugSchema,
  rightId: slugSchema,
}

export const comparisonSchema = dataFile(
  v.object({
    ...pairFileEntries,
    links: v.array(linkSchema),
    onlyLeft: v.array(spanSchema),
    onlyRight: v.array(spanSchema),
  }),
)
export type Comparison = v.InferOutput<typeof comparisonSchema>

/**
 * The evidence of every link of a bundled comparison, by link id (data/evidence/<leftId>--<rightId>.json),
 * each with the link's two spans: a page that loaded the comparison before a new build can tell that an
 * id now names another link.
 */
export const storedEvidenceSchema = v.object({
  ...linkEvidenceSchema.entries,
  left: spanSchema,
  right: spanSchema,
})
export type StoredEvidence = v.InferOutput<typeof storedEvidenceSchema>

export const comparisonEvidenceSchema = dataFile(
  v.object({
    ...pairFileEntries,
    evidence: v.record(linkIdSchema, storedEvidenceSchema),
  }),
)
export type ComparisonEvidence = v.InferOutput<typeof comparisonEvidenceSchema>

/**
 * A comparison as the build writes it: the links without their evidence, and the evidence by link id in
 * a file of its own, so opening a comparison does not download and check what only "Why linked?" shows.
 */
export function splitEvidence(comparison: Comparison): {
  comparison: Comparison
  evidence: ComparisonEvidence
} {
  const evidence: ComparisonEvidence['evidence'] = {}
  const links = comparison.links.map(({ evidence: linkEvidence, ...link }) => {
    if (linkEvidence) evidence[link.id] = { ...linkEvidence, left: link.left, right: link.right }
    return link
  })
  return {
    comparison: { ...comparison, links },
    evidence: {
      schemaVersion: comparison.schemaVersion,
      leftId: comparison.leftId,
      rightId: comparison.rightId,
      evidence,
    },
  }
}

/** Hand-edited metadata for what the raw text does not say (corpus/sources.json). Unknown is null. */
export const sourceEntrySchema = v.object({
  file: nonEmpty(),
  id: v.optional(slugSchema),
  outlet: v.nullable(v.string()),
  sourceUrl: v.nullable(safeUrlSchema),
  storyId: v.nullable(slugSchema),
  /** Only when known from outside the text; the text's own date wins only if this is null. */
  published: v.optional(v.nullable(isoDateSchema)),
  kicker: v.optional(v.nullable(v.string())),
})
export type SourceEntry = v.InferOutput<typeof sourceEntrySchema>

export const sourcesSchema = dataFile(
  v.object({
    stories: v.array(v.omit(storySchema, ['articleIds'])),
    articles: v.array(sourceEntrySchema),
  }),
)
export type Sources = v.InferOutput<typeof sourcesSchema>

/** data/search.json: the text the library's search indexes, loaded lazily on the first search. */
export const searchDocumentSchema = v.object({
  id: slugSchema,
  headline: v.string(),
  deck: v.string(),
  body: v.string(),
})
export const searchDocumentsSchema = dataFile(v.array(searchDocumentSchema))
export type SearchDocument = v.InferOutput<typeof searchDocumentSchema>

/** One person of the corpus's register: one identity whatever each outlet calls them. */
export const personSchema = v.object({
  id: slugSchema,
  /** The name every view shows: the fullest form any article uses. */
  name: nonEmpty(),
  /** Other forms articles use ("Trump", "Donald J. Trump"). */
  aliases: v.array(nonEmpty()),
  roles: v.array(v.string()),
  articleIds: v.array(slugSchema),
})
export type Person = v.InferOutput<typeof personSchema>

/** data/people.json: the register of people, built from every article's speakers and people. */
export const peopleSchema = dataFile(
  v.object({
    schemaVersion: v.literal(SCHEMA_VERSION),
    people: v.array(personSchema),
  }),
)
export type People = v.InferOutput<typeof peopleSchema>
