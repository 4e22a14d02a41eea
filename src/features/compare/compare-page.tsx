import { startTransition, Suspense, use, useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import type { Article, ArticleIndex, Comparison } from '../../core/schema'
import { paths } from '../../lib/paths'
import { DocumentTitle } from '../../ui/document-title'
import { PrerenderedIsland, readPrerenderedMarkup } from '../../ui/prerendered-island'
import { ArticlePickers } from './components/article-pickers'
import { CompareWorkspace } from './components/compare-workspace'
import { outletLabel, sideLabels } from './model/labels'
import { buildCompareModel } from './model/passages'
import { SummaryBoundary, SummaryPlaceholder } from './components/summary-placeholder'
import { useFromServerHtml } from './hooks/use-from-server-html'
import type { SummarySection, SummarySectionProps } from './components/summary-section'
import './compare.css'

function storyTitle(index: ArticleIndex, article: Article): string | null {
  return index.stories.find((s) => s.id === article.storyId)?.title ?? null
}

type SummaryModule = { SummarySection: typeof SummarySection }
let summaryModule: Promise<SummaryModule> | null = null

function loadSummary(): Promise<SummaryModule> {
  // A failed download may succeed next time (the error view offers "Try again").
  summaryModule ??= import('./components/summary-section').catch((error: unknown) => {
    summaryModule = null
    throw error
  })
  return summaryModule
}

function LiveSummary({ immediate, ...props }: SummarySectionProps & { immediate: boolean }) {
  const { SummarySection } = use(loadSummary())
  return <SummarySection {...props} immediate={immediate} />
}

/** Resolves once `element` is on screen. */
function whenSeen(element: Element, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (typeof IntersectionObserver !== 'function') return resolve()
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return
      observer.disconnect()
      resolve()
    })
    observer.observe(element)
    signal.addEventListener('abort', () => observer.disconnect())
  })
}

/**
 * The summary (its computation, the quote-wording comparison, the word diff) is the part of a comparison
 * below two whole articles, so a first visit does not download its code until the reader scrolls (or
 * jumps, or tabs) to it. Until then the prerendered summary stays exactly as the server wrote it: readable,
 * its links plain links, and outside React (hydrating it would need its code, and a dehydrated part of the
 * page would hold up every later update, such as selecting a link). A page the browser renders itself
 * (after a navigation) loads the summary at once — once the side-by-side view is on screen: asking for
 * a module (and its preloads) during the view's first render would lengthen it.
 * See docs/decisions/0016-summary-island.md.
 */
const SLOT = 'cmp-summary-slot'

function Summary(props: SummarySectionProps) {
  const fromServerHtml = useFromServerHtml()
  const slot = useRef<HTMLDivElement>(null)
  const [prerendered] = useState(() => (fromServerHtml ? readPrerenderedMarkup(SLOT) : null))
  // The prerenderer writes the whole summary into the page; in the browser it goes live as said above.
  const [live, setLive] = useState(() => typeof window === 'undefined')
  useEffect(() => {
    if (live || !slot.current) return
    const abort = new AbortController()
    const wanted = prerendered === null ? Promise.resolve() : whenSeen(slot.current, abort.signal)
    // If the download fails, the prerendered summary stays as it is; a page rendered here goes live anyway,
    // where LiveSummary asks again and SummaryBoundary says if that fails too.
    const goLive = () => {
      if (!abort.signal.aborted) startTransition(() => setLive(true))
    }
    void wanted.then(loadSummary).then(goLive, () => {
      if (prerendered === null) goLive()
    })
    return () => abort.abort()
  }, [live, prerendered])
  if (!live && prerendered !== null)
    return <PrerenderedIsland ref={slot} className={SLOT} markup={prerendered} />
  if (!live)
    return (
      <div ref={slot} className={SLOT}>
        <SummaryPlaceholder />
      </div>
    )
  return (
    <div className={SLOT}>
      {/* Its own boundaries, so the summary neither holds up nor takes down the side-by-side view. */}
      <SummaryBoundary>
        <Suspense fallback={<SummaryPlaceholder />}>
          {/* Replacing the prerendered markup: the same summary at once, not "Preparing…" first. */}
          <LiveSummary {...props} immediate={prerendered !== null} />
        </Suspense>
      </SummaryBoundary>
    </div>
  )
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
      <Summary key={pair} left={left} right={right} comparison={comparison} labels={labels} />
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
