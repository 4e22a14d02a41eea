/**
 * Build step: corpus/ -> public/data/ (copied by Vite into the build output under data/).
 * Every file is validated against the schema before it is written.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { buildArticle } from '../core/pipeline'
import {
  articleSchema,
  indexSchema,
  sourcesSchema,
  SCHEMA_VERSION,
  type Article,
  type ArticleIndex,
} from '../core/schema'

const root = path.resolve(import.meta.dirname, '../..')
const corpusDir = path.join(root, 'corpus')
const outDir = path.join(root, 'public', 'data')

async function writeJson(file: string, data: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(data)}\n`, 'utf8')
}

async function main(): Promise<void> {
  const sources = sourcesSchema.parse(
    JSON.parse(await readFile(path.join(corpusDir, 'sources.json'), 'utf8')),
  )
  const articles: Article[] = []
  for (const entry of sources.articles) {
    const raw = await readFile(path.join(corpusDir, entry.file), 'utf8')
    articles.push(articleSchema.parse(buildArticle(raw, entry)))
  }
  const index: ArticleIndex = indexSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    stories: sources.stories.map((s) => ({
      ...s,
      articleIds: articles.filter((a) => a.storyId === s.id).map((a) => a.id),
    })),
    articles: articles.map((a) => ({
      id: a.id,
      storyId: a.storyId,
      outlet: a.outlet,
      kicker: a.kicker,
      headline: a.headline,
      deck: a.deck,
      byline: a.byline,
      published: a.published,
      wordCount: a.wordCount,
      quoteCount: a.quotes.length,
      speakers: a.speakers.map((s) => s.name),
    })),
  })
  await rm(outDir, { recursive: true, force: true })
  for (const a of articles) await writeJson(path.join(outDir, 'articles', `${a.id}.json`), a)
  await writeJson(path.join(outDir, 'index.json'), index)
  console.log(`data: ${articles.length} articles, ${index.stories.length} stories -> public/data`)
}

await main()
