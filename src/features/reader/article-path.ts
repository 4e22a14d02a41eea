import { createContext, useContext } from 'react'
import { paths, type ArticleParams } from '../../lib/paths'

/** The address of a place in the article being read. */
export type ArticlePath = (articleId: string, params?: ArticleParams) => string

/**
 * Where the reader's own links (paragraph, quote, speaker, selection, copy link) point: `/article/<id>` for a
 * bundled article; a reader's own article (`/mine/<id>`, issue 20) provides its own.
 */
export const ArticlePathContext = createContext<ArticlePath>(paths.article.build)

export function useArticlePath(): ArticlePath {
  return useContext(ArticlePathContext)
}
