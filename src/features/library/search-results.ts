// Type-only import: this file must not pull MiniSearch into the library's first chunk.
import type { ArticleSearchIndex } from './search-index'

/** Ids of the matching articles, best match first; every word must match (prefix for the last one). */
export function searchArticleIds(index: ArticleSearchIndex, query: string): string[] {
  const q = query.trim()
  if (q === '') return []
  return index.search(q).map((r) => String(r.id))
}
