import { useQuery, type QueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useParams, type Params } from 'react-router'
import { otherCoverage } from '../../features/reader/other-coverage'
import { ArticleReader } from '../../features/reader/reader-view'
import { articleQueryOptions, useArticle } from '../../lib/data/get-article'
import { indexQueryOptions } from '../../lib/data/get-index'
import { DocumentTitle } from '../../ui/document-title'

/**
 * The reader, for /mine/<id> (own-route.tsx) to take from this module rather than from the feature: the
 * reader's code then stays in this route's one chunk instead of being split into a chunk per shared module,
 * which cost a first visit to an article about 2 kB gzip (more files, less shared compression).
 */
export { ArticleReader } from '../../features/reader/reader-view'
export { ArticlePathContext } from '../../features/reader/article-path'

export function preload(queryClient: QueryClient, params: Params) {
  return queryClient.ensureQueryData(articleQueryOptions(params.articleId ?? ''))
}

export function Component() {
  const { articleId = '' } = useParams()
  const article = useArticle(articleId)
  // The story's other coverage is an extra: the article never waits for the index, and shows without it if
  // the index fails. Not in the prerendered page either, so the first paint needs only the article.
  const index = useQuery(indexQueryOptions()).data
  const coverage = useMemo(() => (index ? otherCoverage(index, article.id) : null), [index, article.id])
  return (
    <div className="page page-reader">
      <DocumentTitle title={article.outlet ? `${article.headline} — ${article.outlet}` : article.headline} />
      {/* A new article is a new reader: no popover, focus or toggle state carries over. */}
      <ArticleReader key={article.id} article={article} coverage={coverage} />
    </div>
  )
}
