import type { ArticleSummary } from '../../core/schema'
import type { StoryGroup } from './library-model'

/**
 * The unit the virtualised list renders: a story's header with its first articles, or a continuation of a
 * long story. Chunking keeps rows of similar height whether a story has 2 articles or 2,000.
 */
export type StoryRow = {
  key: string
  group: StoryGroup
  articles: ArticleSummary[]
  /** Position of the row's first article in its story (0-based), for aria-posinset. */
  offset: number
  first: boolean
}

export const ARTICLES_PER_ROW = 6

export function storyRows(groups: readonly StoryGroup[], perRow: number = ARTICLES_PER_ROW): StoryRow[] {
  const rows: StoryRow[] = []
  for (const group of groups) {
    for (let offset = 0; offset < group.articles.length; offset += perRow) {
      rows.push({
        key: `${group.id}:${offset}`,
        group,
        articles: group.articles.slice(offset, offset + perRow),
        offset,
        first: offset === 0,
      })
    }
  }
  return rows
}
