/**
 * Build step (first part of `npm run build`): corpus/ -> public/data/, which Vite copies into the build
 * output under data/. The JSON is always generated from the corpus by the pipeline, so it cannot drift.
 *
 * Every file is validated against its schema before anything is written; the files go into a staging
 * directory that replaces public/data in one rename, so a failed build leaves the previous data intact.
 *
 * Environment: PARALLAX_CORPUS_DIR (default corpus/), PARALLAX_DATA_DIR (default public/data).
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { replaceDirectory } from './atomic'
import { STAGING_DIR } from './corpus-commit'
import { CorpusError, defaultCorpusDir, PROJECT_ROOT, readCorpusArticles, readSources } from './corpus'
import { buildDataFiles, DataValidationError } from './data-files'

export type BuildDataOptions = { corpusDir?: string; outDir?: string }
export type BuildDataResult = { articles: number; stories: number; comparisons: number; outDir: string }

export function defaultDataDir(): string {
  const fromEnv = process.env.PARALLAX_DATA_DIR
  return fromEnv ? path.resolve(fromEnv) : path.join(PROJECT_ROOT, 'public', 'data')
}

/** Builds every data file from the corpus and swaps them in. Throws CorpusError or DataValidationError. */
export async function buildData(options: BuildDataOptions = {}): Promise<BuildDataResult> {
  const corpusDir = options.corpusDir ?? defaultCorpusDir()
  const outDir = options.outDir ?? defaultDataDir()
  const sources = await readSources(corpusDir)
  const articles = await readCorpusArticles(corpusDir, sources)
  const files = buildDataFiles(articles, sources.stories)
  // Stage outside public/ when building the project's own data, so a crashed build can never leave a
  // staging directory for Vite to copy into the site.
  const inProject = !path.relative(PROJECT_ROOT, outDir).startsWith('..')
  const stagingParent = inProject ? path.join(PROJECT_ROOT, '.tmp') : path.dirname(outDir)
  await replaceDirectory(outDir, stagingParent, async (staging) => {
    for (const file of files) {
      const target = path.join(staging, file.path)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, `${JSON.stringify(file.data)}\n`, 'utf8')
    }
  })
  return {
    articles: articles.length,
    stories: new Set(articles.map((a) => a.storyId).filter((s) => s !== null)).size,
    comparisons: files.filter((f) => f.path.startsWith('compare/')).length,
    outDir,
  }
}

/** A note when an interrupted (or running) ingest has a batch staged: the build reads sources.json as it is. */
export async function pendingIngestNote(corpusDir: string = defaultCorpusDir()): Promise<string | null> {
  const names = await readdir(path.join(corpusDir, STAGING_DIR)).catch(() => [])
  if (!names.some((n) => n.startsWith('batch-'))) return null
  return (
    `${path.join(corpusDir, STAGING_DIR)} holds a batch of an interrupted or running ingest; ` +
    'this build leaves it out, and the next "npm run ingest" completes or undoes it'
  )
}

async function main(): Promise<void> {
  try {
    const note = await pendingIngestNote()
    if (note) console.log(`data: note: ${note}`)
    const r = await buildData()
    const where = path.relative(process.cwd(), r.outDir) || r.outDir
    console.log(
      `data: ${r.articles} articles, ${r.stories} stories, ${r.comparisons} comparisons -> ${where}`,
    )
  } catch (error) {
    if (error instanceof CorpusError || error instanceof DataValidationError) {
      console.error(`build-data: ${error.message}`)
      process.exit(1)
    }
    throw error
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main()
