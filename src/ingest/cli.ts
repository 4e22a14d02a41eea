/**
 * npm run ingest -- <files...> [--check] [--story <id>] [--outlet <name>] [--url <url>] [--corpus <dir>]
 *
 * Ingests raw scraped .txt files and saved .html pages (through Mozilla's Readability) and adds them to
 * the corpus: the raw file is copied unchanged into corpus/raw/ and an entry is appended to
 * corpus/sources.json, with what is not known left null. `--check` only validates and reports.
 *
 * Every file is validated before anything is written; writes go through a temporary file and a rename,
 * so an interrupted run never leaves a half-written file. A bad file is reported with its name and the
 * problem and makes the exit code non-zero, while the other files of the run are still reported.
 */
import { createHash } from 'node:crypto'
import { readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as v from 'valibot'
import { buildArticle, IngestError } from '../core/pipeline'
import { safeUrlSchema, slugSchema, type Article, type SourceEntry, type Sources } from '../core/schema'
import { writeFileAtomic } from './atomic'
import { CorpusError, defaultCorpusDir, readCorpusArticles, readSources, sourceText } from './corpus'

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

/** Reads and validates one file; returns the article or throws IngestError with a plain message. */
async function ingestFile(file: string, options: Options): Promise<{ bytes: Uint8Array; article: Article }> {
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
  const bytes = new Uint8Array(await readFile(file))
  const { text, siteName } = sourceText(bytes, file, options.url)
  const article = buildArticle(text, {
    outlet: options.outlet ?? siteName,
    sourceUrl: options.url,
    storyId: options.story,
  })
  return { bytes, article }
}

/** A name in corpus/raw/ that is free, or already holds exactly these bytes. */
async function rawName(
  corpusDir: string,
  file: string,
  bytes: Uint8Array,
  taken: Set<string>,
): Promise<{ name: string; same: boolean }> {
  const ext = path.extname(file).toLowerCase()
  const base =
    path
      .basename(file, path.extname(file))
      .replace(/[^\w.-]+/g, '-')
      .replace(/^[-.]+/, '') || 'article'
  for (let n = 1; ; n += 1) {
    const name = `raw/${n === 1 ? base : `${base}-${n}`}${ext}`
    let existing: Buffer | null = null
    try {
      existing = await readFile(path.join(corpusDir, name))
    } catch {
      existing = null
    }
    if (existing !== null && Buffer.compare(existing, Buffer.from(bytes)) === 0) return { name, same: true }
    if (existing === null && !taken.has(name)) return { name, same: false }
  }
}

async function run(options: Options): Promise<number> {
  const log = (line: string) => process.stdout.write(`${line}\n`)
  const progress = (line: string) => process.stderr.write(`${line}\n`)

  let sources: Sources | null = null
  const existingIds = new Set<string>()
  try {
    sources = await readSources(options.corpusDir)
    for (const a of await readCorpusArticles(options.corpusDir, sources)) existingIds.add(a.id)
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error
    if (!options.check) {
      progress(`ingest: the corpus cannot be read, so nothing can be added to it: ${error.message}`)
      return 1
    }
    progress(`ingest: note: corpus not readable (${error.message}); checking the files alone`)
    sources = null
  }

  const accepted: Accepted[] = []
  const seenContent = new Set<string>()
  const takenNames = new Set(sources?.articles.map((a) => a.file) ?? [])
  let failed = 0
  let skipped = 0
  const total = options.files.length
  for (const [i, file] of options.files.entries()) {
    if (total > 1) progress(`[${i + 1}/${total}] ${file}`)
    try {
      const { bytes, article } = await ingestFile(file, options)
      const fingerprint = createHash('sha256').update(bytes).digest('hex')
      if (seenContent.has(fingerprint)) {
        log(`skip ${file}: the same file was already given in this run`)
        skipped += 1
        continue
      }
      seenContent.add(fingerprint)
      let id = article.id
      let explicitId = false
      if (!options.check) {
        const raw = await rawName(options.corpusDir, file, bytes, takenNames)
        if (raw.same && sources?.articles.some((a) => a.file === raw.name)) {
          log(`skip ${file}: already in the corpus as ${raw.name}`)
          skipped += 1
          continue
        }
        takenNames.add(raw.name)
        // Ids must be unique and stable: a clash gets a numbered id, written into sources.json.
        for (let n = 2; existingIds.has(id); n += 1) {
          id = `${article.id.slice(0, 76)}-${n}`
          explicitId = true
        }
        existingIds.add(id)
        const entry: SourceEntry = {
          file: raw.name,
          ...(explicitId ? { id } : {}),
          outlet: article.outlet,
          sourceUrl: article.sourceUrl,
          storyId: article.storyId,
          published: null,
        }
        accepted.push({ file, bytes, article: { ...article, id }, entry })
      } else if (existingIds.has(id)) {
        log(`note ${file}: the id "${id}" is already in the corpus; adding it would number it`)
      }
      const a = article
      log(
        `${options.check ? 'ok  ' : 'add '} ${file} -> ${id} (${a.paragraphs.length} paragraphs, ${a.quotes.length} quotes, ` +
          `${a.speakers.length} speakers, published ${a.published ?? 'unknown'}, outlet ${a.outlet ?? 'unknown'})`,
      )
    } catch (error) {
      if (!(error instanceof IngestError)) throw error
      failed += 1
      progress(`error: ${file}: ${error.message}`)
    }
  }

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
    const written: string[] = []
    try {
      for (const a of accepted) {
        const target = path.join(options.corpusDir, a.entry.file)
        await writeFileAtomic(target, a.bytes)
        written.push(target)
      }
      await writeFileAtomic(
        path.join(options.corpusDir, 'sources.json'),
        `${JSON.stringify(next, null, 2)}\n`,
      )
    } catch (error) {
      // Without its sources.json entry a raw copy is an orphan: take the copies back out.
      for (const target of written) await rm(target, { force: true })
      progress(`ingest: could not write to the corpus (${String(error)}); nothing was added`)
      return 1
    }
  }

  const summary = options.check
    ? `checked ${total} file${total === 1 ? '' : 's'}: ${total - failed} ok, ${failed} failed`
    : `${accepted.length} added to the corpus, ${skipped} already there, ${failed} failed`
  log(summary)
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
