import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { ArticleSummary } from '../../core/schema'
import { paths } from '../../lib/paths'
import { formatDate, formatNameList, formatReadingTime, plural } from '../../ui/format'
import { useCardContext } from './card-context'
import type { Snippet } from './search-snippet'

/** Bylines are shown as written; "By" is added only when the outlet did not write it. */
function bylineText(byline: string): string {
  return /^by\s/i.test(byline) ? byline : `By ${byline}`
}

/** The sentence that matched a search, the searched words marked. */
function MatchingSentence({ snippet }: { snippet: Snippet }) {
  const parts: ReactNode[] = []
  let at = 0
  for (const [start, end] of snippet.marks) {
    if (start > at) parts.push(snippet.text.slice(at, start))
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>)
    at = end
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at))
  return (
    <p className="card-match">
      <span className="visually-hidden">Matching sentence: </span>
      {parts}
    </p>
  )
}

/**
 * One article in the library. The headline link covers the whole card (a stretched link), so the card is
 * one large target while screen readers hear one link named by the headline.
 */
export function ArticleCard({ article }: { article: ArticleSummary }) {
  const titleId = `card-${article.id}`
  const { snippets, speaker } = useCardContext()
  const snippet = snippets?.get(article.id)
  // A person chosen in the library stays in focus in the article (the reader takes a name or an id).
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 className="card-title">
        <Link
          id={titleId}
          className="card-link"
          to={paths.article.build(
            article.id,
            speaker && article.speakers.includes(speaker) ? { speaker } : {},
          )}
        >
          {article.headline}
        </Link>
      </h3>
      <p className="card-source">
        {article.outlet ? (
          <span className="card-outlet">{article.outlet}</span>
        ) : (
          <span className="card-outlet unknown">Outlet not stated</span>
        )}
        {article.kicker ? <span className="card-kicker">{article.kicker}</span> : null}
      </p>
      {article.deck ? <p className="card-deck">{article.deck}</p> : null}
      {snippet ? <MatchingSentence snippet={snippet} /> : null}
      <p className="card-meta">
        {article.byline ? <span>{bylineText(article.byline)}</span> : null}
        {article.published ? (
          <time dateTime={article.published}>{formatDate(article.published)}</time>
        ) : (
          <span className="unknown">Date not stated</span>
        )}
        <span>{formatReadingTime(article.wordCount)}</span>
      </p>
      <p className="card-quotes">
        <span className="card-quote-count">
          {article.quoteCount === 0 ? 'No quotes' : plural(article.quoteCount, 'quote')}
        </span>
        {article.speakers.length > 0 ? (
          <span className="card-speakers">Quoting {formatNameList(article.speakers)}</span>
        ) : null}
      </p>
    </article>
  )
}
