import type { ArticleIndex, ArticleSummary } from '../../core/schema'
import { compareText } from '../../core/text-order'
import { OUTLET_NOT_STATED, type LibraryFilters } from './library-params'

/** A story and its articles as the library shows them. `standalone` collects articles in no known story. */
export type StoryGroup = {
  id: string
  title: string
  /** The story's date, or its newest article's, for ordering; null when nothing states one. */
  date: string | null
  articles: ArticleSummary[]
  standalone: boolean
}

export const STANDALONE_GROUP_ID = 'other-articles'

/** Newest first; an unknown date sorts after every known one. ISO dates compare as strings. */
function byDateDesc(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? 1 : -1
}

/**
 * Articles grouped by story, newest story first, newest article first inside a story. Articles whose
 * story is unknown (or missing from the index) are gathered last under "Other articles".
 */
export function groupArticlesByStory(index: ArticleIndex): StoryGroup[] {
  const byId = new Map(index.articles.map((a) => [a.id, a] as const))
  const placed = new Set<string>()
  const groups: StoryGroup[] = []
  for (const story of index.stories) {
    const articles: ArticleSummary[] = []
    for (const id of story.articleIds) {
      const article = byId.get(id)
      if (!article || placed.has(id)) continue
      placed.add(id)
      articles.push(article)
    }
    if (articles.length === 0) continue
    articles.sort((a, b) => byDateDesc(a.published, b.published) || compareText(a.headline, b.headline))
    const newest = articles.find((a) => a.published !== null)?.published ?? null
    groups.push({ id: story.id, title: story.title, date: story.date ?? newest, articles, standalone: false })
  }
  groups.sort((a, b) => byDateDesc(a.date, b.date) || compareText(a.title, b.title))
  const rest = index.articles.filter((a) => !placed.has(a.id))
  if (rest.length > 0) {
    rest.sort((a, b) => byDateDesc(a.published, b.published) || compareText(a.headline, b.headline))
    groups.push({
      id: STANDALONE_GROUP_ID,
      title: 'Other articles',
      date: null,
      articles: rest,
      standalone: true,
    })
  }
  return groups
}

/** The filters an article is matched against; the search's result comes separately, as ids. */
export type ArticleFilters = Pick<LibraryFilters, 'outlet' | 'speaker'> &
  Partial<Pick<LibraryFilters, 'from' | 'to'>>

/** In the date range, when there is one: an article with no stated date is outside any range. */
function inDateRange(article: ArticleSummary, from = '', to = ''): boolean {
  if (!from && !to) return true
  const day = article.published?.slice(0, 10) ?? null
  if (day === null) return false
  return (!from || day >= from) && (!to || day <= to)
}

export function articleMatchesFilters(
  article: ArticleSummary,
  filters: ArticleFilters,
  matchIds: ReadonlySet<string> | null,
): boolean {
  if (matchIds && !matchIds.has(article.id)) return false
  if (filters.outlet) {
    const outlet = article.outlet ?? OUTLET_NOT_STATED
    if (outlet !== filters.outlet) return false
  }
  if (filters.speaker && !article.speakers.includes(filters.speaker)) return false
  return inDateRange(article, filters.from, filters.to)
}

const filtersNothing = (f: ArticleFilters, matchIds: ReadonlySet<string> | null) =>
  !f.outlet && !f.speaker && !f.from && !f.to && !matchIds

/**
 * The groups with only matching articles; empty groups are dropped. `matchIds` is the search result
 * (null when not searching). Returns the input itself when nothing filters, so memoised lists stay stable.
 */
export function filterGroups(
  groups: StoryGroup[],
  filters: ArticleFilters,
  matchIds: ReadonlySet<string> | null,
): StoryGroup[] {
  if (filtersNothing(filters, matchIds)) return groups
  const out: StoryGroup[] = []
  for (const group of groups) {
    const articles = group.articles.filter((a) => articleMatchesFilters(a, filters, matchIds))
    if (articles.length > 0) out.push({ ...group, articles })
  }
  return out
}

export function countArticles(groups: readonly StoryGroup[]): number {
  let n = 0
  for (const g of groups) n += g.articles.length
  return n
}

export type FilterOption = { value: string; label: string; count: number }

/** Outlets by number of articles, then name; unknown outlets as one "Outlet not stated" option, last. */
export function outletOptions(articles: readonly ArticleSummary[]): FilterOption[] {
  const counts = new Map<string, number>()
  let unknown = 0
  for (const a of articles) {
    if (a.outlet === null || a.outlet.trim() === '') unknown++
    else counts.set(a.outlet, (counts.get(a.outlet) ?? 0) + 1)
  }
  const options = sortOptions(counts)
  if (unknown > 0) options.push({ value: OUTLET_NOT_STATED, label: 'Outlet not stated', count: unknown })
  return options
}

/** People quoted, by number of articles quoting them, then name. */
export function speakerOptions(articles: readonly ArticleSummary[]): FilterOption[] {
  const counts = new Map<string, number>()
  for (const a of articles) {
    for (const name of new Set(a.speakers)) counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return sortOptions(counts)
}

/**
 * Each filter's choices counted among the articles the other active filters leave (faceted counts), so a
 * choice's number is what choosing it would show: "(1)" and "(1)" never combine to nothing.
 */
export function facetOptions(
  articles: readonly ArticleSummary[],
  filters: ArticleFilters,
  matchIds: ReadonlySet<string> | null,
): { outlets: FilterOption[]; speakers: FilterOption[] } {
  const forOutlets = filtersNothing({ ...filters, outlet: '' }, matchIds)
    ? articles
    : articles.filter((a) => articleMatchesFilters(a, { ...filters, outlet: '' }, matchIds))
  const forSpeakers = filtersNothing({ ...filters, speaker: '' }, matchIds)
    ? articles
    : articles.filter((a) => articleMatchesFilters(a, { ...filters, speaker: '' }, matchIds))
  return { outlets: outletOptions(forOutlets), speakers: speakerOptions(forSpeakers) }
}

/** The earliest and latest publication day in the library, for the date fields' bounds. */
export function dateBounds(articles: readonly ArticleSummary[]): { min: string; max: string } | null {
  let min: string | null = null
  let max: string | null = null
  for (const a of articles) {
    const day = a.published?.slice(0, 10)
    if (!day) continue
    if (min === null || day < min) min = day
    if (max === null || day > max) max = day
  }
  return min === null || max === null ? null : { min, max }
}

function sortOptions(counts: Map<string, number>): FilterOption[] {
  return [...counts]
    .map(([value, count]) => ({ value, label: value, count }))
    .sort((a, b) => b.count - a.count || compareText(a.label, b.label))
}
