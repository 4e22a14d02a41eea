import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { useParams, type Params } from 'react-router'
import { OwnArticleNote } from '../../features/own/own-article-note'
import { ownArticleQueryOptions } from '../../features/own/own-queries'
import { DocumentTitle } from '../../ui/document-title'
import { paths } from '../../lib/paths'
import { ArticlePathContext, ArticleReader } from './article-route'

export function preload(queryClient: QueryClient, params: Params) {
  return queryClient.ensureQueryData(ownArticleQueryOptions(params.ownId ?? ''))
}

/** /mine/<id>: an article the reader added, from this browser's storage, in the same reader. */
export function Component() {
  const { ownId = '' } = useParams()
  const own = useSuspenseQuery(ownArticleQueryOptions(ownId)).data
  const { article } = own
  return (
    <div className="page page-reader">
      <DocumentTitle title={article.outlet ? `${article.headline} — ${article.outlet}` : article.headline} />
      <OwnArticleNote own={own} />
      {/* Its paragraph, quote and speaker links stay on /mine/<id>. */}
      <ArticlePathContext value={paths.own.build}>
        <ArticleReader key={article.id} article={article} />
      </ArticlePathContext>
    </div>
  )
}
