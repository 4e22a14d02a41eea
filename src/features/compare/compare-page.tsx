import { Suspense, useMemo } from 'react'
import { Link } from 'react-router'
import type { Article, ArticleIndex, Comparison } from '../../core/schema'
import { paths } from '../../lib/paths'
import { DocumentTitle } from '../../ui/document-title'
import { ArticlePickers } from './article-pickers'
import { CompareWorkspace } from './compare-workspace'
import { ComparisonSummaryPanel } from './comparison-summary'
import { outletLabel, sideLabels } from './labels'
import { buildCompareModel, type Side } from './passages'
import { useComparisonSummary } from './use-comparison-summary'
import './compare.css'

function storyTitle(index: ArticleIndex, article: Article): string | null {
  return index.stories.find((s) => s.id === article.storyId)?.title ?? null
}

function Summary({
  left,
  right,
  comparison,
  labels,
}: {
  left: Article
  right: Article
  comparison: Comparison
  labels: Record<Side, string>
}) {
  const summary = useComparisonSummary(left, right, comparison)
  if (!summary) {
    return (
      <p id="cmp-summary" className="cmp-summary cmp-muted">
        Preparing the summary…
      </p>
    )
  }
  return <ComparisonSummaryPanel summary={summary} labels={labels} />
}

/** `/compare/:leftId/:rightId`: two different articles side by side, then the summary. */
export function ComparePage({
  left,
  right,
  comparison,
  index,
}: {
  left: Article
  right: Article
  comparison: Comparison
  index: ArticleIndex
}) {
  const labels = sideLabels(left, right)
  const model = useMemo(() => buildCompareModel(left, right, comparison), [left, right, comparison])
  const pair = `${left.id}/${right.id}`
  const story = left.storyId && left.storyId === right.storyId ? storyTitle(index, left) : null
  return (
    <div className="cmp-page">
      <DocumentTitle title={`Compare: ${labels.left} and ${labels.right}`} />
      <header className="cmp-page-head">
        <h1>Comparing coverage</h1>
        <p className="cmp-page-sub">
          {story ? `${story}: ` : null}
          {labels.left} and {labels.right}, side by side. <a href="#cmp-summary">Skip to the summary</a>
        </p>
        <ArticlePickers key={pair} index={index} leftId={left.id} rightId={right.id} />
      </header>
      <CompareWorkspace key={pair} left={left} right={right} model={model} labels={labels} />
      {/* Its own boundary, so hydration of the summary does not hold up the side-by-side view. */}
      <Suspense fallback={null}>
        <Summary left={left} right={right} comparison={comparison} labels={labels} />
      </Suspense>
    </div>
  )
}

/** Comparing an article with itself would link every sentence to itself: say so and offer real pairs. */
export function SelfComparison({ article, index }: { article: Article; index: ArticleIndex }) {
  const others = index.articles.filter((a) => a.id !== article.id)
  const sameStory = others.filter((a) => article.storyId !== null && a.storyId === article.storyId)
  const suggestions = (sameStory.length > 0 ? sameStory : others).slice(0, 5)
  return (
    <div className="cmp-page">
      <DocumentTitle title="Compare an article with itself" />
      <header className="cmp-page-head">
        <h1>Comparing coverage</h1>
        <ArticlePickers key={article.id} index={index} leftId={article.id} rightId={article.id} />
      </header>
      <section className="cmp-self" aria-labelledby="cmp-self-title">
        <h2 id="cmp-self-title">Both sides show the same article</h2>
        <p>
          “{article.headline}” ({outletLabel(article)}) is on both sides. Compared with itself, every sentence
          would simply match itself, so there is nothing to show. Choose a different article for one of the
          sides.
        </p>
        {suggestions.length > 0 ? (
          <>
            <p>{sameStory.length > 0 ? 'Other coverage of the same story:' : 'Other articles:'}</p>
            <ul>
              {suggestions.map((a) => (
                <li key={a.id}>
                  <Link to={paths.compare.build(article.id, a.id)}>
                    Compare with {outletLabel(a)}: {a.headline}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <Link to={paths.article.build(article.id)}>Read the article on its own</Link>
        </p>
      </section>
    </div>
  )
}
