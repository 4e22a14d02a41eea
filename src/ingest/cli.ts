/**
 * npm run ingest -- <files...> [--check] [--story <id>] [--outlet <name>] [--url <url>] [--corpus <dir>]
 *
 * Ingests raw scraped .txt files and saved .html pages and adds them to the corpus: the raw file is
 * copied unchanged into corpus/raw/ and an entry is appended to corpus/sources.json, with what is not
 * known left null. `--check` only validates and reports.
 *
 * Every file is read and analysed before anything is written, and whatever one file does to the readers
 * (a refusal, or an exception from the HTML parser) is reported with its name while the run goes on.
 * A file whose text, or whose extracted article, is already in the corpus is named with the article it
 * repeats and not added. The batch is then committed all or nothing (corpus-commit.ts), so Ctrl-C or a
 * kill at any moment leaves no raw file that sources.json does not list. Exit status: 0 when nothing
 * was refused, 1 when some file was (or the corpus could not be written), 2 for a usage error, 130 when
 * interrupted.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as v from 'valibot'
import { IngestError } from '../core/pipeline'
import { safeUrlSchema, slugSchema, type Article, type SourceEntry, type Sources } from '../core/schema'
import {
  CommitAbortedError,
  commitBatch,
  CorpusBusyError,
  CorpusChangedError,
  recoverCorpus,
  unlistedRawFiles,
} from './corpus-commit'
import {
  CorpusError,
  decodeUtf8,
  defaultCorpusDir,
  describeCrash,
  readCorpusRecords,
  readSources,
  articleFromSource,
  sourceText,
} from './corpus'
import { ArticleFingerprints, type DuplicateMatch } from './fingerprint'

/** Larger files are refused before they are read: no article, even as a saved page, comes near this. */
const MAX_FILE_BYTES = 50 * 1024 * 1024

const USAGE = `Usage: npm run ingest -- <files...> [options]

Adds raw scraped articles (.txt) or saved web pages (.html) to the corpus.

Options:
  --check           only validate and report; write nothing
  --story <id>      the story the articles belong to (a slug, e.g. trump-abe-summit-2018)
  --outlet <name>   the publishing outlet (otherwise the page's own site name, else unknown)
  --url <url>       the source URL (only with a single file)
  --corpus <dir>    the corpus directory (default: corpus/, or PARALLAX_CORPUS_DIR)
  -h, --help        show this help`

type Options = {
  files: string[]
  check: boolean
  story: string | null
  outlet: string | null
  url: string | null
  corpusDir: string
}

class UsageError extends Error {}

function parseOptions(argv: string[]): Options | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        check: { type: 'boolean', default: false },
        story: { type: 'string' },
        outlet: { type: 'string' },
        url: { type: 'string' },
        corpus: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  if (values.help) return 'help'
  if (positionals.length === 0) throw new UsageError('no files given')
  if (values.story !== undefined && !v.is(slugSchema, values.story)) {
    throw new UsageError(`--story must be a lowercase slug like "city-budget-2024"; got "${values.story}"`)
  }
  if (values.url !== undefined) {
    if (!v.is(safeUrlSchema, values.url))
      throw new UsageError(`--url must be an http(s) URL; got "${values.url}"`)
    if (positionals.length > 1) throw new UsageError('--url names one page, so it takes exactly one file')
  }
  const outlet = values.outlet?.trim()
  return {
    files: positionals,
    check: values.check ?? false,
    story: values.story ?? null,
    outlet: outlet ? outlet : null,
    url: values.url ?? null,
    corpusDir: values.corpus ? path.resolve(values.corpus) : defaultCorpusDir(),
  }
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} kB`
      : `${n} bytes`

type Accepted = { file: string; bytes: Uint8Array; article: Article; entry: SourceEntry }

/** Reads and validates one file; returns its text and article, or throws IngestError with a plain message. */
async function ingestFile(
  file: string,
  options: Options,
): Promise<{ bytes: Uint8Array; rawText: string; article: Article }> {
  let size: number
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new IngestError('unreadable', 'not a file (is it a directory?)')
    size = info.size
  } catch (error) {
    if (error instanceof IngestError) throw error
    throw new IngestError('unreadable', 'file not found (or not readable)')
  }
  if (size > MAX_FILE_BYTES) {
    throw new IngestError(
      'too-large',
      `the file is ${formatBytes(size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}`,
    )
  }
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(file))
  } catch (error) {
    throw new IngestError('unreadable', `the file could not be read (${String(error)})`)
  }
  const source = sourceText(bytes, file, options.url)
  const article = articleFromSource(source, {
    outlet: options.outlet ?? source.siteName,
    sourceUrl: options.url,
    storyId: options.story,
  })
  return { bytes, rawText: decodeUtf8(bytes), article }
}

/** A name in corpus/raw/ that no listed article, file on disk or earlier file of this run has. */
async function freeRawName(corpusDir: string, file: string, taken: Set<string>): Promise<string> {
  const ext = path.extname(file).toLowerCase()
  const base =
    path
      .basename(file, path.extname(file))
      .replace(/[^\w.-]+/g, '-')
      .replace(/^[-.]+/, '') || 'article'
  for (let n = 1; ; n += 1) {
    const name = `raw/${n === 1 ? base : `${base}-${n}`}${ext}`
    if (taken.has(name)) continue
    try {
      await stat(path.join(corpusDir, name))
    } catch {
      return name
    }
  }
}

/** Short names for the reasons a file is refused, for the run's summary. */
const REFUSAL_LABELS: Partial<Record<string, string>> = {
  'not-utf8': 'not UTF-8',
  'nul-character': 'with NUL characters',
  crash: 'the reader failed',
}
const refusalLabel = (code: string) => REFUSAL_LABELS[code] ?? code.replace(/-/g, ' ')

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function describeDuplicate(match: DuplicateMatch): string {
  const how = match.by === 'raw-text' ? 'the same text' : 'the same article text, read from a different file'
  return `${how} as ${match.file} (${match.id})`
}

async function run(options: Options): Promise<number> {
  const log = (line: string) => process.stdout.write(`${line}\n`)
  const progress = (line: string) => process.stderr.write(`${line}\n`)

  if (!options.check) {
    try {
      for (const line of await recoverCorpus(options.corpusDir)) progress(`ingest: ${line}`)
    } catch (error) {
      if (error instanceof CorpusBusyError) {
        progress(`ingest: ${error.message}`)
        return 1
      }
      // A corpus that does not exist is reported just below, in the words of the reader.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        progress(`ingest: what an interrupted ingest left could not be tidied up (${String(error)})`)
        return 1
      }
    }
  }

  let sources: Sources | null = null
  let baseSources = ''
  const known = new ArticleFingerprints()
  const existingIds = new Set<string>()
  try {
    baseSources = await readFile(path.join(options.corpusDir, 'sources.json'), 'utf8').catch(() => '')
    sources = await readSources(options.corpusDir)
    for (const record of await readCorpusRecords(options.corpusDir, sources)) {
      existingIds.add(record.article.id)
      known.add(new TextDecoder().decode(record.bytes), record.article, {
        file: record.entry.file,
        id: record.article.id,
      })
    }
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error
    if (!options.check) {
      progress(`ingest: the corpus cannot be read, so nothing can be added to it: ${error.message}`)
      return 1
    }
    progress(`ingest: note: corpus not readable (${error.message}); checking the files alone`)
    sources = null
  }
  if (sources && !options.check) {
    const unlisted = await unlistedRawFiles(
      options.corpusDir,
      sources.articles.map((a) => a.file),
    )
    if (unlisted.length > 0) {
      progress(
        `ingest: note: ${plural(unlisted.length, 'file')} in ${path.join(options.corpusDir, 'raw')} ` +
          `${unlisted.length === 1 ? 'is' : 'are'} not listed in sources.json (${unlisted.slice(0, 3).join(', ')}` +
          `${unlisted.length > 3 ? ', …' : ''}): the build ignores them; add them to sources.json or delete them`,
      )
    }
  }

  const accepted: Accepted[] = []
  const takenNames = new Set(sources?.articles.map((a) => a.file) ?? [])
  const refusals = new Map<string, number>()
  let duplicates = 0
  const total = options.files.length
  for (const [i, file] of options.files.entries()) {
    if (total > 1) progress(`[${i + 1}/${total}] ${file}`)
    let read: Awaited<ReturnType<typeof ingestFile>>
    try {
      read = await ingestFile(file, options)
    } catch (error) {
      // Whatever a file does to the readers, it is reported with its name and the run goes on.
      const code = error instanceof IngestError ? error.code : 'crash'
      refusals.set(code, (refusals.get(code) ?? 0) + 1)
      progress(`error: ${file}: ${error instanceof IngestError ? error.message : describeCrash(error)}`)
      continue
    }
    const { bytes, rawText, article } = read
    const match = known.match(rawText, article)
    if (match) {
      duplicates += 1
      const where = match.earlierInRun ? 'given earlier in this run' : 'already in the corpus'
      log(`same ${file}: ${describeDuplicate(match)}, ${where}; not added`)
      continue
    }
    let id = article.id
    if (!options.check) {
      const name = await freeRawName(options.corpusDir, file, takenNames)
      takenNames.add(name)
      // Ids must be unique and stable: a different article with the same headline gets a numbered id,
      // written into sources.json.
      for (let n = 2; existingIds.has(id); n += 1) id = `${article.id.slice(0, 76)}-${n}`
      const entry: SourceEntry = {
        file: name,
        ...(id !== article.id ? { id } : {}),
        outlet: article.outlet,
        sourceUrl: article.sourceUrl,
        storyId: article.storyId,
        published: null,
      }
      accepted.push({ file, bytes, article: { ...article, id }, entry })
      known.add(rawText, article, { file, id, earlierInRun: true })
    } else {
      if (existingIds.has(id))
        log(`note ${file}: the id "${id}" is already in the corpus; adding it would number it`)
      known.add(rawText, article, { file, id, earlierInRun: true })
    }
    existingIds.add(id)
    const a = article
    log(
      `${options.check ? 'ok  ' : 'add '} ${file} -> ${id} (${a.paragraphs.length} paragraphs, ${a.quotes.length} quotes, ` +
        `${a.speakers.length} speakers, published ${a.published ?? 'unknown'}, outlet ${a.outlet ?? 'unknown'})`,
    )
  }

  let interrupted: NodeJS.Signals | null = null
  if (!options.check && accepted.length > 0 && sources) {
    const next: Sources = { stories: [...sources.stories], articles: [...sources.articles] }
    if (options.story && !next.stories.some((s) => s.id === options.story)) {
      const first = accepted[0]!.article
      next.stories.push({ id: options.story, title: first.headline, date: first.published })
      log(
        `new story ${options.story}: titled after "${first.headline}"; edit corpus/sources.json to change it`,
      )
    }
    next.articles.push(...accepted.map((a) => a.entry))
    // Ctrl-C or SIGTERM while the batch is written stops it before its commit point (nothing is added)
    // or lets it finish after (everything is); never in between.
    const controller = new AbortController()
    const onSignal = (signal: NodeJS.Signals) => {
      interrupted = signal
      controller.abort()
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
    progress(`ingest: writing ${plural(accepted.length, 'article')} into ${options.corpusDir}`)
    try {
      await commitBatch(
        options.corpusDir,
        {
          files: accepted.map((a) => ({ name: a.entry.file, bytes: a.bytes })),
          baseSources,
          nextSources: `${JSON.stringify(next, null, 2)}\n`,
        },
        { signal: controller.signal },
      )
    } catch (error) {
      const why =
        error instanceof CommitAbortedError ||
        error instanceof CorpusBusyError ||
        error instanceof CorpusChangedError
          ? error.message
          : `could not write to the corpus (${String(error)})`
      progress(`ingest: ${why}; nothing was added`)
      return interrupted ? 130 : 1
    } finally {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }

  const failed = [...refusals.values()].reduce((n, c) => n + c, 0)
  const reasons = [...refusals].map(([code, n]) => `${n} ${refusalLabel(code)}`).join(', ')
  const refused = `${failed} refused${failed > 0 ? ` (${reasons})` : ''}`
  const dupes = plural(duplicates, 'duplicate')
  const summary = options.check
    ? `checked ${plural(total, 'file')}: ${total - failed - duplicates} ok, ${refused}, ${dupes}`
    : `${accepted.length} added to the corpus, ${refused}, ${dupes}`
  log(summary)
  if (interrupted) {
    progress(`ingest: ${interrupted} arrived after the batch was committed; it was finished first`)
    return 130
  }
  return failed > 0 ? 1 : 0
}

async function main(argv: string[]): Promise<number> {
  let options: Options | 'help'
  try {
    options = parseOptions(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`ingest: ${error.message}\n\n${USAGE}\n`)
    return 2
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  return run(options)
}

process.exitCode = await main(process.argv.slice(2))
