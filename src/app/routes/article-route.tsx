import type { QueryClient } from '@tanstack/react-query'
import { useParams, type Params } from 'react-router'
import { ArticleReader } from '../../features/reader/reader-view'
import { articleQueryOptions, useArticle } from '../../lib/data/get-article'
import { DocumentTitle } from '../../ui/document-title'

export function preload(queryClient: QueryClient, params: Params) {
  return queryClient.ensureQueryData(articleQueryOptions(params.articleId ?? ''))
}

export function Component() {
  const { articleId = '' } = useParams()
  const article = useArticle(articleId)
  return (
    <div className="page page-reader">
      <DocumentTitle title={article.outlet ? `${article.headline} — ${article.outlet}` : article.headline} />
      {/* A new article is a new reader: no popover, focus or toggle state carries over. */}
      <ArticleReader key={article.id} article={article} />
    </div>
  )
}
