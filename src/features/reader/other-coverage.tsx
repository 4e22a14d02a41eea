import { useId } from 'react'
import { Link } from 'react-router'
import type { ArticleIndex, ArticleSummary } from '../../core/schema'
import { paths } from '../../lib/paths'
import { formatDate, plural } from '../../ui/format'

export type Coverage = { title: string; others: ArticleSummary[] }

/** The story an article belongs to, and the story's other articles in the index's order. */
export function otherCoverage(index: ArticleIndex, articleId: string): Coverage | null {
  const story = index.stories.find((s) => s.articleIds.includes(articleId))
  if (!story) return null
  const byId = new Map(index.articles.map((a) => [a.id, a] as const))
  const others = story.articleIds
    .filter((id) => id !== articleId)
    .map((id) => byId.get(id))
    .filter((a): a is ArticleSummary => a !== undefined)
  return others.length > 0 ? { title: story.title, others } : null
}

/**
 * The other articles of this article's story, each with a one-click comparison against this one: the way
 * from one outlet's report to how the others covered it, without going back to the library.
 */
export function OtherCoverage({ articleId, coverage }: { articleId: string; coverage: Coverage }) {
  const headingId = useId()
  return (
    <section className="other-coverage" aria-labelledby={headingId}>
      <h2 id={headingId}>Other coverage of this story</h2>
      <p className="muted">
        {coverage.title}: {plural(coverage.others.length, 'more article', 'more articles')}
      </p>
      <ul className="coverage-list">
        {coverage.others.map((other) => {
          const outlet = other.outlet ?? 'Outlet not stated'
          return (
            <li key={other.id} className="coverage-item">
              <Link className="coverage-headline" to={paths.article.build(other.id)}>
                {other.headline}
              </Link>
              <span className="coverage-meta">
                {outlet}
                {other.published ? (
                  <>
                    {' · '}
                    <time dateTime={other.published}>{formatDate(other.published)}</time>
                  </>
                ) : null}
                {' · '}
                {plural(other.quoteCount, 'quote')}
              </span>
              <Link
                className="button coverage-compare"
                to={paths.compare.build(articleId, other.id)}
                aria-label={`Compare side by side with ${outlet}`}
              >
                Compare side by side
              </Link>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
