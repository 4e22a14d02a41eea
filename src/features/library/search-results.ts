// Type-only import: this file must not pull MiniSearch into the library's first chunk.
import type { ArticleSearchIndex } from './search-index'
import { bestSnippet, type Snippet } from './search-snippet'

/** One matching article, and the sentence of its body that matched best (null for a headline or deck match). */
export type SearchHit = { id: string; snippet: Snippet | null }

/** Snippets are made for this many results at most: nobody reads further down a list before refining it. */
const SNIPPETS = 200

/** The matching articles, best match first; every word must match (prefix for the last one). */
export function searchArticles(
  index: ArticleSearchIndex,
  bodies: ReadonlyMap<string, string>,
  query: string,
): SearchHit[] {
  const q = query.trim()
  if (q === '') return []
  return index.search(q).map((r, i) => {
    const id = String(r.id)
    const body = i < SNIPPETS ? bodies.get(id) : undefined
    return { id, snippet: body === undefined ? null : bestSnippet(body, new Set(r.terms)) }
  })
}
