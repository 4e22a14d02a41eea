import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { comparisonSchema, slugSchema, type Article, type Comparison } from '../../core/schema'
import { paths } from '../paths'
import { DataError, fetchJson } from './fetch-json'
import { articleQueryOptions } from './get-article'

/**
 * Computes a comparison when no bundled file exists. The compare feature passes one that runs the
 * alignment in a Web Worker; lib cannot import features, so it is handed in rather than imported.
 */
export type AlignArticles = (left: Article, right: Article, signal?: AbortSignal) => Promise<Comparison>

export type GetComparisonOptions = {
  signal?: AbortSignal
  loadArticle: (articleId: string) => Promise<Article>
  align: AlignArticles
}

/** The same comparison seen from the other side: left and right swapped, link ids kept. */
export function mirrorComparison(comparison: Comparison): Comparison {
  return {
    ...comparison,
    leftId: comparison.rightId,
    rightId: comparison.leftId,
    links: comparison.links.map((link) => ({ ...link, left: link.right, right: link.left })),
    onlyLeft: comparison.onlyRight,
    onlyRight: comparison.onlyLeft,
  }
}

async function fetchBundled(leftId: string, rightId: string, signal?: AbortSignal): Promise<Comparison> {
  const comparison = await fetchJson(paths.data.comparison(leftId, rightId), comparisonSchema, signal)
  if (comparison.leftId !== leftId || comparison.rightId !== rightId) {
    throw new DataError(
      'invalid',
      paths.data.comparison(leftId, rightId),
      'The comparison file names other articles.',
    )
  }
  return comparison
}

/**
 * The links between two articles: the file the build wrote for pairs in the same story, else the same
 * pair written the other way round (mirrored), else computed on demand. A bundled file is only a cache
 * of what `alignArticles` would compute, so any failure to use it (missing, a host's HTML fallback page,
 * damaged) falls through to computing; only a failure to load the articles themselves is an error.
 */
export async function getComparison(
  leftId: string,
  rightId: string,
  { signal, loadArticle, align }: GetComparisonOptions,
): Promise<Comparison> {
  // Never put an unvalidated URL parameter into a fetch path.
  if (!slugSchema.safeParse(leftId).success || !slugSchema.safeParse(rightId).success) {
    throw new DataError('not-found', `${leftId}--${rightId}`, 'There is no article with this address.')
  }
  try {
    return await fetchBundled(leftId, rightId, signal)
  } catch (error) {
    if (signal?.aborted) throw error
  }
  try {
    return mirrorComparison(await fetchBundled(rightId, leftId, signal))
  } catch (error) {
    if (signal?.aborted) throw error
  }
  const [left, right] = await Promise.all([loadArticle(leftId), loadArticle(rightId)])
  return align(left, right, signal)
}

function loadArticleWith(client: QueryClient) {
  return (articleId: string) => client.ensureQueryData(articleQueryOptions(articleId))
}

export const comparisonQueryOptions = (leftId: string, rightId: string, align: AlignArticles) =>
  queryOptions({
    queryKey: ['comparisons', 'detail', leftId, rightId] as const,
    queryFn: ({ signal, client }) =>
      getComparison(leftId, rightId, { signal, align, loadArticle: loadArticleWith(client) }),
    staleTime: Infinity,
  })

export function useComparison(leftId: string, rightId: string, align: AlignArticles) {
  return useSuspenseQuery(comparisonQueryOptions(leftId, rightId, align)).data
}
