import MiniSearch, { type SearchOptions } from 'minisearch'
import type { SearchDocument } from '../../core/schema'

/**
 * Full-text search over headline, deck and body, with MiniSearch. Runs in the search worker (or, without
 * workers, is imported on the first search), so the library's first view never pays for it.
 */
export type ArticleSearchIndex = MiniSearch<SearchDocument>

/** Case- and accent-insensitive terms: "Pyŏngyang" finds "Pyongyang". */
function normaliseTerm(term: string): string | null {
  const t = term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  return t === '' ? null : t
}

const searchOptions: SearchOptions = {
  boost: { headline: 3, deck: 2 },
  combineWith: 'AND',
  // The last word is usually still being typed.
  prefix: (_term, i, terms) => i === terms.length - 1,
  // A typo in a longer word is forgiven; short words must match exactly (fewer surprising results).
  fuzzy: (term) => (term.length > 5 ? 0.2 : false),
}

export async function createSearchIndex(
  documents: readonly SearchDocument[],
  { yieldBetweenChunks }: { yieldBetweenChunks: boolean },
): Promise<ArticleSearchIndex> {
  const index = new MiniSearch<SearchDocument>({
    fields: ['headline', 'deck', 'body'],
    idField: 'id',
    processTerm: normaliseTerm,
    searchOptions,
  })
  // On the main thread, in chunks with pauses between them, so a large library does not freeze the page;
  // in the worker, all at once (nothing else waits on that thread).
  if (yieldBetweenChunks) await index.addAllAsync(documents, { chunkSize: 20 })
  else index.addAll(documents)
  return index
}
