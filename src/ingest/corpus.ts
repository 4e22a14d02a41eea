/**
 * The corpus on disk: corpus/sources.json (hand-edited metadata; unknown is null) and the raw files it
 * lists, kept byte-for-byte as they were scraped. Node only.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import * as v from 'valibot'
import { buildArticle, IngestError } from '../core/pipeline'
import { describeIssue, sourcesSchema, type Article, type SourceEntry, type Sources } from '../core/schema'
import { articleFromPage, htmlToArticleText, type HtmlArticle } from './html'

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..')

/** corpus/ in the project, or PARALLAX_CORPUS_DIR (tests point it at a temporary copy). */
export function defaultCorpusDir(): string {
  const fromEnv = process.env.PARALLAX_CORPUS_DIR
  return fromEnv ? path.resolve(fromEnv) : path.join(PROJECT_ROOT, 'corpus')
}

export const isHtmlFile = (file: string) => /\.x?html?$/i.test(file)

/** Strict UTF-8: bytes that are not valid UTF-8 (Latin-1, UTF-16, binary) are refused, never guessed. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new IngestError(
      'not-utf8',
      'the file is not valid UTF-8 text (it may be binary, or saved in another encoding such as Latin-1 or UTF-16)',
    )
  }
}

/** A raw file read for the pipeline: its text, and for a saved page what the page states about itself. */
export type SourceText = { text: string; siteName: string | null; page?: HtmlArticle }

/** A raw file's bytes -> the pipeline's input text; saved HTML pages go through Readability first. */
export function sourceText(bytes: Uint8Array, fileName: string, url?: string | null): SourceText {
  if (bytes.length === 0) throw new IngestError('empty', 'the file is empty (0 bytes)')
  const decoded = decodeUtf8(bytes)
  if (!isHtmlFile(fileName)) return { text: decoded, siteName: null }
  if (decoded.includes('\u0000')) {
    throw new IngestError('nul-character', 'the page contains NUL characters; it looks like a binary file')
  }
  const page = htmlToArticleText(decoded, url ?? undefined)
  return { text: page.text, siteName: page.siteName, page }
}

/**
 * The article a source gives: a saved page through articleFromPage (the browser's add page uses it too),
 * scraped text through the text cleaner.
 */
export function articleFromSource(source: SourceText, meta: Omit<SourceEntry, 'file'>): Article {
  return source.page ? articleFromPage(source.page, meta) : buildArticle(source.text, meta)
}

/** One raw file + its metadata -> a validated Article (throws IngestError). */
export function articleFromBytes(bytes: Uint8Array, entry: SourceEntry): Article {
  const source = sourceText(bytes, entry.file, entry.sourceUrl)
  const { file: _file, ...meta } = entry
  return articleFromSource(source, meta)
}

/** A problem with the corpus itself, reported with the file it is in. */
export class CorpusError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CorpusError'
  }
}

export async function readSources(corpusDir: string): Promise<Sources> {
  const file = path.join(corpusDir, 'sources.json')
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new CorpusError(
      `${file}: ${error instanceof SyntaxError ? 'not valid JSON' : 'cannot be read'} (${String(error)})`,
    )
  }
  const parsed = v.safeParse(sourcesSchema, json)
  if (!parsed.success) throw new CorpusError(`${file}: ${describeIssue(parsed.issues[0])}`)
  return parsed.output
}

/** One article of the corpus with the bytes it was read from. */
export type CorpusRecord = { entry: SourceEntry; bytes: Uint8Array; article: Article }

/** What an exception that is not an IngestError says, for a message that names the file it came from. */
export function describeCrash(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'the reader ran out of stack on it (in a saved page, markup nested too deeply)'
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return `the reader failed on it (${what.split('\n')[0]!.slice(0, 300)})`
}

/** Every article of the corpus, in sources.json order; the first bad file stops the build, named. */
export async function readCorpusRecords(corpusDir: string, sources: Sources): Promise<CorpusRecord[]> {
  const records: CorpusRecord[] = []
  const ids = new Map<string, string>()
  const stories = new Set(sources.stories.map((s) => s.id))
  for (const entry of sources.articles) {
    const file = path.join(corpusDir, entry.file)
    let bytes: Uint8Array
    try {
      bytes = await readFile(file)
    } catch {
      throw new CorpusError(`${entry.file}: listed in sources.json but cannot be read`)
    }
    let article: Article
    try {
      article = articleFromBytes(bytes, entry)
    } catch (error) {
      // Any exception, not only the pipeline's own: the HTML parser's are named with the file too.
      throw new CorpusError(
        `${entry.file}: ${error instanceof IngestError ? error.message : describeCrash(error)}`,
      )
    }
    const clash = ids.get(article.id)
    if (clash) {
      throw new CorpusError(
        `${entry.file}: its id "${article.id}" is already used by ${clash}; give one of them an "id" in sources.json`,
      )
    }
    if (article.storyId !== null && !stories.has(article.storyId)) {
      throw new CorpusError(
        `${entry.file}: story "${article.storyId}" is not listed under "stories" in sources.json`,
      )
    }
    ids.set(article.id, entry.file)
    records.push({ entry, bytes, article })
  }
  return records
}

export async function readCorpusArticles(corpusDir: string, sources: Sources): Promise<Article[]> {
  return (await readCorpusRecords(corpusDir, sources)).map((r) => r.article)
}
