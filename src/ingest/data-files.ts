/**
 * Articles + stories -> every data file the app reads, each validated against its schema here, before
 * anything touches the disk. Pure apart from calling the alignment; the same corpus gives the same files.
 *
 *   index.json                      stories (newest first) and article summaries (newest first)
 *   search.json                     headline, deck and body text per article, for the library's search
 *   articles/<id>.json              one article
 *   compare/<leftId>--<rightId>.json every ordered pair of articles in the same story: its links
 *   evidence/<leftId>--<rightId>.json why each of those links was made (read on demand)
 *   people.json                     the register of people: one identity per person across the corpus
 *
 * Before any file is made, every article's speakers and people are named by the register
 * (people-register.ts), so the library, the reader and the comparison never list one person twice.
 */
import * as v from 'valibot'
import { alignArticles } from '../core/align'
import {
  articleSchema,
  articleSummarySchema,
  comparisonEvidenceSchema,
  comparisonSchema,
  describeIssue,
  indexSchema,
  peopleSchema,
  SCHEMA_VERSION,
  searchDocumentsSchema,
  splitEvidence,
  type Article,
  type ArticleIndex,
  type ArticleSummary,
  type SearchDocument,
  type Sources,
  type Story,
} from '../core/schema'
import { applyRegister, buildPeopleRegister } from './people-register'

export type DataFile = { path: string; data: unknown }

/** A file that failed its schema: a bug in the pipeline, reported with the file and the field. */
export class DataValidationError extends Error {
  constructor(file: string, detail: string) {
    super(`${file} does not match the data contract: ${detail}`)
    this.name = 'DataValidationError'
  }
}

function validated(file: string, schema: v.GenericSchema, data: unknown): DataFile {
  const parsed = v.safeParse(schema, data)
  if (!parsed.success) throw new DataValidationError(file, describeIssue(parsed.issues[0]))
  return { path: file, data: parsed.output }
}

/** Newest first; unknown dates last; ties broken by `tie` so the order never depends on input order. */
function byDateDesc<T>(date: (x: T) => string | null, tie: (x: T) => string) {
  return (a: T, b: T): number => {
    const da = date(a)
    const db = date(b)
    if (da !== db) {
      if (da === null) return 1
      if (db === null) return -1
      return da < db ? 1 : -1
    }
    return tie(a) < tie(b) ? -1 : tie(a) > tie(b) ? 1 : 0
  }
}

/** Names of the people quoted, most quoted first (ties: who speaks first in the article). */
export function quotedSpeakers(article: Article): string[] {
  const counts = new Map<string, number>()
  for (const q of article.quotes)
    if (q.speakerId !== null) counts.set(q.speakerId, (counts.get(q.speakerId) ?? 0) + 1)
  const firstQuote = new Map<string, number>()
  article.quotes.forEach((q, i) => {
    if (q.speakerId !== null && !firstQuote.has(q.speakerId)) firstQuote.set(q.speakerId, i)
  })
  return article.speakers
    .filter((s) => (counts.get(s.id) ?? 0) > 0)
    .sort(
      (a, b) =>
        (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) ||
        (firstQuote.get(a.id) ?? 0) - (firstQuote.get(b.id) ?? 0),
    )
    .map((s) => s.name)
}

export function summarise(article: Article): ArticleSummary {
  return {
    id: article.id,
    storyId: article.storyId,
    outlet: article.outlet,
    kicker: article.kicker,
    headline: article.headline,
    deck: article.deck,
    byline: article.byline,
    published: article.published,
    wordCount: article.wordCount,
    quoteCount: article.quotes.length,
    speakers: quotedSpeakers(article),
  }
}

export function searchDocument(article: Article): SearchDocument {
  return {
    id: article.id,
    headline: article.headline,
    deck: article.deck ?? '',
    body: article.paragraphs.map((p) => p.text).join('\n'),
  }
}

/** The index: stories that have articles, newest first; articles newest first, unknown dates last. */
export function buildIndex(articles: readonly Article[], stories: Sources['stories']): ArticleIndex {
  const ordered = [...articles].sort(
    byDateDesc(
      (a) => a.published,
      (a) => a.id,
    ),
  )
  const storyList: Story[] = [...stories]
    .sort(
      byDateDesc(
        (s) => s.date,
        (s) => s.id,
      ),
    )
    .map((s) => ({ ...s, articleIds: ordered.filter((a) => a.storyId === s.id).map((a) => a.id) }))
    .filter((s) => s.articleIds.length > 0)
  return {
    schemaVersion: SCHEMA_VERSION,
    stories: storyList,
    articles: ordered.map(summarise),
  }
}

/** Every data file, validated. Throws DataValidationError naming the first file that fails. */
export function buildDataFiles(analysed: readonly Article[], stories: Sources['stories']): DataFile[] {
  const register = buildPeopleRegister(analysed)
  const articles = analysed.map((a) => applyRegister(a, register))
  const index = buildIndex(articles, stories)
  const byId = new Map(articles.map((a) => [a.id, a]))
  const ordered = index.articles.map((s) => byId.get(s.id)!)
  // Each article first, then its summary, then the files that hold them all: a bad value is reported
  // with the file named after its article (and the field), not as an entry number of the index.
  const articleFiles = ordered.map((a) => validated(`articles/${a.id}.json`, articleSchema, a))
  for (const summary of index.articles) validated(`index.json#${summary.id}`, articleSummarySchema, summary)
  const files: DataFile[] = [
    validated('index.json', indexSchema, index),
    validated('search.json', searchDocumentsSchema, ordered.map(searchDocument)),
    validated('people.json', peopleSchema, { schemaVersion: SCHEMA_VERSION, people: register.people }),
    ...articleFiles,
  ]
  for (const story of index.stories) {
    for (const leftId of story.articleIds) {
      for (const rightId of story.articleIds) {
        if (leftId === rightId) continue
        const { comparison, evidence } = splitEvidence(alignArticles(byId.get(leftId)!, byId.get(rightId)!))
        files.push(validated(`compare/${leftId}--${rightId}.json`, comparisonSchema, comparison))
        files.push(validated(`evidence/${leftId}--${rightId}.json`, comparisonEvidenceSchema, evidence))
      }
    }
  }
  return files
}
