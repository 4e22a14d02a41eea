import type { KeyboardEvent } from 'react'
import type { ArticleIndex, ArticleSummary } from '../../../core/schema'
import type { ChoiceGroup, groupArticles } from '../model/picker-choices'

// The search field of a corpus larger than the pickers list at once (see article-pickers.tsx). Its own
// chunk, loaded only for such a corpus; it imports nothing of the comparison's at run time, so the bundler
// keeps the comparison's own modules together.

/** Lower case without accents, so "sao paulo" finds "São Paulo". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase()
}

const folded = new WeakMap<ArticleSummary, string>()

/**
 * The articles to list for a search: those whose outlet, headline or story holds every word of `query`,
 * at most `limit` of them in listing order, plus the articles in `keep` wherever they are (a select must
 * list its own value). `matching` counts every match, listed or not.
 */
export function pickerChoices(
  group: typeof groupArticles,
  index: ArticleIndex,
  query: string,
  keep: readonly string[],
  limit: number,
): { groups: ChoiceGroup[]; matching: number } {
  const words = fold(query).split(/\s+/).filter(Boolean)
  let matching = 0
  const matchesAll = (article: ArticleSummary, story: string | null) => {
    // No words (the field is empty): every article matches, and none needs its text folded.
    if (words.length === 0) return true
    let text = folded.get(article)
    if (text === undefined) {
      text = fold(`${article.outlet ?? ''} ${article.headline} ${story ?? ''}`)
      folded.set(article, text)
    }
    return words.every((w) => text.includes(w))
  }
  const groups = group(index, (article, story) => {
    const matches = matchesAll(article, story)
    if (matches) matching++
    return (matches && matching <= limit) || keep.includes(article.id)
  })
  return { groups, matching }
}

/**
 * "10,002 articles". Not toLocaleString: its first call sets up the number formatter, ~30 ms on a phone
 * (docs/decisions/0018-no-intl-at-hydration.md).
 */
const count = (n: number) => `${String(n).replace(/\B(?=(\d{3})+$)/g, ',')} article${n === 1 ? '' : 's'}`

function foundText(query: string, matching: number, total: number, limit: number): string {
  if (query.trim() === '')
    return `The lists show the first ${limit} of ${count(total)}; type words from an outlet, a headline or a story to list others.`
  if (matching === 0) return 'No article matches; the lists show the chosen articles only.'
  if (matching > limit)
    return `${count(matching)} match; the lists show the first ${limit}. Add words to narrow them.`
  return `${count(matching)} match; the lists show ${matching === 1 ? 'it' : 'them all'}.`
}

// Enter in the search field finds; it does not compare.
const onSearchKey = (event: KeyboardEvent) => {
  if (event.key === 'Enter') event.preventDefault()
}

export function FinderField({
  query,
  setQuery,
  searched,
  matching,
  total,
  limit,
}: {
  query: string
  setQuery: (query: string) => void
  /** The query the lists show (typing runs ahead of it). */
  searched: string
  matching: number
  total: number
  limit: number
}) {
  return (
    <div className="cmp-picker cmp-picker-find">
      <label htmlFor="cmp-pick-find">Find articles to compare</label>
      <input
        id="cmp-pick-find"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onSearchKey}
        aria-describedby="cmp-pick-found"
        autoComplete="off"
      />
      <p id="cmp-pick-found" className="cmp-picker-found" role="status">
        {foundText(searched, matching, total, limit)}
      </p>
    </div>
  )
}
