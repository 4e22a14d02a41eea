import type { QueryClient } from '@tanstack/react-query'
import { type LoaderFunctionArgs, useParams } from 'react-router'
import { articleQueryOptions, useArticle } from '../../lib/data/get-article'

export const createLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await queryClient.ensureQueryData(articleQueryOptions(params.articleId ?? ''))
    return null
  }

export function Component() {
  const { articleId = '' } = useParams()
  const article = useArticle(articleId)
  return (
    <article className="page">
      <h1>{article.headline}</h1>
      {article.paragraphs.map((p) => (
        <p key={p.id} id={p.id}>
          {p.text}
        </p>
      ))}
    </article>
  )
}
