import type { QueryClient } from '@tanstack/react-query'
import { type LoaderFunctionArgs, useParams } from 'react-router'
import { articleQueryOptions, useArticle } from '../../lib/data/get-article'

export const createLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await Promise.all([
      queryClient.ensureQueryData(articleQueryOptions(params.leftId ?? '')),
      queryClient.ensureQueryData(articleQueryOptions(params.rightId ?? '')),
    ])
    return null
  }

export function Component() {
  const { leftId = '', rightId = '' } = useParams()
  const left = useArticle(leftId)
  const right = useArticle(rightId)
  return (
    <section className="page">
      <h1>
        Compare: {left.headline} / {right.headline}
      </h1>
    </section>
  )
}
