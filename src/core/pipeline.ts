/**
 * Raw scraped text + hand-edited metadata -> one validated Article:
 * clean -> blocks (headline, deck, p1..pn) -> sentences -> quotes and speakers -> entities.
 *
 * Pure (no Node or DOM APIs): the CLI, the build and a Web Worker all run this same code. Input it cannot
 * make an article from throws an IngestError saying what is wrong; nothing else is ever thrown.
 */
import * as v from 'valibot'
import { cleanArticle, whyNoBody, whyNoHeadline, type CleanArticle } from './clean'
import { extractEntities } from './entities'
import {
  articleSchema,
  describeIssue,
  SCHEMA_VERSION,
  type Article,
  type Paragraph,
  type SourceEntry,
} from './schema'
import { segmentBlocks } from './segment'
import { readCaption, readDateline } from './text-structure'
import { normaliseText } from './text-normalise'
import { slugify } from './slug'
import { analyseQuotes } from './speakers'

/** Longest text accepted, in UTF-16 code units: far beyond any article, short of a runaway file. */
export const MAX_TEXT_LENGTH = 2_000_000
/** Longest single line: no paragraph is this long; minified or binary data is. */
export const MAX_LINE_LENGTH = 100_000

export type IngestErrorCode =
  | 'empty'
  | 'unreadable'
  | 'not-utf8'
  | 'nul-character'
  | 'binary'
  | 'too-large'
  | 'too-deep'
  | 'line-too-long'
  | 'no-headline'
  | 'no-body'
  | 'invalid-metadata'
  | 'invalid-article'

/** Input the pipeline cannot turn into an article. `message` says what is wrong in words a person can act on. */
export class IngestError extends Error {
  readonly code: IngestErrorCode

  constructor(code: IngestErrorCode, message: string) {
    super(message)
    this.name = 'IngestError'
    this.code = code
  }
}

const formatCount = (n: number) => n.toLocaleString('en-US')

/** Rejects what is not article text before any rule runs on it. */
function checkInput(raw: string): void {
  if (typeof raw !== 'string') throw new IngestError('binary', 'the input is not text')
  if (raw.trim() === '') throw new IngestError('empty', 'the file is empty (no text at all)')
  const nul = raw.indexOf('\u0000')
  if (nul !== -1) {
    throw new IngestError(
      'nul-character',
      `the text contains a NUL character at position ${formatCount(nul)}; it looks like a binary file, not scraped text`,
    )
  }
  // Control characters other than tab, line feed, carriage return and form feed (and U+FFFD, the mark a
  // decoder leaves for bytes that were not text) are rare in prose and common in binary data.
  let odd = 0
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd += 1
  }
  if (odd > 8 && odd / raw.length > 0.001) {
    throw new IngestError(
      'binary',
      `the text contains ${formatCount(odd)} control or replacement characters; it looks like binary data, not scraped text`,
    )
  }
  let lineStart = 0
  let lineNumber = 1
  for (let i = 0; i <= raw.length; i += 1) {
    const c = i === raw.length ? 10 : raw.charCodeAt(i)
    if (c !== 10 && c !== 13) continue
    if (i - lineStart > MAX_LINE_LENGTH) {
      throw new IngestError(
        'line-too-long',
        `line ${formatCount(lineNumber)} is ${formatCount(i - lineStart)} characters long; no paragraph is ` +
          `longer than ${formatCount(MAX_LINE_LENGTH)} (is this minified or binary data?)`,
      )
    }
    lineStart = i + 1
    if (c === 10) lineNumber += 1
  }
  if (raw.length > MAX_TEXT_LENGTH) {
    throw new IngestError(
      'too-large',
      `the text is ${formatCount(raw.length)} characters long; the limit is ${formatCount(MAX_TEXT_LENGTH)}`,
    )
  }
}

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes, hyphens and dots. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** The article in reading order: headline, deck (if any), then the body paragraphs p1, p2, ... */
export function articleBlocks(article: Pick<Article, 'headline' | 'deck' | 'paragraphs'>): Paragraph[] {
  const blocks: Paragraph[] = [{ id: 'headline', text: article.headline }]
  if (article.deck !== null && article.deck !== '') blocks.push({ id: 'deck', text: article.deck })
  return blocks.concat(article.paragraphs)
}

/**
 * Builds one Article from scraped text. The metadata wins for what the text cannot know (outlet, source URL,
 * story, id); `published` is the metadata's date, else the date the text states, else null — never a guess.
 */
export function buildArticle(raw: string, meta: Omit<SourceEntry, 'file'>): Article {
  checkInput(raw)
  const clean = cleanArticle(raw)
  if (clean.headline === null) {
    throw new IngestError('no-headline', `no headline could be found: ${whyNoHeadline(clean)}`)
  }
  if (clean.paragraphs.length === 0) {
    throw new IngestError('no-body', `no body paragraphs were found after the headline: ${whyNoBody(clean)}`)
  }
  return assembleArticle({ ...clean, headline: clean.headline }, meta)
}

/** What a saved page states about its article (src/ingest/page/ finds it). */
export type ArticleParts = {
  headline: string
  deck: string | null
  kicker: string | null
  byline: string | null
  /** YYYY-MM-DD as the page states it. */
  published: string | null
  /** The lead photo's caption with its credit, as printed. */
  caption: string | null
  paragraphs: readonly string[]
}

const oneLine = (text: string) =>
  normaliseText(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim()

/**
 * Builds one Article whose structure is already known: a saved page's headline, deck, byline, date and body
 * as its HTML and metadata state them. The text cleaner is not run over it: it reads structure from scraped
 * text, and over an already extracted body it mostly removes real content (docs/decisions/0002-html-body.md).
 * Text is normalised as scraped text is (spaces, invisible characters, NFC); a leading dateline is read.
 */
export function buildArticleFromParts(parts: ArticleParts, meta: Omit<SourceEntry, 'file'>): Article {
  const headline = oneLine(parts.headline)
  checkInput([headline, ...parts.paragraphs].join('\n\n'))
  const paragraphs = parts.paragraphs.map(oneLine).filter((p) => p !== '')
  if (headline === '') throw new IngestError('no-headline', 'the page states no headline')
  if (paragraphs.length === 0) {
    throw new IngestError('no-body', 'no body paragraphs were found in the page under its headline')
  }
  const lead = readDateline(paragraphs[0]!)
  if (lead) paragraphs[0] = lead.rest
  const optional = (text: string | null) => (text === null ? null : oneLine(text) || null)
  const captionText = optional(parts.caption)
  const caption =
    captionText === null ? null : (readCaption(captionText) ?? { text: captionText, credit: null })
  return assembleArticle(
    {
      section: null,
      kicker: optional(parts.kicker),
      headline,
      deck: optional(parts.deck),
      byline: optional(parts.byline),
      dateline: lead?.dateline ?? null,
      published: parts.published,
      caption: caption && { text: caption.text, credit: caption.credit },
      paragraphs,
    },
    meta,
  )
}

type Structure = Omit<CleanArticle, 'removed' | 'headline'> & { headline: string }

/** Structure + metadata -> the analysed, validated Article: sentences, quotes and speakers, entities. */
function assembleArticle(structure: Structure, meta: Omit<SourceEntry, 'file'>): Article {
  const paragraphs: Paragraph[] = structure.paragraphs.map((text, i) => ({ id: `p${i + 1}`, text }))
  const blocks = articleBlocks({ headline: structure.headline, deck: structure.deck, paragraphs })
  const sentences = segmentBlocks(blocks)
  const { quotes, speakers } = analyseQuotes(blocks)
  const entities = extractEntities(blocks, speakers)

  const article: Article = {
    schemaVersion: SCHEMA_VERSION,
    id: meta.id ?? slugify(structure.headline),
    storyId: meta.storyId,
    outlet: meta.outlet,
    section: structure.section,
    kicker: meta.kicker ?? structure.kicker,
    headline: structure.headline,
    deck: structure.deck,
    byline: structure.byline,
    dateline: structure.dateline,
    published: meta.published ?? structure.published ?? null,
    sourceUrl: meta.sourceUrl,
    caption: structure.caption,
    paragraphs,
    sentences,
    quotes,
    speakers,
    entities,
    wordCount: structure.paragraphs.reduce((n, p) => n + countWords(p), 0),
  }
  const parsed = v.safeParse(articleSchema, article)
  if (!parsed.success) {
    const issue = parsed.issues[0]
    const field = issue.path?.[0]?.key
    const code = ['id', 'storyId', 'outlet', 'sourceUrl', 'published', 'kicker'].includes(String(field))
    throw new IngestError(
      code ? 'invalid-metadata' : 'invalid-article',
      `the article does not match the data contract (${describeIssue(issue)})`,
    )
  }
  return parsed.output
}
