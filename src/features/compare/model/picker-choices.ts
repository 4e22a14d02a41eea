import type { ArticleIndex, ArticleSummary } from '../../../core/schema'
import { outletLabel } from './labels'

/**
 * How many articles the pickers list at once. A corpus of this size or less is listed whole; a larger one
 * (thousands of articles) would put that many options in each select, twice, into the comparison's first
 * render, so the pickers list this many and a search field (article-finder.tsx) finds the others.
 * See docs/decisions/0019-corpus-scale-lists.md.
 */
export const PICKER_LIMIT = 200

export type ChoiceGroup = { key: string; label: string; articles: ArticleSummary[] }

export function optionLabel(a: ArticleSummary): string {
  return `${outletLabel(a)}: ${a.headline}`
}

const byIdOf = new WeakMap<ArticleIndex, Map<string, ArticleSummary>>()

/** Once per index: a search in a corpus of thousands runs through it at every change of the query. */
function articlesById(index: ArticleIndex): Map<string, ArticleSummary> {
  let byId = byIdOf.get(index)
  if (!byId) {
    byId = new Map(index.articles.map((a) => [a.id, a]))
    byIdOf.set(index, byId)
  }
  return byId
}

/**
 * The articles `include` accepts, in the order the pickers list them: by story (an article two stories
 * claim, in the first), then those in no story. `include` sees each article once, with its story's title.
 */
export function groupArticles(
  index: ArticleIndex,
  include: (article: ArticleSummary, story: string | null) => boolean,
): ChoiceGroup[] {
  const byId = articlesById(index)
  const seen = new Set<string>()
  const groups: ChoiceGroup[] = []
  const add = (key: string, label: string, articles: ArticleSummary[]) => {
    if (articles.length > 0) groups.push({ key, label, articles })
  }
  for (const story of index.stories) {
    const listed: ArticleSummary[] = []
    for (const id of story.articleIds) {
      const article = byId.get(id)
      if (!article || seen.has(id)) continue
      seen.add(id)
      if (include(article, story.title)) listed.push(article)
    }
    add(story.id, story.title, listed)
  }
  add(
    '',
    'Not part of a story',
    index.articles.filter((a) => !seen.has(a.id) && include(a, null)),
  )
  return groups
}
