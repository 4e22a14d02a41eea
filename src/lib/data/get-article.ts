import { queryOptions, useSuspenseQuery } from '@tanstack/react-query'
import * as v from 'valibot'
import { articleSchema, slugSchema, type Article } from '../../core/schema'
import { paths } from '../paths'
import { DataError, fetchJson } from './fetch-json'

export function getArticle(articleId: string, signal?: AbortSignal): Promise<Article> {
  // Never put an unvalidated URL parameter into a fetch path.
  if (!v.is(slugSchema, articleId)) {
    return Promise.reject(new DataError('not-found', articleId, 'There is no article with this address.'))
  }
  return fetchJson(paths.data.article(articleId), articleSchema, signal)
}

export const articleQueryOptions = (articleId: string) =>
  queryOptions({
    queryKey: ['articles', 'detail', articleId] as const,
    queryFn: ({ signal }) => getArticle(articleId, signal),
    staleTime: Infinity,
  })

export function useArticle(articleId: string) {
  return useSuspenseQuery(articleQueryOptions(articleId)).data
}
