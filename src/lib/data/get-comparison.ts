import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import * as v from 'valibot'
import {
  comparisonEvidenceSchema,
  comparisonSchema,
  slugSchema,
  type Article,
  type ArticleIndex,
  type Comparison,
  type ComparisonEvidence,
} from '../../core/schema'
import { paths } from '../paths'
import { DataError, fetchJson } from './fetch-json'
import { articleQueryOptions } from './get-article'
import { indexQueryOptions } from './get-index'

/**
 * Computes a comparison when no bundled file exists. The compare feature passes one that runs the
 * alignment in a Web Worker; lib cannot import features, so it is handed in rather than imported.
 */
export type AlignArticles = (left: Article, right: Article, signal?: AbortSignal) => Promise<Comparison>

export type GetComparisonOptions = {
  signal?: AbortSignal
  loadArticle: (articleId: string) => Promise<Article>
  loadIndex: () => Promise<ArticleIndex>
  align: AlignArticles
}

/** A file the build wrote about one pair, refused if it names another pair. */
async function fetchPairFile<S extends typeof comparisonSchema | typeof comparisonEvidenceSchema>(
  path: string,
  schema: S,
  [leftId, rightId]: [string, string],
  name: string,
  signal?: AbortSignal,
): Promise<v.InferOutput<S>> {
  const file = await fetchJson(path, schema, signal)
  if (file.leftId !== leftId || file.rightId !== rightId) {
    throw new DataError('invalid', path, `The ${name} file names other articles.`)
  }
  return file
}

function fetchBundled(leftId: string, rightId: string, signal?: AbortSignal): Promise<Comparison> {
  const path = paths.data.comparison(leftId, rightId)
  return fetchPairFile(path, comparisonSchema, [leftId, rightId], 'comparison', signal)
}

/**
 * The links between two articles: for a pair in the same story, the file the build wrote; for any other
 * pair (or if that file cannot be used), computed on demand. The index says which pairs were bundled, so
 * no request is made for a file that cannot exist. A bundled file is only a cache of what
 * `alignArticles` computes, so any failure to use it (missing, a host's HTML fallback page, damaged) falls
 * through to computing; only a failure to load the articles themselves is an error.
 */
export async function getComparison(
  leftId: string,
  rightId: string,
  { signal, loadArticle, loadIndex, align }: GetComparisonOptions,
): Promise<Comparison> {
  // Never put an unvalidated URL parameter into a fetch path.
  if (!v.is(slugSchema, leftId) || !v.is(slugSchema, rightId)) {
    throw new DataError('not-found', `${leftId}--${rightId}`, 'There is no article with this address.')
  }
  const index = await loadIndex().catch(() => null)
  if (index && isBundledPair(index, leftId, rightId)) {
    try {
      return await fetchBundled(leftId, rightId, signal)
    } catch (error) {
      if (signal?.aborted) throw error
    }
  }
  const [left, right] = await Promise.all([loadArticle(leftId), loadArticle(rightId)])
  return align(left, right, signal)
}

/** The build writes a comparison file for every ordered pair of different articles in the same story. */
export function isBundledPair(index: ArticleIndex, leftId: string, rightId: string): boolean {
  if (leftId === rightId) return false
  return index.stories.some((s) => s.articleIds.includes(leftId) && s.articleIds.includes(rightId))
}

function loadersFor(client: QueryClient) {
  return {
    loadArticle: (articleId: string) => client.ensureQueryData(articleQueryOptions(articleId)),
    loadIndex: () => client.ensureQueryData(indexQueryOptions()),
  }
}

export const comparisonQueryOptions = (leftId: string, rightId: string, align: AlignArticles) =>
  queryOptions({
    queryKey: ['comparisons', 'detail', leftId, rightId] as const,
    queryFn: ({ signal, client }) => getComparison(leftId, rightId, { signal, align, ...loadersFor(client) }),
    staleTime: Infinity,
  })

export function useComparison(leftId: string, rightId: string, align: AlignArticles) {
  return useSuspenseQuery(comparisonQueryOptions(leftId, rightId, align)).data
}

/** The evidence of a bundled comparison's links, by link id (read when a reader asks why two are linked). */
export async function getEvidence(
  leftId: string,
  rightId: string,
  signal?: AbortSignal,
): Promise<ComparisonEvidence['evidence']> {
  const path = paths.data.evidence(leftId, rightId)
  if (!v.is(slugSchema, leftId) || !v.is(slugSchema, rightId)) {
    throw new DataError('not-found', path, 'There is no article with this address.')
  }
  const file = await fetchPairFile(path, comparisonEvidenceSchema, [leftId, rightId], 'evidence', signal)
  return file.evidence
}

export const evidenceQueryOptions = (leftId: string, rightId: string) =>
  queryOptions({
    queryKey: ['comparisons', 'evidence', leftId, rightId] as const,
    queryFn: ({ signal }) => getEvidence(leftId, rightId, signal),
    staleTime: Infinity,
  })
