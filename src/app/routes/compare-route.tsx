import type { QueryClient } from '@tanstack/react-query'
import { useParams, type Params } from 'react-router'
import { preloadPickers } from '../../features/compare/components/article-pickers'
import { ComparePage, SelfComparison } from '../../features/compare/compare-page'
import { articleQueryOptions, useArticle } from '../../lib/data/get-article'
import { comparisonQueryOptions, useComparison, type AlignArticles } from '../../lib/data/get-comparison'
import { indexQueryOptions, useIndex } from '../../lib/data/get-index'

/**
 * Only a pair with no stored comparison (two stories, or an article of the reader's own) is aligned here, so
 * the code that starts the worker is loaded then, not on every comparison's first visit.
 */
const alignInWorker: AlignArticles = (left, right, signal) =>
  import('../../features/compare/worker/align-in-worker').then((m) => m.alignInWorker(left, right, signal))

/**
 * The first render is one screen of each article, whatever their length (see block-budget.ts and
 * docs/decisions/0004-render-at-once.md).
 */
export const renderAtOnce = true

export async function preload(queryClient: QueryClient, params: Params) {
  const leftId = params.leftId ?? ''
  const rightId = params.rightId ?? ''
  // All at once: a bundled pair's comparison file needs only the index, not the articles, so it is not
  // held back until they arrive. An unknown id fails the article's query and the comparison's alike
  // (getComparison loads the articles before it would align them), with the same "not found".
  await Promise.all([
    queryClient.ensureQueryData(indexQueryOptions()).then(preloadPickers),
    queryClient.ensureQueryData(articleQueryOptions(leftId)),
    queryClient.ensureQueryData(articleQueryOptions(rightId)),
    leftId === rightId
      ? null
      : queryClient.ensureQueryData(comparisonQueryOptions(leftId, rightId, alignInWorker)),
  ])
}

function Comparison({ leftId, rightId }: { leftId: string; rightId: string }) {
  const index = useIndex()
  const left = useArticle(leftId)
  const right = useArticle(rightId)
  const comparison = useComparison(leftId, rightId, alignInWorker)
  return <ComparePage left={left} right={right} comparison={comparison} index={index} />
}

function Self({ articleId }: { articleId: string }) {
  const index = useIndex()
  const article = useArticle(articleId)
  return <SelfComparison article={article} index={index} />
}

export function Component() {
  const { leftId = '', rightId = '' } = useParams()
  return leftId === rightId ? (
    <Self articleId={leftId} />
  ) : (
    <Comparison key={`${leftId}/${rightId}`} leftId={leftId} rightId={rightId} />
  )
}
