/**
 * The routes the browser benchmarks visit, taken from the built site's own data: the library, the first bundled
 * article, and the first story's first two articles side by side.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { indexSchema, type ArticleIndex } from '../../src/core/schema'
import { paths } from '../../src/lib/paths'

export type BenchRoute = { name: 'library' | 'reader' | 'compare'; path: string }

export async function siteIndex(siteDir: string): Promise<ArticleIndex> {
  return indexSchema.parse(JSON.parse(await readFile(path.join(siteDir, 'data', 'index.json'), 'utf8')))
}

export async function benchRoutes(siteDir: string): Promise<BenchRoute[]> {
  const index = await siteIndex(siteDir)
  const first = index.articles[0]
  if (!first) throw new Error('the built site has no articles')
  const pair = index.stories.find((s) => s.articleIds.length >= 2)?.articleIds
  if (!pair) throw new Error('the built site has no story with two articles to compare')
  return [
    { name: 'library', path: paths.library.build() },
    { name: 'reader', path: paths.article.build(first.id) },
    { name: 'compare', path: paths.compare.build(pair[0]!, pair[1]!) },
  ]
}
